import { realOlistOrders } from '../../domain/order/olist-real-orders.test-double';
import { checkHistoricalOrderRecord } from './historical-order.record-check';
import { historicalOrderRecordSchema } from './historical-order.record-schema';

/** The joi schema's verdict as the fields it names, in the check's notation. */
function joiFields(value: unknown): (string | null)[] {
  const { error } = historicalOrderRecordSchema.validate(value, { abortEarly: false, convert: false });
  return (error?.details ?? []).map((detail) =>
    detail.path.length === 0 ? null : detail.path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join(''),
  );
}

const valid = [...realOlistOrders().values()].find((record) => record.items.length > 0 && record.payments.length > 0)!;
const item = valid.items[0]!;
const payment = valid.payments[0]!;

const samples: [string, unknown][] = [
  ['numbers for the line and sequential', { ...valid, items: [{ ...item, order_item_id: 1 }], payments: [{ ...payment, payment_sequential: 2, payment_installments: 0 }] }],
  ['nulls for missing times', { ...valid, order_approved_at: null, order_delivered_carrier_date: null }],
  ['not an object', 'order'],
  ['an array', [valid]],
  ['null', null as unknown],
  ['ids off the pattern', { ...valid, order_id: 'has space', customer_id: '-leading-dash' }],
  ['an id too long', { ...valid, order_id: 'a'.repeat(65) }],
  ['missing fields', { order_id: valid.order_id }],
  ['wrong types', { ...valid, order_status: 3, order_purchase_timestamp: null, order_approved_at: 5 }],
  ['an empty status', { ...valid, order_status: '' }],
  ['an unknown key', { ...valid, order_note: 'x' }],
  ['items not a list', { ...valid, items: {} }],
  ['an item not an object', { ...valid, items: ['x'] }],
  ['bad item fields', { ...valid, items: [{ ...item, order_item_id: '1.5', product_id: 'a b', price: 29.99, extra: true }] }],
  ['a negative line number', { ...valid, items: [{ ...item, order_item_id: -1 }] }],
  ['bad payment fields', { ...valid, payments: [{ payment_sequential: 'one', payment_type: '', payment_value: 10 }] }],
];

describe('checkHistoricalOrderRecord', () => {
  it.each(samples)('agrees with the documented joi schema: %s', (_, sample) => {
    expect(checkHistoricalOrderRecord(sample).map((fault) => fault.field).sort()).toEqual(joiFields(sample).sort());
  });

  it('accepts every real Olist record, as the schema does', () => {
    for (const record of realOlistOrders().values()) {
      expect(checkHistoricalOrderRecord(record)).toEqual([]);
      expect(joiFields(record)).toEqual([]);
    }
  });

  it('says what is wrong with each field', () => {
    expect(checkHistoricalOrderRecord({ ...valid, order_id: 'has space', items: [{ ...item, price: 29.99 }], payments: 'x' })).toEqual([
      { field: 'order_id', reason: 'fails to match the id pattern' },
      { field: 'items[0].price', reason: 'must be a string' },
      { field: 'payments', reason: 'must be an array' },
    ]);
  });
});
