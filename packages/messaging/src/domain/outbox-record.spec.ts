import { orderApproved } from '../test-support/sample-events';
import { outboxHeaders, toOutboxBatchJson, toOutboxCopyRow, toOutboxRecord } from './outbox-record';

const liveTrace = { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: 'vendor=1' };
const bornTrace = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('outboxHeaders', () => {
  it('names the event with CloudEvents attributes and carries correlation and trace context', () => {
    const envelope = { ...orderApproved('order-1', new Date('2026-01-01T00:00:00Z')), correlationid: 'req-1', causationid: 'cmd-1' };
    expect(outboxHeaders(envelope, liveTrace)).toEqual({
      'content-type': 'application/cloudevents+json; charset=utf-8',
      ce_id: envelope.id,
      ce_type: 'sales.order.approved',
      ce_source: '/mercado/test',
      'correlation-id': 'req-1',
      'causation-id': 'cmd-1',
      traceparent: liveTrace.traceparent,
      tracestate: 'vendor=1',
    });
  });

  it("falls back to the envelope's own traceparent outside any trace, and adds no empty header", () => {
    const headers = outboxHeaders({ ...orderApproved('o'), traceparent: bornTrace }, {});
    expect(headers.traceparent).toBe(bornTrace);
    expect(headers).not.toHaveProperty('tracestate');
    expect(headers).not.toHaveProperty('correlation-id');
    expect(outboxHeaders(orderApproved('o'), {})).not.toHaveProperty('traceparent');
  });
});

describe('toOutboxRecord', () => {
  it('keys the row by the envelope subject and records the live traceparent in the envelope', () => {
    const envelope = orderApproved('order-7');
    const record = toOutboxRecord(envelope, 'sales.order.v1', liveTrace);
    expect(record).toMatchObject({ eventId: envelope.id, topic: 'sales.order.v1', key: 'order-7' });
    expect(record.envelope.traceparent).toBe(liveTrace.traceparent);
    expect(envelope.traceparent).toBeUndefined(); // the caller's object is not changed
  });

  it('keeps a traceparent the envelope already has', () => {
    const envelope = { ...orderApproved('o'), traceparent: bornTrace };
    expect(toOutboxRecord(envelope, 't', liveTrace).envelope.traceparent).toBe(bornTrace);
    expect(toOutboxRecord(orderApproved('o'), 't', {}).envelope).not.toHaveProperty('traceparent');
  });
});

describe('toOutboxBatchJson', () => {
  it('lays records out as one JSON array of rows, in order', () => {
    const records = ['a', 'b'].map((id) => toOutboxRecord(orderApproved(id), 'topic', {}));
    const rows = JSON.parse(toOutboxBatchJson(records));
    expect(rows.map((r: { key: string }) => r.key)).toEqual(['a', 'b']);
    expect(rows[1]).toEqual({
      event_id: records[1]!.eventId,
      topic: 'topic',
      key: 'b',
      envelope: records[1]!.envelope,
      headers: records[1]!.headers,
    });
  });
});

describe('toOutboxCopyRow', () => {
  it('gives the COPY columns in order, envelope and headers as JSON text', () => {
    const record = toOutboxRecord({ ...orderApproved('a'), correlationid: 'req-1' }, 'topic', {});
    const [eventId, topic, key, envelope, headers] = toOutboxCopyRow(record);
    expect([eventId, topic, key]).toEqual([record.eventId, 'topic', 'a']);
    expect(JSON.parse(envelope)).toEqual(record.envelope);
    expect(JSON.parse(headers)).toEqual(record.headers);
  });
});
