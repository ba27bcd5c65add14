import { createEnvelope, ContractViolationError, salesOrderApprovedV1, salesOrderPlacedV1, UUID_V7_PATTERN, validateEnvelope } from '@mercado/contracts';
import { pooledUuidv7, trustedEnvelopeFactory } from './trusted-envelope.factory';

describe('pooledUuidv7', () => {
  it('mints distinct UUIDv7s carrying the time, across pool refills', () => {
    const at = Date.UTC(2018, 5, 12, 12, 51, 55, 123);
    const ids = Array.from({ length: 10_000 }, () => pooledUuidv7(at));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID_V7_PATTERN);
    expect(parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });
});

describe('trustedEnvelopeFactory', () => {
  const meta = { source: '/mercado/test', time: '2018-06-12T10:21:14-03:00' };

  it('builds the envelope createEnvelope builds, apart from the id', () => {
    const envelope = trustedEnvelopeFactory();
    const data = salesOrderApprovedV1.fixtures[0]!;
    envelope(salesOrderApprovedV1, data, meta);
    const trusted = envelope(salesOrderApprovedV1, data, meta);
    const checked = createEnvelope(salesOrderApprovedV1, data, meta);
    expect({ ...trusted, id: undefined }).toEqual({ ...checked, id: undefined });
    const validation = validateEnvelope(JSON.parse(JSON.stringify(trusted)));
    expect(validation.ok).toBe(true);
  });

  it('checks the first event of each type against the contract, so a mapping mistake fails the chunk', () => {
    const envelope = trustedEnvelopeFactory();
    expect(() => envelope(salesOrderPlacedV1, { ...salesOrderPlacedV1.fixtures[0]!, imported: 'yes' }, meta)).toThrow(ContractViolationError);
    expect(() => envelope(salesOrderApprovedV1, { order_id: 'o-1', approved_at: 'yesterday' }, meta)).toThrow(ContractViolationError);
    // Once a type has passed, its later events are not checked: the caller guarantees their data.
    envelope(salesOrderApprovedV1, { order_id: 'o-1', approved_at: '2018-06-12T10:21:14-03:00' }, meta);
    expect(envelope(salesOrderApprovedV1, { order_id: 'o-2', approved_at: 'yesterday' }, meta).subject).toBe('o-2');
  });
});
