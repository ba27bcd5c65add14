// Bad rows of known kinds, inserted between the good rows of the generated files, for the quality suites and
// the importer's tests. Every fault is an extra line (good rows are never altered, so the data stays
// consistent) and is listed in the manifest with its file, line, kind, column, key and the layer that must
// catch it: 'reader' (row-level validation rejects it) or 'later' (cross-file or quality checks: the row is
// well-formed on its own).
import { OLIST_FILES, type OlistFileKind } from '../olist/olist-files';
import type { CsvFileWriter } from './csv-file-writer';
import { formatCents, olistId, olistText, quoted } from './olist-csv-style';
import { formatLocal, localSeconds } from './olist-time';
import type { Random } from './random';

export const FAULT_KINDS = [
  'missing_key',
  'bad_date',
  'negative_price',
  'unknown_status',
  'unknown_payment_type',
  'bad_number',
  'bad_score',
  'lost_leading_zero',
  'bad_state',
  'mojibake',
  'broken_quoting',
  'orphan_line',
  'duplicate_id',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type FaultLayer = 'reader' | 'later';

export interface FaultRecord {
  /** The published file name. */
  file: string;
  /** Physical line where the bad row starts (header = line 1). */
  line: number;
  kind: FaultKind;
  /** The column made bad, or null when the row as a whole is (broken quoting). */
  column: string | null;
  /** The row's first column as written (its natural key; empty when that is the missing key). */
  key: string;
  layer: FaultLayer;
}

export const FAULT_LAYER: Readonly<Record<FaultKind, FaultLayer>> = {
  missing_key: 'reader',
  bad_date: 'reader',
  negative_price: 'reader',
  unknown_status: 'reader',
  unknown_payment_type: 'reader',
  bad_number: 'reader',
  bad_score: 'reader',
  lost_leading_zero: 'reader',
  bad_state: 'reader',
  mojibake: 'reader',
  broken_quoting: 'reader',
  orphan_line: 'later',
  duplicate_id: 'later',
};

/** Which faults each file gets. The translation file is fixed reference data and gets none. */
export const FAULTS_BY_FILE: Readonly<Record<OlistFileKind, readonly FaultKind[]>> = {
  customers: ['missing_key', 'lost_leading_zero', 'bad_state', 'mojibake', 'broken_quoting', 'duplicate_id'],
  orders: ['missing_key', 'bad_date', 'unknown_status', 'broken_quoting', 'duplicate_id'],
  order_items: ['missing_key', 'bad_date', 'negative_price', 'broken_quoting', 'orphan_line', 'duplicate_id'],
  order_payments: ['missing_key', 'negative_price', 'unknown_payment_type', 'bad_number', 'broken_quoting'],
  order_reviews: ['missing_key', 'bad_date', 'bad_score', 'mojibake', 'broken_quoting'],
  products: ['missing_key', 'bad_number', 'broken_quoting', 'duplicate_id'],
  sellers: ['missing_key', 'lost_leading_zero', 'mojibake', 'bad_state', 'broken_quoting', 'duplicate_id'],
  geolocation: ['missing_key', 'lost_leading_zero', 'bad_number', 'mojibake'],
  category_translation: [],
};

const KEY_COLUMNS: Readonly<Record<OlistFileKind, readonly number[]>> = {
  customers: [0, 1],
  orders: [0, 1],
  order_items: [0, 2, 3],
  order_payments: [0],
  order_reviews: [0, 1],
  products: [0],
  sellers: [0],
  geolocation: [0],
  category_translation: [0],
};

const BAD_DATES = [
  '10/2/2017 10:56',
  '2017-02-30 14:20:00',
  '2018-13-01 00:00:00',
  '2017-10-02T10:56:33',
  '02/10/2017',
];
const MOJIBAKE_CITIES = ['sÃ£o paulo', 'sÃ£o josÃ© dos campos', 'maceiÃ³', 'goiÃ¢nia'];

/** What fault rows may point at so that only the intended column is wrong. */
export interface FaultReferences {
  productIds: readonly string[];
  sellerIds: readonly string[];
}

interface FilePlan {
  kinds: readonly FaultKind[];
  /** Good-row indexes before which the forced faults (one of each kind) go. */
  forcedAt: number[];
  forcedKinds: FaultKind[];
  next: number;
  goodRows: number;
  faultRows: number;
}

export class FaultInjector {
  private readonly plans = new Map<OlistFileKind, FilePlan>();
  private readonly records: FaultRecord[] = [];

  constructor(
    private readonly random: Random,
    private readonly references: FaultReferences,
    /** Chance of a fault before any good row, on top of one forced fault of each kind per file. */
    readonly rate = 0.0003,
  ) {}

  /** Spreads one fault of each applicable kind over the first `expectedRows` good rows of the file. */
  plan(kind: OlistFileKind, expectedRows: number): void {
    const kinds = FAULTS_BY_FILE[kind];
    const forcedKinds = this.random.shuffle([...kinds]);
    const step = Math.max(1, Math.floor(expectedRows / (kinds.length + 1)));
    const forcedAt = forcedKinds.map((_, i) => 1 + i * step + this.random.below(step));
    this.plans.set(kind, { kinds, forcedAt, forcedKinds, next: 0, goodRows: 0, faultRows: 0 });
  }

  /** Called before each good row: writes the faults due at this point. */
  beforeRow(kind: OlistFileKind, writer: CsvFileWriter): void {
    const plan = this.plans.get(kind);
    if (plan === undefined || plan.kinds.length === 0) return;
    const index = plan.goodRows++;
    while (plan.next < plan.forcedAt.length && plan.forcedAt[plan.next]! <= index) {
      this.inject(kind, plan.forcedKinds[plan.next++]!, writer, plan);
    }
    if (this.random.chance(this.rate)) this.inject(kind, this.random.pick(plan.kinds), writer, plan);
  }

  faultRowsOf(kind: OlistFileKind): number {
    return this.plans.get(kind)?.faultRows ?? 0;
  }

  get manifest(): readonly FaultRecord[] {
    return this.records;
  }

  private inject(kind: OlistFileKind, fault: FaultKind, writer: CsvFileWriter, plan: FilePlan): void {
    const spec = OLIST_FILES[kind];
    const lineEnd = kind === 'order_reviews' ? '\r\n' : '\n';
    let text: string;
    let column: string | null;
    let key: string;
    if (fault === 'duplicate_id') {
      if (writer.lastRow === '') return;
      text = writer.lastRow;
      column = spec.columns[0]!;
      key = firstCell(text);
    } else {
      const cells = this.template(kind);
      const columnIndex = this.mutate(kind, fault, cells);
      column = columnIndex === null ? null : spec.columns[columnIndex]!;
      key = cells[0]!;
      text = this.serialize(kind, cells, fault === 'broken_quoting') + lineEnd;
    }
    this.records.push({
      file: spec.fileName,
      line: writer.line,
      kind: fault,
      column,
      key,
      layer: FAULT_LAYER[fault],
    });
    writer.extraRow(text);
    plan.faultRows++;
  }

  /** A well-formed row of the file, as raw cell values. */
  private template(kind: OlistFileKind): string[] {
    const r = this.random;
    const id = () => r.hexId();
    const date = () =>
      formatLocal(
        localSeconds(2017, r.between(1, 12), r.between(1, 28), r.below(24), r.below(60), r.below(60)),
      );
    const zip = () => String(r.between(1000, 99999)).padStart(5, '0');
    switch (kind) {
      case 'customers':
        return [id(), id(), zip(), 'sao paulo', 'SP'];
      case 'orders':
        return [id(), id(), 'delivered', date(), date(), date(), date(), '2018-01-10 00:00:00'];
      case 'order_items':
        return [
          id(),
          '1',
          r.pick(this.references.productIds),
          r.pick(this.references.sellerIds),
          date(),
          formatCents(r.between(500, 50_000)),
          formatCents(r.between(0, 5_000)),
        ];
      case 'order_payments':
        return [id(), '1', 'credit_card', String(r.between(1, 10)), formatCents(r.between(500, 50_000))];
      case 'order_reviews':
        return [id(), id(), String(r.between(1, 5)), '', '', '2018-01-18 00:00:00', date()];
      case 'products':
        return [id(), 'cama_mesa_banho', '51', '529', '1', String(r.between(50, 5_000)), '30', '25', '30'];
      case 'sellers':
        return [id(), zip(), 'campinas', 'SP'];
      case 'geolocation':
        return [zip(), '-23.54562128115268', '-46.63929204800168', 'sao paulo', 'SP'];
      case 'category_translation':
        throw new Error('the translation file gets no faults');
    }
  }

  /** Makes the row bad in the way `fault` says; returns the column index made bad (null: the whole row). */
  private mutate(kind: OlistFileKind, fault: FaultKind, cells: string[]): number | null {
    const r = this.random;
    const columns = OLIST_FILES[kind].columns;
    const find = (pattern: RegExp) => columns.findIndex((column) => pattern.test(column));
    const set = (index: number, value: string) => {
      cells[index] = value;
      return index;
    };
    switch (fault) {
      case 'missing_key':
        return set(r.pick(KEY_COLUMNS[kind]), '');
      case 'bad_date': {
        const dates = columns.flatMap((column, i) => (/date|timestamp|_at$/.test(column) ? [i] : []));
        return set(r.pick(dates), r.pick(BAD_DATES));
      }
      case 'negative_price': {
        const index = find(/^(price|payment_value)$/);
        return set(index, `-${cells[index]}`);
      }
      case 'unknown_status':
        return set(2, r.pick(['entregue', 'DELIVERED', 'returned']));
      case 'unknown_payment_type':
        return set(2, r.pick(['pix', 'cash', 'CREDIT_CARD']));
      case 'bad_number':
        if (kind === 'order_payments') return set(3, r.pick(['1.5', 'two', '-2']));
        if (kind === 'products') return set(5, r.pick(['-300', '1,5', 'heavy']));
        return set(1, r.pick(['-123.45', 'abc', '']));
      case 'bad_score':
        return set(2, r.pick(['0', '6', '4.5']));
      case 'lost_leading_zero': {
        const index = find(/zip_code_prefix$/);
        return set(index, String(r.between(1000, 9999)));
      }
      case 'bad_state':
        return set(columns.length - 1, r.pick(['XX', 'Sao Paulo', 'sp']));
      case 'mojibake':
        if (kind === 'order_reviews')
          return set(4, r.pick(['Ã“timo produto, recomendo', 'NÃ£o recebi o produto']));
        return set(find(/_city$/), r.pick(MOJIBAKE_CITIES));
      case 'orphan_line':
        return 0; // a fresh order id that no order has
      default:
        return null; // broken_quoting: spoiled when serialized
    }
  }

  private serialize(kind: OlistFileKind, cells: readonly string[], brokenQuoting: boolean): string {
    const columns = OLIST_FILES[kind].columns;
    const written = cells.map((cell, i) => {
      if (kind === 'order_reviews' && i < 2) return quoted(cell); // review ids are always quoted
      if (/zip_code_prefix$/.test(columns[i]!) && cell.length === 4) return cell; // as a spreadsheet saves it
      return /^[0-9a-f]{32}$|^\d{5}$/.test(cell) ? olistId(cell) : olistText(cell);
    });
    if (brokenQuoting) {
      // Either the first value's closing quote is lost, or a quote is opened on the last value and never closed.
      if (this.random.chance(0.5)) written[0] = `"${cells[0]}`;
      else written[written.length - 1] = `"${cells[cells.length - 1]}`;
    }
    return written.join(',');
  }
}

function firstCell(row: string): string {
  const comma = row.indexOf(',');
  return row.slice(0, comma).replace(/"/g, '');
}
