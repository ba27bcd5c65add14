import { parseCsv } from './csv-records';

describe('parseCsv', () => {
  it('reads through a BOM, CRLF line ends and a missing final newline', () => {
    const records = parseCsv('\ufeff"product_category_name","product_category_name_english"\r\nbeleza_saude,health_beauty\r\npc_gamer,pc_gamer');
    expect(records).toEqual([
      { line: 2, values: { product_category_name: 'beleza_saude', product_category_name_english: 'health_beauty' } },
      { line: 3, values: { product_category_name: 'pc_gamer', product_category_name_english: 'pc_gamer' } },
    ]);
  });

  it('keeps quoted fields whole (commas, doubled quotes, line breaks) and counts the lines they span', () => {
    const records = parseCsv('id,zip,comment\n"a1","01037","says ""hi"", twice\r\nand more"\nb2,13023,\n');
    expect(records).toEqual([
      { line: 2, values: { id: 'a1', zip: '01037', comment: 'says "hi", twice\r\nand more' } },
      { line: 4, values: { id: 'b2', zip: '13023', comment: '' } },
    ]);
  });

  it('gives an empty file no records and a short row empty values', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('a,b\n1\n')).toEqual([{ line: 2, values: { a: '1', b: '' } }]);
  });
});
