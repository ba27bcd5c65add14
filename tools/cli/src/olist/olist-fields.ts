// Field-level checks for Olist rows. A FieldChecker walks one row's cells; every accessor returns the typed
// value (or a placeholder) and remembers the first problem, so a row validator reads like a record literal
// and reports the first bad column in header order.
import { BRAZILIAN_STATES, type BrazilianState } from './olist-files';

export interface FieldProblem {
  index: number;
  value: string;
  reason: string;
}

const STATES = new Set<string>(BRAZILIAN_STATES);

// Latin-1/Windows-1252 decodings of UTF-8 bytes: 'Ã£' for 'ã', 'Ã©' for 'é', 'â€™' for '’', 'Ã‰' for 'É'.
const MOJIBAKE =
  /[ÃÂÅ][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]|â€/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS_BUT_LINE_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const SPREADSHEET_DATE =
  /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?)?$/;
const MONEY = /^(\d+)(?:\.(\d{1,2}))?$/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const CATEGORY = /^[a-z0-9_]+$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function digit(value: string, at: number): number {
  const code = value.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

function twoDigits(value: string, at: number): number {
  const high = digit(value, at);
  const low = digit(value, at + 1);
  return high < 0 || low < 0 ? -1 : high * 10 + low;
}

/** Returns undefined for a valid `YYYY-MM-DD HH:MM:SS` calendar time, else the reason. */
export function timestampProblem(value: string): string | undefined {
  const shaped =
    value.length === 19 &&
    value.charCodeAt(4) === 45 &&
    value.charCodeAt(7) === 45 &&
    value.charCodeAt(10) === 32 &&
    value.charCodeAt(13) === 58 &&
    value.charCodeAt(16) === 58;
  const century = shaped ? twoDigits(value, 0) : -1;
  const yearOfCentury = shaped ? twoDigits(value, 2) : -1;
  const year = century * 100 + yearOfCentury;
  const month = shaped ? twoDigits(value, 5) : -1;
  const day = shaped ? twoDigits(value, 8) : -1;
  const hour = shaped ? twoDigits(value, 11) : -1;
  const minute = shaped ? twoDigits(value, 14) : -1;
  const second = shaped ? twoDigits(value, 17) : -1;
  if (
    !shaped ||
    century < 0 ||
    yearOfCentury < 0 ||
    month < 0 ||
    day < 0 ||
    hour < 0 ||
    minute < 0 ||
    second < 0
  ) {
    if (SPREADSHEET_DATE.test(value)) {
      return 'spreadsheet date format (as re-saved by Excel); expected YYYY-MM-DD HH:MM:SS';
    }
    return 'not a timestamp: expected YYYY-MM-DD HH:MM:SS';
  }
  if (month < 1 || month > 12) return `not a calendar time: there is no month ${month}`;
  const monthDays = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day < 1 || day > monthDays) return `not a calendar time: ${value.slice(0, 7)} has no day ${day}`;
  if (hour > 23 || minute > 59 || second > 59) return `not a clock time: ${value.slice(11)}`;
  return undefined;
}

/** Returns undefined for text free of encoding damage, else the reason. */
export function encodingProblem(value: string): string | undefined {
  if (value.includes('\uFFFD')) return 'invalid UTF-8: the text holds replacement characters (U+FFFD)';
  if (MOJIBAKE.test(value)) return "mojibake: UTF-8 text decoded as Latin-1 (e.g. 'Ã£' for 'ã')";
  return undefined;
}

export class FieldChecker {
  private cells: readonly string[] = [];
  problem: FieldProblem | undefined;

  reset(cells: readonly string[]): this {
    this.cells = cells;
    this.problem = undefined;
    return this;
  }

  private fail(index: number, reason: string): void {
    if (this.problem === undefined) this.problem = { index, value: this.cells[index] ?? '', reason };
  }

  private cell(index: number): string {
    return this.cells[index] ?? '';
  }

  /** A required Olist natural id: 32 lowercase hexadecimal characters. */
  id(index: number): string {
    const value = this.cell(index);
    if (value.length !== 32) {
      this.fail(
        index,
        value === '' ? 'required id is empty' : 'not an Olist id: expected 32 hexadecimal characters',
      );
      return value;
    }
    for (let i = 0; i < 32; i++) {
      const code = value.charCodeAt(i);
      if (!((code >= 48 && code <= 57) || (code >= 97 && code <= 102))) {
        this.fail(index, 'not an Olist id: expected 32 lowercase hexadecimal characters');
        break;
      }
    }
    return value;
  }

  /** A zip code prefix: five digits kept as text, leading zeros included. */
  zipPrefix(index: number): string {
    const value = this.cell(index);
    let digits = true;
    for (let i = 0; i < value.length; i++) {
      if (digit(value, i) < 0) digits = false;
    }
    if (value === '') this.fail(index, 'required zip code prefix is empty');
    else if (digits && value.length === 4) {
      this.fail(
        index,
        'zip code prefix has 4 digits: its leading zero was lost (e.g. by a spreadsheet); expected 5 digits as text',
      );
    } else if (!digits || value.length !== 5) this.fail(index, 'not a zip code prefix: expected 5 digits');
    return value;
  }

  state(index: number): BrazilianState {
    const value = this.cell(index);
    if (!STATES.has(value))
      this.fail(index, 'not a Brazilian state: expected one of the 27 UF codes (SP, RJ, ...)');
    return value as BrazilianState;
  }

  /** Required single-line text (cities, names), kept exactly as published. */
  text(index: number): string {
    const value = this.cell(index);
    if (value === '') this.fail(index, 'required value is empty');
    else this.checkText(index, value, false);
    return value;
  }

  /** Optional free text that may span lines (review title and message); empty means absent. */
  freeText(index: number): string | null {
    const value = this.cell(index);
    if (value === '') return null;
    this.checkText(index, value, true);
    return value;
  }

  private checkText(index: number, value: string, multiLine: boolean): void {
    const encoding = encodingProblem(value);
    if (encoding !== undefined) this.fail(index, encoding);
    else if ((multiLine ? CONTROL_CHARACTERS_BUT_LINE_BREAKS : CONTROL_CHARACTERS).test(value)) {
      this.fail(
        index,
        multiLine ? 'control character in text' : 'line break or control character in a one-line field',
      );
    }
  }

  /** A category slug such as `cama_mesa_banho`; optional when `required` is false. */
  category(index: number, required: boolean): string | null {
    const value = this.cell(index);
    if (value === '') {
      if (required) this.fail(index, 'required category name is empty');
      return null;
    }
    if (!CATEGORY.test(value)) {
      this.fail(
        index,
        encodingProblem(value) ?? 'not a category name: expected lowercase letters, digits and _',
      );
    }
    return value;
  }

  timestamp(index: number): string {
    const value = this.cell(index);
    if (value === '') this.fail(index, 'required timestamp is empty');
    else {
      const problem = timestampProblem(value);
      if (problem !== undefined) this.fail(index, problem);
    }
    return value;
  }

  optionalTimestamp(index: number): string | null {
    return this.cell(index) === '' ? null : this.timestamp(index);
  }

  /** A BRL amount with at most two decimals, as integer cents; never negative. */
  moneyCents(index: number): number {
    const value = this.cell(index);
    const match = MONEY.exec(value);
    if (match === null) {
      if (value === '') this.fail(index, 'required amount is empty');
      else if (/^-\d+(?:\.\d+)?$/.test(value)) this.fail(index, 'negative amount');
      else if (/^\d+\.\d{3,}$/.test(value)) this.fail(index, 'amount with more than 2 decimals');
      else if (/^\d+,\d+$/.test(value)) this.fail(index, 'decimal comma: expected a dot, e.g. 58.90');
      else this.fail(index, 'not an amount: expected digits with at most 2 decimals, e.g. 58.90');
      return 0;
    }
    const decimals = match[2] ?? '';
    const cents =
      Number(match[1]) * 100 +
      (decimals === '' ? 0 : decimals.length === 1 ? Number(decimals) * 10 : Number(decimals));
    if (!Number.isSafeInteger(cents)) this.fail(index, 'amount too large');
    return cents;
  }

  /** A whole number within [min, max]. */
  integer(index: number, min: number, max: number): number {
    const value = this.cell(index);
    if (value === '') {
      this.fail(index, 'required number is empty');
      return 0;
    }
    return this.checkInteger(index, value, min, max);
  }

  optionalInteger(index: number, min: number, max: number): number | null {
    const value = this.cell(index);
    return value === '' ? null : this.checkInteger(index, value, min, max);
  }

  private checkInteger(index: number, value: string, min: number, max: number): number {
    let digits = value.length > 0 && value.length <= 15;
    const start = value.charCodeAt(0) === 45 ? 1 : 0;
    for (let i = start; i < value.length && digits; i++) digits = digit(value, i) >= 0;
    if (!digits || start === value.length) {
      this.fail(index, 'not a whole number');
      return 0;
    }
    const number = Number(value);
    if (number < min || number > max) {
      this.fail(index, number < 0 && min >= 0 ? 'negative number' : `out of range: expected ${min}..${max}`);
    }
    return number;
  }

  /** A decimal coordinate within ±limit degrees. */
  coordinate(index: number, limit: number): number {
    const value = this.cell(index);
    if (!DECIMAL.test(value)) {
      this.fail(index, value === '' ? 'required coordinate is empty' : 'not a decimal coordinate');
      return 0;
    }
    const number = Number(value);
    if (Math.abs(number) > limit) this.fail(index, `coordinate out of range: expected -${limit}..${limit}`);
    return number;
  }

  oneOf<T extends string>(index: number, allowed: ReadonlySet<string>, what: string): T {
    const value = this.cell(index);
    if (!allowed.has(value)) {
      this.fail(
        index,
        value === ''
          ? `required ${what} is empty`
          : `unknown ${what}: expected one of ${[...allowed].join(', ')}`,
      );
    }
    return value as T;
  }
}
