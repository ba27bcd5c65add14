import { OLIST_FILE_KINDS, OLIST_FILES } from './olist-files';
import { OLIST_NATURAL_KEYS, RepeatedKeyCheck, repeatedKeyReasonPrefix } from './olist-natural-keys';

describe('natural keys (rule R1)', () => {
  it('names published columns of each file; geolocation has no key', () => {
    for (const kind of OLIST_FILE_KINDS) {
      const key = OLIST_NATURAL_KEYS[kind];
      if (kind === 'geolocation') expect(key).toBeNull();
      else expect(key!.every((column) => OLIST_FILES[kind].columns.includes(column))).toBe(true);
    }
  });

  it('takes the first row of a key and rejects later ones with the line of the first', () => {
    const check = new RepeatedKeyCheck('items.csv', 'order_items');
    const row = (order: string, item: string) => ({ order_id: order, order_item_id: item, price: '1.00' });
    expect(check.check(2, row('a', '1'))).toBeNull();
    expect(check.check(3, row('a', '2'))).toBeNull();
    expect(check.check(4, row('b', '1'))).toBeNull();
    expect(check.check(9, row('a', '1'))).toEqual({
      kind: 'reject',
      file: 'items.csv',
      line: 9,
      column: 'order_id,order_item_id',
      value: 'a,1',
      reason: 'duplicate order_id, order_item_id: repeats the key of line 2',
    });
    expect(check.check(10, row('a', '1'))!.reason).toBe(
      `${repeatedKeyReasonPrefix(['order_id', 'order_item_id'])}2`,
    );
  });

  it('keys single-column files on the id alone, and never rejects a geolocation sample', () => {
    const customers = new RepeatedKeyCheck('c.csv', 'customers');
    expect(customers.check(2, { customer_id: 'x', customer_unique_id: 'p1' })).toBeNull();
    expect(customers.check(3, { customer_id: 'x', customer_unique_id: 'p2' })).toMatchObject({
      column: 'customer_id',
      value: 'x',
      reason: 'duplicate customer_id: repeats the key of line 2',
    });
    const geolocation = new RepeatedKeyCheck('g.csv', 'geolocation');
    const sample = { geolocation_zip_code_prefix: '01001', geolocation_lat: '-23.5' };
    expect(geolocation.check(2, sample)).toBeNull();
    expect(geolocation.check(3, sample)).toBeNull();
  });
});
