import { salesOrderApprovedV1, salesOrderPlacedV1, type OrderPlacedV1 } from '../events/sales/order.events';
import { ContractViolationError } from './contract-violation.error';
import { createEnvelope } from './create-envelope';
import { UUID_V7_PATTERN } from './uuid-v7';

const placed = salesOrderPlacedV1.fixtures[0]!;

describe('createEnvelope', () => {
  it('wraps valid data with CloudEvents attributes, the key as subject and a fresh UUIDv7', () => {
    const envelope = createEnvelope(salesOrderPlacedV1, placed, {
      source: '/mercado/sales',
      time: '2018-06-12T09:51:55-03:00',
      correlationid: 'req-42',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    });

    expect(envelope).toEqual({
      id: expect.stringMatching(UUID_V7_PATTERN),
      type: 'sales.order.placed',
      source: '/mercado/sales',
      subject: '00bdcdda88e6b02977fc6ce3d412c600',
      time: '2018-06-12T09:51:55-03:00',
      specversion: '1.0',
      datacontenttype: 'application/json',
      dataschema: 'urn:mercado:sales.order.placed:1',
      dataversion: 1,
      correlationid: 'req-42',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      data: placed,
    });
    expect(envelope).not.toHaveProperty('causationid');
  });

  it('writes a Date time in UTC and keeps a given id, subject and causation id', () => {
    const id = '01890a5d-ac96-774b-bcce-b302099a8057';
    const envelope = createEnvelope(
      salesOrderApprovedV1,
      { order_id: 'e481f51cbdc54678b7cc49136f2d6af7', approved_at: '2017-10-02T11:07:15-03:00' },
      {
        source: '/mercado/sales',
        time: new Date('2017-10-02T14:07:15.000Z'),
        id,
        subject: 'x1',
        causationid: id,
      },
    );
    expect(envelope.time).toBe('2017-10-02T14:07:15.000Z');
    expect(envelope.id).toBe(id);
    expect(envelope.subject).toBe('x1');
    expect(envelope.causationid).toBe(id);
  });

  it('rejects invalid data, naming every bad field', () => {
    const bad = {
      ...placed,
      purchased_at: '2018-06-12 09:51:55',
      lines: [{ ...placed.lines[0]!, price_cents: 118.9 }],
    } as OrderPlacedV1;
    const attempt = () =>
      createEnvelope(salesOrderPlacedV1, bad, { source: '/mercado/sales', time: new Date() });

    expect(attempt).toThrow(ContractViolationError);
    try {
      attempt();
    } catch (error) {
      const violation = error as ContractViolationError;
      expect(violation.type).toBe('sales.order.placed');
      expect(violation.version).toBe(1);
      expect(violation.details.map((d) => d.path)).toEqual(['data.purchased_at', 'data.lines.0.price_cents']);
      expect(violation.joiDetails).toHaveLength(2);
      expect(violation.message).toContain('data.purchased_at');
    }
  });

  it('rejects unknown keys from a producer (strict at production)', () => {
    const withTypo = { ...placed, purchase_at: placed.purchased_at } as OrderPlacedV1;
    expect(() =>
      createEnvelope(salesOrderPlacedV1, withTypo, { source: '/mercado/sales', time: new Date() }),
    ).toThrow(/data\.purchase_at.*not allowed/);
  });

  it('rejects bad envelope attributes: time without offset, invalid Date, bad source, bad traceparent', () => {
    const make = (meta: Parameters<typeof createEnvelope>[2]) => () =>
      createEnvelope(salesOrderPlacedV1, placed, meta);
    expect(make({ source: '/mercado/sales', time: '2018-06-12T09:51:55' })).toThrow(/time:/);
    expect(make({ source: '/mercado/sales', time: new Date('nonsense') })).toThrow(/time:/);
    expect(make({ source: '', time: new Date() })).toThrow(/source:/);
    expect(make({ source: '/mercado/sales', time: new Date(), traceparent: 'abc' })).toThrow(/traceparent:/);
    expect(make({ source: '/mercado/sales', time: new Date(), id: 'not-a-uuid' })).toThrow(/id:/);
  });
});
