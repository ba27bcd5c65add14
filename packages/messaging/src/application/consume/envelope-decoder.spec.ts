import { orderApproved } from '../../test-support/sample-events';
import { type InboundMessage } from '../../domain/message';
import { decodeCatalogEnvelope } from './envelope-decoder';

function withValue(value: Buffer | null): InboundMessage {
  return { topic: 't', partition: 0, offset: '0', key: null, value, headers: {} };
}
const json = (value: unknown): InboundMessage => withValue(Buffer.from(JSON.stringify(value)));

describe('decodeCatalogEnvelope', () => {
  it('accepts a valid catalog event', () => {
    const envelope = orderApproved('order-1');
    expect(decodeCatalogEnvelope(json(envelope))).toEqual({ ok: true, envelope });
  });

  it('calls a missing, empty or non-JSON value unparseable', () => {
    expect(decodeCatalogEnvelope(withValue(null))).toEqual({ ok: false, reason: 'unparseable', message: 'the message has no value' });
    expect(decodeCatalogEnvelope(withValue(Buffer.alloc(0)))).toMatchObject({ ok: false, reason: 'unparseable' });
    const result = decodeCatalogEnvelope(withValue(Buffer.from('{"id": ')));
    expect(result).toMatchObject({ ok: false, reason: 'unparseable' });
    expect(!result.ok && result.message).toMatch(/^not JSON: /);
  });

  it('tells an invalid envelope, an unknown type and a schema violation apart', () => {
    const valid = orderApproved('order-1');
    expect(decodeCatalogEnvelope(json({ hello: 'world' }))).toMatchObject({ ok: false, reason: 'invalid-envelope' });
    expect(decodeCatalogEnvelope(json([1, 2]))).toMatchObject({ ok: false, reason: 'invalid-envelope' });
    expect(
      decodeCatalogEnvelope(json({ ...valid, type: 'sales.order.teleported', dataschema: 'urn:mercado:sales.order.teleported:1' })),
    ).toMatchObject({ ok: false, reason: 'unknown-type' });
    const violation = decodeCatalogEnvelope(json({ ...valid, data: { order_id: 'order-1', approved_at: 'yesterday' } }));
    expect(violation).toMatchObject({ ok: false, reason: 'schema-violation' });
    expect(!violation.ok && violation.message).toContain('data.approved_at');
  });
});
