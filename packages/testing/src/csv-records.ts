// A small RFC 4180 reader for tests and benchmarks that feed real Olist files to a service (the
// services take NDJSON; the CLI's import owns the production CSV path). Handles a BOM, CRLF or LF,
// quoted fields with doubled quotes and line breaks, and a missing final newline.

export interface CsvRecord {
  /** 1-based line where the record starts (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

export function parseCsv(text: string): CsvRecord[] {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    fields.push(field);
    rows.push({ line: rowStart, fields });
    fields = [];
    field = '';
  };
  for (; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      rowStart = line;
    } else {
      field += char;
    }
  }
  if (field !== '' || fields.length > 0) endRow();
  const [header, ...records] = rows;
  if (!header) return [];
  return records.map((record) => ({
    line: record.line,
    values: Object.fromEntries(header.fields.map((name, index) => [name, record.fields[index] ?? ''])),
  }));
}
