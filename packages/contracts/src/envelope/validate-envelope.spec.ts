import { salesOrderApprovedV1, salesOrderPlacedV1 } from '../events/sales/order.events';
import { createEnvelope } from './create-envelope';
import { isEvent, validateEnvelope } from './validate-envelope';

const placed = createEnvelope(salesOrderPlacedV1, salesOrderPlacedV1.fixtures[0]!, {
  source: '/mercado/sales',
  time: '2018-06-12T09:51:55-03:00',
});

function rejection(raw: unknown) {
  const result = validateEnvelope(raw);
  if (result.ok) throw new Error('expected a rejection');
  return result;
}

describe('validateEnvelope', () => {
  it('accepts an envelope made by createEnvelope, as an object, JSON text or bytes', () => {
    for (const raw of [placed, JSON.stringify(placed), Buffer.from(JSON.stringify(placed))]) {
      const result = validateEnvelope(raw);
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.envelope).toEqual(placed);
        expect(result.definition).toBe(salesOrderPlacedV1);
        expect(isEvent(result.envelope, salesOrderPlacedV1)).toBe(true);
        expect(isEvent(result.envelope, salesOrderApprovedV1)).toBe(false);
      }
    }
  });

  it('accepts unknown keys in data (a newer producer adding an optional field)', () => {
    const newer = {
      ...placed,
      data: { ...placed.data, channel: 'app', lines: [{ ...placed.data.lines[0], gift: true }] },
    };
    const result = validateEnvelope(newer);
    expect(result.ok).toBe(true);
  });

  it('accepts CloudEvents extension attributes but not other unknown attributes', () => {
    expect(validateEnvelope({ ...placed, partitionkey: 'k' }).ok).toBe(true);
    const bad = rejection({ ...placed, Partition_Key: 'k' });
    expect(bad.reason).toBe('invalid-envelope');
    expect(bad.details.map((d) => d.path)).toEqual(['Partition_Key']);
  });

  it('rejects what is not a JSON object', () => {
    expect(rejection('{not json').reason).toBe('invalid-envelope');
    expect(rejection('{not json').message).toMatch(/^not JSON/);
    expect(rejection(null).reason).toBe('invalid-envelope');
    expect(rejection([placed]).reason).toBe('invalid-envelope');
    expect(rejection(42).message).toBe('the envelope must be a JSON object');
  });

  it('rejects bad envelope attributes, naming each one', () => {
    const { time: _time, ...withoutTime } = placed;
    const bad = rejection({ ...withoutTime, specversion: '0.3', id: 'abc', data: 'x' });
    expect(bad.reason).toBe('invalid-envelope');
    expect(bad.details.map((d) => d.path).sort()).toEqual(['data', 'id', 'specversion', 'time']);
    expect(bad.message).toContain('specversion');
  });

  it('rejects a dataschema that disagrees with type and dataversion', () => {
    const bad = rejection({ ...placed, dataschema: 'urn:mercado:sales.order.placed:2' });
    expect(bad.reason).toBe('invalid-envelope');
    expect(bad.message).toContain('urn:mercado:sales.order.placed:1');
  });

  it('rejects a type or a version the catalog does not know', () => {
    const unknownType = rejection({
      ...placed,
      type: 'sales.order.teleported',
      dataschema: 'urn:mercado:sales.order.teleported:1',
    });
    expect(unknownType.reason).toBe('unknown-type');
    expect(unknownType.message).toBe('sales.order.teleported is not in the catalog');
    expect(unknownType.details[0]!.path).toBe('type');

    const unknownVersion = rejection({
      ...placed,
      dataversion: 7,
      dataschema: 'urn:mercado:sales.order.placed:7',
    });
    expect(unknownVersion.reason).toBe('unknown-type');
    expect(unknownVersion.message).toBe('sales.order.placed has no version 7 (known: 1)');
    expect(unknownVersion.details[0]!.path).toBe('dataversion');
  });

  it('rejects data that breaks its schema, naming the field', () => {
    const bad = rejection({
      ...placed,
      data: { ...placed.data, lines: [{ ...placed.data.lines[0], price_cents: '118.90' }] },
    });
    expect(bad.reason).toBe('schema-violation');
    expect(bad.details.map((d) => d.path)).toEqual(['data.lines.0.price_cents']);
    expect(bad.message).toMatch(/^sales\.order\.placed v1: data\.lines\.0\.price_cents/);
  });
});
