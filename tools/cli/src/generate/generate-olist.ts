// The synthetic Olist generator: writes the nine files of the public dataset, with its headers, quoting
// style, quirks and distributions, at any scale (1 ≈ the real dataset's size), from a seed. The same seed and
// scale give the same bytes. Rows are built as strings and streamed with backpressure; the only state kept
// is what later rows refer to (people, products, sellers, zip prefixes).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OLIST_FILES, type BrazilianState, type OlistFileKind, type OrderStatus } from '../olist/olist-files';
import { CsvFileWriter, drainAll } from './csv-file-writer';
import { FaultInjector, type FaultRecord } from './fault-injector';
import { formatCents, formatCoordinate, olistId, olistText, quotedHeader } from './olist-csv-style';
import { formatLocal, localSeconds, SECONDS_PER_DAY, startOfDay } from './olist-time';
import { Random, WeightedChoice, WeightedValues } from './random';
import {
  CATEGORY_TRANSLATIONS,
  CUSTOMER_STATE_WEIGHTS,
  INSTALLMENT_WEIGHTS,
  LINES_PER_ORDER_WEIGHTS,
  ORDER_STATUS_WEIGHTS,
  PHOTO_COUNT_WEIGHTS,
  PRODUCT_CATEGORY_WEIGHTS,
  PURCHASE_HOUR_WEIGHTS,
  PURCHASE_MONTH_WEIGHTS,
  REVIEW_SENTENCES,
  REVIEW_TITLES,
  SAO_PAULO_CITY_VARIANTS,
  SAO_PAULO_NFD,
  SELLER_STATE_WEIGHTS,
  STATE_REMOTENESS,
  UNTRANSLATED_CATEGORIES,
} from './reference-data';
import { ZipPool } from './zip-pool';

export interface GenerateOlistOptions {
  /** 1 ≈ the real dataset (99,441 orders); 0.01 ≈ 1,000 orders. */
  scale: number;
  /** Any integer (taken modulo 2^32); the same seed and scale give the same bytes. */
  seed: number;
  /** Created if missing; the nine files (and faults.json) are written there. */
  outDir: string;
  /** Inject bad rows of known kinds and list them in faults.json. */
  faults?: boolean;
  /** Chance of an extra fault before any good row, on top of one fault of each kind per file (default 0.0003). */
  faultRate?: number;
}

export interface GeneratedFileSummary {
  kind: OlistFileKind;
  fileName: string;
  path: string;
  /** Good data rows (header and injected faults excluded). */
  rows: number;
  /** Injected bad rows. */
  faultRows: number;
}

export interface GenerateSummary {
  outDir: string;
  scale: number;
  seed: number;
  files: Record<OlistFileKind, GeneratedFileSummary>;
  /** Good data rows over all files. */
  rows: number;
  /** The people behind the customer accounts (distinct customer_unique_id). */
  persons: number;
  /** faults.json, when faults were injected. */
  faultsManifest: string | null;
  faultCount: number;
}

export interface FaultsManifest {
  seed: number;
  scale: number;
  rate: number;
  faults: FaultRecord[];
}

const REAL_ORDERS = 99_441;
const REAL_PRODUCTS = 32_951;
const REAL_SELLERS = 3_095;
/** Distinct zip prefixes in the pool at scale 1 (the geolocation file gets ~1.2 rows per prefix). */
const ZIP_POOL_AT_SCALE_1 = 7_500;
const MAX_SCALE = 20;
const FAULTS_MANIFEST = 'faults.json';

const REPEAT_BUYER_SHARE = 0.0336;
const LATE_DELIVERY_SHARE = 0.081;
const NEW_PRODUCT_SHARE = 0.4;
const SAME_PRODUCT_AGAIN = 0.55;
const NO_REVIEW_SHARE = 0.0077;
const SECOND_REVIEW_SHARE = 0.0055;
const SHARED_REVIEW_ID_SHARE = 0.0082;

// Review scores of orders that went wrong (late, canceled, unavailable) and of the others, mixed so that the
// whole matches the real shares (5: 57.8%, 4: 19.3%, 1: 11.5%, 3: 8.2%, 2: 3.2%).
const SCORES_WHEN_BAD: readonly (readonly [number, number])[] = [[1, 46], [2, 9], [3, 12], [4, 12], [5, 21]]; // prettier-ignore
const SCORES_WHEN_GOOD: readonly (readonly [number, number])[] = [[1, 7.9], [2, 2.6], [3, 7.8], [4, 20.1], [5, 61.6]]; // prettier-ignore

const MAX_LINES = 32;
const MAX_PAYMENTS = 40;

type Writers = Record<OlistFileKind, CsvFileWriter>;

/** Generates the nine Olist files into `outDir`. */
export async function generateOlist(options: GenerateOlistOptions): Promise<GenerateSummary> {
  const { scale, seed, outDir } = options;
  if (!(Number.isFinite(scale) && scale > 0 && scale <= MAX_SCALE)) {
    throw new RangeError(`scale must be a number in (0, ${MAX_SCALE}], got ${scale}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  await mkdir(outDir, { recursive: true });
  // A manifest left by an earlier run with faults would describe files that no longer have them.
  if (options.faults !== true) await rm(join(outDir, FAULTS_MANIFEST), { force: true });
  const generator = new OlistGenerator(
    scale,
    seed,
    outDir,
    options.faults === true,
    options.faultRate ?? 0.0003,
  );
  return generator.run();
}

class OlistGenerator {
  private readonly root: Random;
  private readonly writers: Writers;
  private readonly injector: FaultInjector | undefined;
  private readonly orderCount: number;
  private readonly productCount: number;
  private readonly sellerCount: number;
  private pool!: ZipPool;
  // Sellers and products, as parallel arrays: later rows refer to them by index.
  private readonly sellerIds: string[] = [];
  private readonly productIds: string[] = [];
  private productSeller!: Int32Array;
  private productPrice!: Int32Array;
  private productWeight!: Int32Array;
  private productChoice!: WeightedChoice;
  private persons = 0;

  constructor(
    readonly scale: number,
    readonly seed: number,
    readonly outDir: string,
    faults: boolean,
    readonly faultRate: number,
  ) {
    this.root = new Random(seed);
    this.orderCount = Math.max(1, Math.round(REAL_ORDERS * scale));
    this.productCount = Math.max(8, Math.round(REAL_PRODUCTS * scale));
    this.sellerCount = Math.max(4, Math.round(REAL_SELLERS * scale));
    this.writers = Object.fromEntries(
      Object.values(OLIST_FILES).map((spec) => [
        spec.kind,
        new CsvFileWriter(join(outDir, spec.fileName), faults),
      ]),
    ) as Writers;
    if (faults) {
      // Its own stream, seeded apart: the good rows are the same bytes with or without faults.
      this.injector = new FaultInjector(
        new Random((seed ^ 0x5eedfa17) >>> 0),
        { productIds: this.productIds, sellerIds: this.sellerIds },
        faultRate,
      );
    }
  }

  async run(): Promise<GenerateSummary> {
    const { root } = this;
    const places = root.fork(1);
    const sellers = root.fork(2);
    const products = root.fork(3);
    const geolocation = root.fork(4);
    const orders = root.fork(5);
    this.pool = ZipPool.build(places, Math.max(60, Math.round(ZIP_POOL_AT_SCALE_1 * this.scale)));
    if (this.injector) this.planFaults();
    try {
      for (const spec of Object.values(OLIST_FILES)) {
        // The reviews file ends every line with CRLF, its header's included; the others use LF.
        const lineEnd = spec.kind === 'order_reviews' ? '\r\n' : '\n';
        if (spec.kind !== 'category_translation')
          this.writers[spec.kind].raw(`${quotedHeader(spec.columns)}${lineEnd}`, 1);
      }
      await this.writeTranslations();
      await this.writeSellers(sellers);
      await this.writeProducts(products);
      await this.writeGeolocation(geolocation);
      await this.writeOrders(orders);
    } finally {
      await Promise.all(Object.values(this.writers).map((writer) => writer.close()));
    }
    return this.summary();
  }

  private planFaults(): void {
    const injector = this.injector!;
    const expected: Record<OlistFileKind, number> = {
      customers: this.orderCount,
      orders: this.orderCount,
      order_items: Math.round(this.orderCount * 1.12),
      order_payments: Math.round(this.orderCount * 1.03),
      order_reviews: Math.round(this.orderCount * 0.99),
      products: this.productCount,
      sellers: this.sellerCount,
      geolocation: this.pool.size,
      category_translation: 0,
    };
    for (const spec of Object.values(OLIST_FILES)) injector.plan(spec.kind, expected[spec.kind]);
  }

  private beforeRow(kind: OlistFileKind): void {
    if (this.injector) this.injector.beforeRow(kind, this.writers[kind]);
  }

  /** The real file: BOM, unquoted header, CRLF, no newline after the last row. */
  private async writeTranslations(): Promise<void> {
    const writer = this.writers.category_translation;
    writer.raw(`\uFEFF${OLIST_FILES.category_translation.columns.join(',')}\r\n`, 1);
    CATEGORY_TRANSLATIONS.forEach(([name, english], i) => {
      const last = i === CATEGORY_TRANSLATIONS.length - 1;
      writer.row(`${name},${english}${last ? '' : '\r\n'}`, last ? 0 : 1);
    });
    await writer.drain();
  }

  private async writeSellers(r: Random): Promise<void> {
    const writer = this.writers.sellers;
    const stateChoice = new WeightedValues(
      Object.entries(SELLER_STATE_WEIGHTS) as [BrazilianState, number][],
    );
    const pool = this.pool;
    for (let i = 0; i < this.sellerCount; i++) {
      const id = r.hexId();
      let zipIndex = pool.pickInState(r, stateChoice.pick(r));
      let city = pool.cities[zipIndex]!;
      // The real file's quirks, a few of them on fixed rows so that even a small run has them.
      if (i === 1 || i === 2) {
        zipIndex = pool.findInCity('SP', 'sao paulo') ?? pool.pickInState(r, 'SP');
        city = i === 1 ? SAO_PAULO_NFD : SAO_PAULO_CITY_VARIANTS[0];
      } else if (i === 3 || r.chance(0.0004)) {
        city = `${pool.zips[zipIndex]}${r.between(100, 999)}`; // a seller city that is a number
      } else if (city === 'sao paulo' && r.chance(0.01)) {
        city = r.pick(SAO_PAULO_CITY_VARIANTS);
      } else if (city === "santa barbara d'oeste" && r.chance(0.3)) {
        city = 'santa barbara d´oeste';
      } else if (city === 'lages' && r.chance(0.3)) {
        city = 'lages - sc';
      }
      this.sellerIds.push(id);
      this.beforeRow('sellers');
      writer.row(`${olistId(id)},"${pool.zips[zipIndex]}",${olistText(city)},${pool.states[zipIndex]}\n`);
      if (writer.blocked) await writer.drain();
    }
  }

  private async writeProducts(r: Random): Promise<void> {
    const writer = this.writers.products;
    const n = this.productCount;
    this.productSeller = new Int32Array(n);
    this.productPrice = new Int32Array(n);
    this.productWeight = new Int32Array(n);
    const popularity = new Float64Array(n);
    const sellerChoice = new WeightedChoice(this.sellerIds.map(() => r.logNormal(1, 1.4)));
    const categoryChoice = new WeightedValues(Object.entries(PRODUCT_CATEGORY_WEIGHTS));
    const photoChoice = new WeightedValues(PHOTO_COUNT_WEIGHTS);
    for (let i = 0; i < n; i++) {
      const id = r.hexId();
      let category = categoryChoice.pick(r);
      if (i === 2) category = '';
      else if (i === 4) category = UNTRANSLATED_CATEGORIES[0];
      else if (i === 6) category = UNTRANSLATED_CATEGORIES[1];
      // Every seller has products: the first ones go to each seller in turn.
      this.productSeller[i] = i < this.sellerIds.length ? i : sellerChoice.pick(r);
      const weight = clamp(Math.round(r.logNormal(700, 1.2)), 50, 40_000);
      const size = Math.cbrt(weight / 700);
      const length = clamp(Math.round(25 * size * Math.exp(0.25 * r.normal())), 16, 105);
      const height = clamp(Math.round(12 * size * Math.exp(0.5 * r.normal())), 2, 105);
      const width = clamp(Math.round(19 * size * Math.exp(0.3 * r.normal())), 11, 118);
      const noMeasures = i === 3 || r.chance(0.00006);
      const zeroWeight = i === 5 || r.chance(0.00012);
      this.productWeight[i] = noMeasures || zeroWeight ? 500 : weight;
      this.productPrice[i] = priceCents(r, 78 * Math.pow(weight / 700, 0.3));
      popularity[i] = r.logNormal(1, 1.1);
      const described =
        category === ''
          ? ',,'
          : `${clamp(Math.round(48 + 10 * r.normal()), 5, 76)},${clamp(Math.round(r.logNormal(595, 0.8)), 4, 3992)},${photoChoice.pick(r)}`;
      const measures = noMeasures ? ',,,' : `${zeroWeight ? 0 : weight},${length},${height},${width}`;
      this.productIds.push(id);
      this.beforeRow('products');
      writer.row(`${olistId(id)},${category},${described},${measures}\n`);
      if (writer.blocked) await writer.drain();
    }
    this.productChoice = new WeightedChoice(popularity);
  }

  /** Every prefix of the pool (so every customer and seller prefix), ~1.2 sampled addresses each, by prefix. */
  private async writeGeolocation(r: Random): Promise<void> {
    const writer = this.writers.geolocation;
    const pool = this.pool;
    const order = Array.from({ length: pool.size }, (_, i) => i).sort((a, b) =>
      pool.zips[a]! < pool.zips[b]! ? -1 : 1,
    );
    for (const index of order) {
      const addresses = r.chance(0.15) ? 2 + Math.min(4, r.geometric(0.5)) : 1;
      for (let a = 0; a < addresses; a++) {
        const lat = pool.lats[index]! + (r.float() * 2 - 1) * 0.004;
        const lng = pool.lngs[index]! + (r.float() * 2 - 1) * 0.004;
        const city = pool.cities[index] === 'sao paulo' && r.chance(0.05) ? 'são paulo' : pool.cities[index]!;
        this.beforeRow('geolocation');
        writer.row(
          `"${pool.zips[index]}",${formatCoordinate(lat)},${formatCoordinate(lng)},${olistText(city)},${pool.states[index]}\n`,
        );
      }
      if (writer.blocked) await writer.drain();
    }
  }

  private async writeOrders(r: Random): Promise<void> {
    const w = this.writers;
    const all = Object.values(w);
    const pool = this.pool;
    const statusChoice = new WeightedValues(Object.entries(ORDER_STATUS_WEIGHTS) as [OrderStatus, number][]);
    const customerStateChoice = new WeightedValues(
      Object.entries(CUSTOMER_STATE_WEIGHTS) as [BrazilianState, number][],
    );
    const monthChoice = new WeightedChoice(PURCHASE_MONTH_WEIGHTS.map(([, weight]) => weight));
    const months = PURCHASE_MONTH_WEIGHTS.map(([month]) => {
      const [year, monthNumber] = month.split('-').map(Number) as [number, number];
      const start = localSeconds(year, monthNumber, 1);
      return {
        start,
        days: (localSeconds(year, monthNumber + 1, 1) - start) / SECONDS_PER_DAY,
        blackFriday: month === '2017-11',
      };
    });
    const hourChoice = new WeightedChoice(PURCHASE_HOUR_WEIGHTS);
    const lineCountChoice = new WeightedValues(LINES_PER_ORDER_WEIGHTS);
    const installmentChoice = new WeightedValues(INSTALLMENT_WEIGHTS);
    const goodScores = new WeightedValues(SCORES_WHEN_GOOD);
    const badScores = new WeightedValues(SCORES_WHEN_BAD);
    const personIds: string[] = [];
    const personZip: number[] = [];
    const lineProduct = new Int32Array(MAX_LINES);
    const linePrice = new Int32Array(MAX_LINES);
    const lineFreight = new Int32Array(MAX_LINES);
    const payment = new PaymentPlan();
    let productCursor = 0;
    let lastReviewId = '';

    for (let o = 0; o < this.orderCount; o++) {
      // Who: a new person, or now and then one who bought before (a new customer_id all the same).
      let person: number;
      if (personIds.length > 0 && r.chance(REPEAT_BUYER_SHARE)) person = r.below(personIds.length);
      else {
        person = personIds.length;
        personIds.push(r.hexId());
        personZip.push(pool.pickInState(r, customerStateChoice.pick(r)));
      }
      const zipIndex = personZip[person]!;
      const remote = STATE_REMOTENESS[pool.states[zipIndex]!];
      const customerId = r.hexId();
      const orderId = r.hexId();
      const status = statusChoice.pick(r);

      // When.
      const month = months[monthChoice.pick(r)]!;
      const day = month.blackFriday && r.chance(0.122) ? 23 : r.below(month.days);
      const purchase = month.start + day * SECONDS_PER_DAY + hourChoice.pick(r) * 3600 + r.below(3600);

      // What: lines (unavailable and created orders have none, some canceled neither; their total still counts).
      const written =
        status !== 'created' &&
        !(status === 'unavailable' && r.chance(0.99)) &&
        !(status === 'canceled' && r.chance(0.26));
      const lineCount = Math.min(MAX_LINES, lineCountChoice.pick(r));
      let total = 0;
      for (let l = 0; l < lineCount; l++) {
        let product: number;
        if (l > 0 && r.chance(SAME_PRODUCT_AGAIN)) product = lineProduct[l - 1]!;
        else if (written && productCursor < this.productCount && r.chance(NEW_PRODUCT_SHARE))
          product = productCursor++;
        else product = this.productChoice.pick(r);
        lineProduct[l] = product;
        linePrice[l] = this.productPrice[product]!;
        const kilograms = this.productWeight[product]! / 1000;
        lineFreight[l] = r.chance(0.004)
          ? 0
          : Math.round(r.logNormal((10 + 3.5 * Math.sqrt(kilograms)) * Math.pow(remote, 0.7), 0.45) * 100);
        total += linePrice[l]! + lineFreight[l]!;
      }

      // How it was paid.
      payment.plan(r, total, status, installmentChoice);

      // The timeline.
      const approvalDelay = payment.boleto
        ? clamp(Math.round(r.logNormal(20 * 3600, 0.8)), 3600, 3 * SECONDS_PER_DAY)
        : r.chance(0.75)
          ? r.between(60, 3600)
          : clamp(Math.round(r.logNormal(8 * 3600, 1)), 3600, 3 * SECONDS_PER_DAY);
      const approvedAt = purchase + approvalDelay;
      const leadDays = clamp(Math.round(12 + 9 * remote + 6 * r.normal()), 6, 60);
      const estimated = startOfDay(purchase) + leadDays * SECONDS_PER_DAY;
      let approved = -1;
      let carrier = -1;
      let delivered = -1;
      let late = false;
      const handling = clamp(Math.round(r.logNormal(2 * SECONDS_PER_DAY, 0.8)), 3600, 20 * SECONDS_PER_DAY);
      if (status === 'delivered') {
        late = r.chance(LATE_DELIVERY_SHARE);
        approved = r.chance(0.00015) ? -1 : approvedAt;
        if (late) {
          carrier = approvedAt + handling;
          delivered = Math.max(
            estimated + r.below(SECONDS_PER_DAY) + Math.min(120, r.geometric(0.15)) * SECONDS_PER_DAY,
            carrier + r.between(3600, 3 * SECONDS_PER_DAY),
          );
        } else {
          const available = estimated - approvedAt - 3600;
          carrier = approvedAt + Math.min(handling, Math.floor(available / 2));
          const transit = Math.round(r.logNormal(4.5 * Math.pow(remote, 1.6) * SECONDS_PER_DAY, 0.6));
          delivered =
            carrier +
            Math.max(1800, Math.min(transit, estimated - carrier - 1800 - r.below(SECONDS_PER_DAY)));
        }
        // Real quirks: a carrier date before the approval, and rare missing dates.
        if (r.chance(0.014)) carrier = Math.max(purchase + 60, approvedAt - r.between(600, 12 * 3600));
        if (r.chance(0.00002)) carrier = -1;
        if (r.chance(0.0001)) delivered = -1;
      } else if (status === 'shipped') {
        approved = approvedAt;
        carrier = approvedAt + handling;
      } else if (status === 'canceled') {
        const u = r.float();
        if (u >= 0.23) approved = approvedAt;
        if (u >= 0.23 && u < 0.36) carrier = approvedAt + handling;
        if (u >= 0.35 && u < 0.36) delivered = carrier + r.between(SECONDS_PER_DAY, 10 * SECONDS_PER_DAY);
      } else if (status !== 'created') {
        approved = approvedAt;
      }

      // The customer account, the order, its lines and payments.
      this.beforeRow('customers');
      w.customers.row(
        `${olistId(customerId)},${olistId(personIds[person]!)},"${pool.zips[zipIndex]}",${olistText(pool.cities[zipIndex]!)},${pool.states[zipIndex]}\n`,
      );
      this.beforeRow('orders');
      w.orders.row(
        `${olistId(orderId)},${olistId(customerId)},${status},${formatLocal(purchase)},${approved < 0 ? '' : formatLocal(approved)},${carrier < 0 ? '' : formatLocal(carrier)},${delivered < 0 ? '' : formatLocal(delivered)},${formatLocal(estimated)}\n`,
      );
      if (written) {
        const shippingLimit = formatLocal(approvedAt + r.between(3, 7) * SECONDS_PER_DAY);
        const orderCell = olistId(orderId);
        for (let l = 0; l < lineCount; l++) {
          const product = lineProduct[l]!;
          this.beforeRow('order_items');
          w.order_items.row(
            `${orderCell},${l + 1},${olistId(this.productIds[product]!)},${olistId(this.sellerIds[this.productSeller[product]!]!)},${shippingLimit},${formatCents(linePrice[l]!)},${formatCents(lineFreight[l]!)}\n`,
          );
        }
      }
      for (let p = 0; p < payment.count; p++) {
        this.beforeRow('order_payments');
        w.order_payments.row(
          `${olistId(orderId)},${p + 1},${payment.types[p]},${payment.installments[p]},${formatCents(payment.values[p]!)}\n`,
        );
      }

      // Reviews: nearly every order has one, a few two; a review id is now and then shared by two orders.
      const reviews = r.chance(NO_REVIEW_SHARE) ? 0 : r.chance(SECOND_REVIEW_SHARE) ? 2 : 1;
      const wentWrong = late || status === 'canceled' || status === 'unavailable';
      let creation =
        delivered >= 0
          ? startOfDay(Math.min(delivered, estimated)) + SECONDS_PER_DAY
          : status === 'canceled'
            ? startOfDay(purchase) + r.between(1, 20) * SECONDS_PER_DAY
            : startOfDay(estimated) + SECONDS_PER_DAY;
      for (let v = 0; v < reviews; v++) {
        const reviewId = lastReviewId !== '' && r.chance(SHARED_REVIEW_ID_SHARE) ? lastReviewId : r.hexId();
        lastReviewId = reviewId;
        const score = (wentWrong ? badScores : goodScores).pick(r);
        const mood = score <= 2 ? 'bad' : score === 3 ? 'neutral' : 'good';
        const title = r.chance(score >= 4 ? 0.1 : 0.16) ? r.pick(REVIEW_TITLES[mood]) : '';
        const message =
          o === 0 || r.chance(score <= 2 ? 0.75 : score === 3 ? 0.55 : 0.35)
            ? reviewMessage(r, mood, o === 0)
            : '';
        const answer =
          creation + clamp(Math.round(r.logNormal(1.4 * SECONDS_PER_DAY, 1)), 1800, 60 * SECONDS_PER_DAY);
        this.beforeRow('order_reviews');
        w.order_reviews.row(
          `"${reviewId}","${orderId}",${score},${olistText(title)},${olistText(message)},${formatLocal(creation)},${formatLocal(answer)}\r\n`,
          1 + countCrLf(message),
        );
        creation += r.between(1, 30) * SECONDS_PER_DAY;
      }
      if (
        w.customers.blocked ||
        w.orders.blocked ||
        w.order_items.blocked ||
        w.order_payments.blocked ||
        w.order_reviews.blocked
      ) {
        await drainAll(all);
      }
    }
    this.persons = personIds.length;
  }

  private async summary(): Promise<GenerateSummary> {
    const files = {} as Record<OlistFileKind, GeneratedFileSummary>;
    let rows = 0;
    for (const spec of Object.values(OLIST_FILES)) {
      const writer = this.writers[spec.kind];
      const faultRows = this.injector?.faultRowsOf(spec.kind) ?? 0;
      files[spec.kind] = {
        kind: spec.kind,
        fileName: spec.fileName,
        path: writer.path,
        rows: writer.rows - faultRows,
        faultRows,
      };
      rows += writer.rows - faultRows;
    }
    let faultsManifest: string | null = null;
    if (this.injector) {
      faultsManifest = join(this.outDir, FAULTS_MANIFEST);
      const manifest: FaultsManifest = {
        seed: this.seed,
        scale: this.scale,
        rate: this.faultRate,
        faults: [...this.injector.manifest],
      };
      await writeFile(faultsManifest, `${JSON.stringify(manifest, null, 2)}\n`);
    }
    return {
      outDir: this.outDir,
      scale: this.scale,
      seed: this.seed,
      files,
      rows,
      persons: this.persons,
      faultsManifest,
      faultCount: this.injector?.manifest.length ?? 0,
    };
  }
}

/** The payments of one order: how its total was split over payment types, installments and vouchers. */
class PaymentPlan {
  count = 0;
  boleto = false;
  readonly types: string[] = new Array<string>(MAX_PAYMENTS).fill('');
  readonly installments = new Int32Array(MAX_PAYMENTS);
  readonly values = new Int32Array(MAX_PAYMENTS);

  plan(r: Random, total: number, status: OrderStatus, installmentChoice: WeightedValues<number>): void {
    this.count = 0;
    this.boleto = false;
    if (status === 'canceled' && r.chance(0.005)) {
      this.add('not_defined', 1, 0);
      return;
    }
    const u = r.float();
    if (u < 0.198) {
      this.boleto = true;
      this.add('boleto', 1, total);
    } else if (u < 0.2135) {
      this.add('debit_card', 1, total);
    } else if (u < 0.2245) {
      // Vouchers only: usually one or two, rarely a long run of them.
      const vouchers = r.chance(0.005) ? r.between(10, 29) : 1 + Math.min(8, r.geometric(0.6));
      this.addVouchers(r, total, vouchers);
    } else {
      const installments = installmentChoice.pick(r);
      const interest = installments >= 2 && r.chance(0.04) ? Math.round(total * installments * 0.012) : 0;
      if (r.chance(0.033)) {
        // Part paid with vouchers, the rest by card.
        const voucherPart = Math.round(total * (0.1 + 0.5 * r.float()));
        this.add('credit_card', installments, total - voucherPart + interest);
        this.addVouchers(r, voucherPart, 1 + Math.min(8, r.geometric(0.7)));
      } else this.add('credit_card', installments, total + interest);
    }
  }

  private addVouchers(r: Random, total: number, count: number): void {
    let left = total;
    for (let i = 0; i < count; i++) {
      const value =
        i === count - 1 ? left : Math.min(left, Math.max(1, Math.round(left * (0.2 + 0.6 * r.float()))));
      left -= value;
      this.add('voucher', 1, value);
    }
    if (r.chance(0.001)) this.add('voucher', 1, 0); // the real file has a few vouchers of 0.00
  }

  private add(type: string, installments: number, value: number): void {
    if (this.count === MAX_PAYMENTS) return;
    this.types[this.count] = type;
    this.installments[this.count] = installments;
    this.values[this.count] = value;
    this.count++;
  }
}

function reviewMessage(r: Random, mood: keyof typeof REVIEW_SENTENCES, multiLine: boolean): string {
  const sentences = REVIEW_SENTENCES[mood];
  let message = r.pick(sentences);
  const more = multiLine ? 1 : r.chance(0.35) ? 1 + r.below(2) : 0;
  for (let i = 0; i < more; i++) message += (multiLine || r.chance(0.1) ? '\r\n' : ' ') + r.pick(sentences);
  if (r.chance(0.01)) message += '\r\n';
  return message;
}

function countCrLf(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\r\n'); i !== -1; i = text.indexOf('\r\n', i + 2)) count++;
  return count;
}

/** A shop price: log-normal around `median` reais, mostly ending in .90, .99 or .00. */
function priceCents(r: Random, median: number): number {
  const reais = clamp(Math.floor(r.logNormal(median, 0.85)), 0, 6_700);
  const u = r.float();
  const cents = u < 0.4 ? 90 : u < 0.65 ? 99 : u < 0.85 ? 0 : r.below(100);
  return Math.max(85, reais * 100 + cents);
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}
