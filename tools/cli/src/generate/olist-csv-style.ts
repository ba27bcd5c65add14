// How the published Olist files quote values: a text value (id, zip prefix, city) is quoted when it starts with
// a digit, which is why about 62% of ids are quoted and every zip prefix is; numbers, dates and other text are
// bare unless they hold a comma, a quote or a line break. Headers are quoted, except in the translation file.

function startsWithDigit(value: string): boolean {
  const code = value.charCodeAt(0);
  return code >= 48 && code <= 57;
}

/** Always quoted, inner quotes doubled. */
export function quoted(value: string): string {
  return `"${value.includes('"') ? value.replace(/"/g, '""') : value}"`;
}

/** An id or zip prefix: quoted when it starts with a digit. */
export function olistId(id: string): string {
  return startsWithDigit(id) ? `"${id}"` : id;
}

/** Text: quoted when it starts with a digit or holds a comma, quote or line break. */
export function olistText(value: string): string {
  if (value.length === 0) return value;
  if (/[",\r\n]/.test(value)) return quoted(value);
  return startsWithDigit(value) ? `"${value}"` : value;
}

/** A quoted header line, without its line end. */
export function quotedHeader(columns: readonly string[]): string {
  return columns.map(quoted).join(',');
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/** Integer cents as `123.45`. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)}.${TWO_DIGITS[absolute % 100]}`;
}

/** A coordinate as a shortest round-trip decimal, like the published file's. */
export function formatCoordinate(value: number): string {
  return String(Math.round(value * 1e14) / 1e14);
}
