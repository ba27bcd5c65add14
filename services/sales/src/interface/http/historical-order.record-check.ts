/**
 * The checks of `historicalOrderRecordSchema` (the documented shape of an import line), written out
 * by hand: joi took about as long per record as importing it. A unit test holds the two to the same
 * verdicts. Values (timestamps, amounts, statuses) are left to the domain, which names the column.
 */
export interface RecordFault {
  /** `order_id`, `items[0].price`, or null for the record as a whole. */
  field: string | null;
  reason: string;
}

/** The contract's id pattern (entityIdSchema). */
const ID = /^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/;
const DIGITS = /^\s*\d+\s*$/;

type Check = (value: unknown) => string | null;
const id: Check = (value) => (typeof value !== 'string' ? 'must be a string' : ID.test(value) ? null : 'fails to match the id pattern');
const requiredText: Check = (value) => (typeof value === 'string' ? null : 'must be a string');
const nonEmptyText: Check = (value) => (typeof value !== 'string' ? 'must be a string' : value === '' ? 'is not allowed to be empty' : null);
const optionalText: Check = (value) => (value === null || typeof value === 'string' ? null : 'must be a string');
const wholeNumber: Check = (value) =>
  (typeof value === 'number' && Number.isInteger(value) && value >= 0) || (typeof value === 'string' && DIGITS.test(value))
    ? null
    : 'must be a whole number (or its digits as text)';

const ORDER_FIELDS: Record<string, { check: Check; required: boolean }> = {
  order_id: { check: id, required: true },
  customer_id: { check: id, required: true },
  order_status: { check: nonEmptyText, required: true },
  order_purchase_timestamp: { check: requiredText, required: true },
  order_approved_at: { check: optionalText, required: false },
  order_delivered_carrier_date: { check: optionalText, required: false },
  order_delivered_customer_date: { check: optionalText, required: false },
  order_estimated_delivery_date: { check: optionalText, required: false },
};
const ITEM_FIELDS: Record<string, { check: Check; required: boolean }> = {
  order_item_id: { check: wholeNumber, required: true },
  product_id: { check: id, required: true },
  seller_id: { check: id, required: true },
  shipping_limit_date: { check: requiredText, required: true },
  price: { check: requiredText, required: true },
  freight_value: { check: requiredText, required: true },
};
const PAYMENT_FIELDS: Record<string, { check: Check; required: boolean }> = {
  payment_sequential: { check: wholeNumber, required: true },
  payment_type: { check: nonEmptyText, required: true },
  payment_installments: { check: wholeNumber, required: true },
  payment_value: { check: requiredText, required: true },
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkFields(
  value: Record<string, unknown>,
  fields: Record<string, { check: Check; required: boolean }>,
  prefix: string,
  faults: RecordFault[],
): void {
  for (const [name, { check, required }] of Object.entries(fields)) {
    const field = `${prefix}${name}`;
    if (value[name] === undefined) {
      if (required) faults.push({ field, reason: 'is required' });
      continue;
    }
    const reason = check(value[name]);
    if (reason) faults.push({ field, reason });
  }
  for (const name of Object.keys(value)) {
    if (!(name in fields) && !(prefix === '' && (name === 'items' || name === 'payments'))) faults.push({ field: `${prefix}${name}`, reason: 'is not allowed' });
  }
}

function checkList(
  value: unknown,
  name: string,
  fields: Record<string, { check: Check; required: boolean }>,
  faults: RecordFault[],
): void {
  if (value === undefined) {
    faults.push({ field: name, reason: 'is required' });
    return;
  }
  if (!Array.isArray(value)) {
    faults.push({ field: name, reason: 'must be an array' });
    return;
  }
  value.forEach((entry, index) => {
    if (!isObject(entry)) faults.push({ field: `${name}[${index}]`, reason: 'must be an object' });
    else checkFields(entry, fields, `${name}[${index}].`, faults);
  });
}

/** Every fault of the record's shape; empty when it is well formed. */
export function checkHistoricalOrderRecord(value: unknown): RecordFault[] {
  if (!isObject(value)) return [{ field: null, reason: 'must be an object' }];
  const faults: RecordFault[] = [];
  checkFields(value, ORDER_FIELDS, '', faults);
  checkList(value.items, 'items', ITEM_FIELDS, faults);
  checkList(value.payments, 'payments', PAYMENT_FIELDS, faults);
  return faults;
}
