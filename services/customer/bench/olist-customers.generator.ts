// Synthetic rows of olist_customers_dataset.csv for the import benchmark: Olist's proportions (about
// 96% of persons with one account, the rest with two or three, some of those at another address),
// zip prefixes with leading zeros, generated lazily and deterministically.

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX = '0123456789abcdef';
function hexId(next: () => number): string {
  let id = '';
  for (let i = 0; i < 32; i++) id += HEX[Math.floor(next() * 16)];
  return id;
}

const PLACES: [string, string][] = [
  ['sao paulo', 'SP'],
  ['rio de janeiro', 'RJ'],
  ['belo horizonte', 'MG'],
  ['brasilia', 'DF'],
  ['curitiba', 'PR'],
  ['campinas', 'SP'],
  ['porto alegre', 'RS'],
  ['salvador', 'BA'],
  ['guarulhos', 'SP'],
  ['sao bernardo do campo', 'SP'],
];

export interface GeneratedCustomer {
  customer_id: string;
  customer_unique_id: string;
  customer_zip_code_prefix: string;
  customer_city: string;
  customer_state: string;
}

/** `count` rows (accounts); a repeat buyer's accounts follow each other, as a person's orders do. */
export function* generateCustomers(count: number, seed: number): Generator<GeneratedCustomer> {
  const next = random(seed);
  let produced = 0;
  while (produced < count) {
    const person = hexId(next);
    const accounts = next() < 0.965 ? 1 : next() < 0.85 ? 2 : 3;
    let [city, state] = PLACES[Math.floor(next() * PLACES.length)]!;
    let zip = String(Math.floor(next() * 99_999)).padStart(5, '0');
    for (let account = 0; account < accounts && produced < count; account++) {
      if (account > 0 && next() < 0.3) {
        [city, state] = PLACES[Math.floor(next() * PLACES.length)]!;
        zip = String(Math.floor(next() * 99_999)).padStart(5, '0');
      }
      produced++;
      yield { customer_id: hexId(next), customer_unique_id: person, customer_zip_code_prefix: zip, customer_city: city, customer_state: state };
    }
  }
}
