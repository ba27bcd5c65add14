// The zip code prefixes customers and sellers live at: drawn once per run from the gazetteer, in proportion
// to the states' customer shares and the cities' weights, each with a point for the geolocation file.
import { BRAZILIAN_STATES, type BrazilianState } from '../olist/olist-files';
import { CUSTOMER_STATE_WEIGHTS, PLACES } from './reference-data';
import { WeightedChoice, type Random } from './random';

export class ZipPool {
  readonly zips: string[] = [];
  readonly cities: string[] = [];
  readonly states: BrazilianState[] = [];
  readonly lats: number[] = [];
  readonly lngs: number[] = [];
  private readonly byState = new Map<BrazilianState, number[]>();

  /** About `size` distinct prefixes, at least one per state. */
  static build(random: Random, size: number): ZipPool {
    const pool = new ZipPool();
    const total = Object.values(CUSTOMER_STATE_WEIGHTS).reduce((sum, weight) => sum + weight, 0);
    for (const state of BRAZILIAN_STATES) {
      const places = PLACES[state];
      const placeChoice = new WeightedChoice(places.map((place) => place.weight));
      const wanted = Math.max(1, Math.round((size * CUSTOMER_STATE_WEIGHTS[state]) / total));
      const taken = new Set<number>();
      const indices: number[] = [];
      for (let attempt = 0; indices.length < wanted && attempt < wanted * 30; attempt++) {
        const place = places[placeChoice.pick(random)]!;
        const zip = random.between(place.zipFrom, place.zipTo);
        if (taken.has(zip)) continue;
        taken.add(zip);
        // Big cities spread wider around their centre.
        const spread = place.zipTo - place.zipFrom > 400 ? 0.12 : 0.04;
        indices.push(pool.zips.length);
        pool.zips.push(String(zip).padStart(5, '0'));
        pool.cities.push(place.city);
        pool.states.push(state);
        pool.lats.push(place.lat + (random.float() * 2 - 1) * spread);
        pool.lngs.push(place.lng + (random.float() * 2 - 1) * spread);
      }
      pool.byState.set(state, indices);
    }
    return pool;
  }

  get size(): number {
    return this.zips.length;
  }

  /** A prefix of the state, uniformly. */
  pickInState(random: Random, state: BrazilianState): number {
    return random.pick(this.byState.get(state)!);
  }

  /** A prefix of the state in the given city, if the pool has one. */
  findInCity(state: BrazilianState, city: string): number | undefined {
    return this.byState.get(state)!.find((index) => this.cities[index] === city);
  }
}
