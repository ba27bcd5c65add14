// Synthetic Olist-shaped history for the import benchmark: the proportions of the real dataset
// (statuses, lines and payments per order, quirks such as missing dates, zero and not_defined
// payments), generated lazily and deterministically so that the script never holds the input.

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same history. */
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

// Olist's full file: delivered 96,478; shipped 1,107; canceled 625; unavailable 609; invoiced 314;
// processing 301; created 5; approved 2 (of 99,441).
const STATUSES: [string, number][] = [
  ['delivered', 96_478],
  ['shipped', 1_107],
  ['canceled', 625],
  ['unavailable', 609],
  ['invoiced', 314],
  ['processing', 301],
  ['created', 5],
  ['approved', 2],
];
const STATUS_TOTAL = STATUSES.reduce((sum, [, n]) => sum + n, 0);

function pick<T>(next: () => number, weighted: [T, number][], total: number): T {
  let roll = next() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Olist's local `YYYY-MM-DD HH:MM:SS` of a São Paulo wall-clock time given as UTC-based epoch ms. */
function local(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
const cents = (value: number) => `${Math.floor(value / 100)}.${pad(value % 100)}`;

const START = Date.UTC(2016, 9, 1);
const SPAN = Date.UTC(2018, 8, 1) - START;
const HOUR = 3_600_000;

export interface GeneratedOrder {
  order_id: string;
  customer_id: string;
  order_status: string;
  order_purchase_timestamp: string;
  order_approved_at: string;
  order_delivered_carrier_date: string;
  order_delivered_customer_date: string;
  order_estimated_delivery_date: string;
  items: { order_item_id: string; product_id: string; seller_id: string; shipping_limit_date: string; price: string; freight_value: string }[];
  payments: { payment_sequential: string; payment_type: string; payment_installments: string; payment_value: string }[];
}

export interface GeneratedCounts {
  orders: number;
  lines: number;
  payments: number;
}

/**
 * `count` orders shaped like Olist's: about 1.13 lines and 1.04 payments per order, 0.8% without
 * lines, statuses in Olist's proportions, some delivered orders without a delivery date. `counts`
 * is filled as the orders are generated.
 */
export function* generateOrders(count: number, seed: number, counts: GeneratedCounts): Generator<GeneratedOrder> {
  const next = random(seed);
  const products = Array.from({ length: 3_000 }, () => hexId(next));
  const sellers = Array.from({ length: 300 }, () => hexId(next));
  for (let n = 0; n < count; n++) {
    const status = pick(next, STATUSES, STATUS_TOTAL);
    const purchased = START + Math.floor(next() * SPAN / 1000) * 1000;
    const approved = status === 'created' ? null : purchased + Math.floor(next() * 20 * HOUR / 1000) * 1000;
    const reached = ['shipped', 'delivered'].includes(status);
    const carrier = reached && approved ? approved + Math.floor(next() * 72 * HOUR / 1000) * 1000 : null;
    const deliveredMissing = status === 'delivered' && next() < 0.0001;
    const delivered = status === 'delivered' && carrier && !deliveredMissing ? carrier + Math.floor(next() * 240 * HOUR / 1000) * 1000 : null;
    const estimated = purchased + (10 + Math.floor(next() * 30)) * 24 * HOUR;

    const lineCount = next() < 0.008 ? 0 : next() < 0.9 ? 1 : next() < 0.75 ? 2 : 3 + Math.floor(next() * 3);
    const items: GeneratedOrder['items'] = [];
    let total = 0;
    const product = products[Math.floor(next() * products.length)]!;
    const seller = sellers[Math.floor(next() * sellers.length)]!;
    for (let line = 1; line <= lineCount; line++) {
      const price = 500 + Math.floor(next() * 30_000);
      const freight = Math.floor(next() * 4_000);
      total += price + freight;
      items.push({
        order_item_id: String(line),
        product_id: line > 1 && next() < 0.5 ? product : products[Math.floor(next() * products.length)]!,
        seller_id: seller,
        shipping_limit_date: local(purchased + 6 * 24 * HOUR),
        price: cents(price),
        freight_value: cents(freight),
      });
    }
    const payments: GeneratedOrder['payments'] = [];
    const paymentCount = next() < 0.97 ? 1 : 2 + Math.floor(next() * 2);
    let paid = 0;
    for (let sequential = 1; sequential <= paymentCount; sequential++) {
      const share = sequential === paymentCount ? total - paid : Math.floor(total / paymentCount);
      paid += share;
      const type = sequential > 1 ? 'voucher' : next() < 0.74 ? 'credit_card' : next() < 0.9 ? 'boleto' : next() < 0.99 ? 'debit_card' : 'not_defined';
      payments.push({
        payment_sequential: String(sequential),
        payment_type: type,
        payment_installments: type === 'credit_card' ? String(1 + Math.floor(next() * 10)) : '1',
        payment_value: cents(Math.max(0, share)),
      });
    }
    counts.orders++;
    counts.lines += items.length;
    counts.payments += payments.length;
    yield {
      order_id: hexId(next),
      customer_id: hexId(next),
      order_status: status,
      order_purchase_timestamp: local(purchased),
      order_approved_at: approved ? local(approved) : '',
      order_delivered_carrier_date: carrier ? local(carrier) : '',
      order_delivered_customer_date: delivered ? local(delivered) : '',
      order_estimated_delivery_date: `${local(estimated).slice(0, 10)} 00:00:00`,
      items,
      payments,
    };
  }
}
