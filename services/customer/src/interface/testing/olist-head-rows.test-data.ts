import { readFileSync } from 'node:fs';
import path from 'node:path';
import { olistRealDir } from '@mercado/testing';

/**
 * The records of a real Olist head file as objects keyed by its header. A small RFC 4180 reader:
 * quoted fields may hold commas, doubled quotes and line breaks (the reviews' messages do); CRLF
 * and a BOM are accepted. Test data only.
 */
export function olistHeadRows(file: string): Record<string, string>[] {
  const text = readFileSync(path.join(olistRealDir(), file), 'utf8').replace(/^\uFEFF/, '');
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  const [header, ...rows] = records;
  return rows.map((values) => Object.fromEntries(header!.map((name, index) => [name, values[index] ?? ''])));
}

export function toNdjson(records: readonly unknown[]): string {
  return records.map((record) => JSON.stringify(record)).join('\n') + '\n';
}
