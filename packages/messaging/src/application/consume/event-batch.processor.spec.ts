import { type EventEnvelope } from '@mercado/contracts';
import { type InboundMessage, type OutboundMessage } from '../../domain/message';
import { PermanentError } from '../../domain/permanent-error';
import { orderApproved } from '../../test-support/sample-events';
import { type EventPublisher } from '../ports/event-publisher.port';
import { type Inbox, type SqlTransaction } from '../ports/inbox.port';
import { type MessagingLogger } from '../ports/messaging-logger.port';
import { type MessagingMetrics } from '../ports/messaging-metrics.port';
import { type EventBatchHandler } from './event-batch.handler';
import { EventBatchProcessor, type BatchControl } from './event-batch.processor';

/**
 * The processor's logic against in-memory stand-ins for its own ports (the inbox transaction and the
 * dead-letter publisher). The same flows run against real PostgreSQL and Kafka in the integration tests.
 */
class MemoryInbox implements Inbox {
  readonly applied = new Set<string>();
  /** Effects of committed transactions, in order. */
  readonly effects: string[] = [];
  /** Effects written by the transaction in progress. */
  staged: string[] = [];
  /** Errors thrown by the next calls, one per call, before anything is applied. */
  readonly failNext: unknown[] = [];
  transactions = 0;

  async applyOnce(envelopes: readonly EventEnvelope[], apply: (tx: SqlTransaction, fresh: readonly EventEnvelope[]) => Promise<void>) {
    this.transactions++;
    const failure = this.failNext.shift();
    if (failure) throw failure;
    this.staged = [];
    const fresh = envelopes.filter((e) => !this.applied.has(e.id));
    if (fresh.length > 0) await apply({} as SqlTransaction, fresh); // a throw here rolls back: staged is dropped
    for (const e of fresh) this.applied.add(e.id);
    this.effects.push(...this.staged);
    return fresh.length;
  }
}

class MemoryPublisher implements EventPublisher {
  readonly sent: OutboundMessage[] = [];
  readonly failNext: unknown[] = [];
  async publish(messages: readonly OutboundMessage[]) {
    const failure = this.failNext.shift();
    if (failure) throw failure;
    this.sent.push(...messages);
  }
}

class RecordingMetrics implements MessagingMetrics {
  readonly calls: string[] = [];
  eventsPublished(topic: string, count: number) { this.calls.push(`published ${topic} ${count}`); }
  eventsConsumed(topic: string, consumer: string, count: number) { this.calls.push(`consumed ${topic} ${consumer} ${count}`); }
  eventsDeadLettered(topic: string, consumer: string, reason: string) { this.calls.push(`dead-lettered ${topic} ${consumer} ${reason}`); }
  batchProcessed(consumer: string, size: number) { this.calls.push(`batch ${consumer} ${size}`); }
  outboxBacklog() {}
  consumerLag() {}
}

const quiet: MessagingLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

let offset = 0;
function inbound(value: string | Buffer | null, key = 'k'): InboundMessage {
  return {
    topic: 'sales.order.v1',
    partition: 2,
    offset: String(offset++),
    key: Buffer.from(key),
    value: typeof value === 'string' ? Buffer.from(value) : value,
    headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
  };
}
const eventMessage = (envelope: EventEnvelope): InboundMessage => inbound(JSON.stringify(envelope), envelope.subject);

function control(overrides: Partial<BatchControl> = {}): BatchControl & { pauses: number[] } {
  const pauses: number[] = [];
  return { pauses, isActive: () => true, pause: async (ms) => { pauses.push(ms); return true; }, ...overrides };
}

function setup(handler?: EventBatchHandler) {
  const inbox = new MemoryInbox();
  const deadLetters = new MemoryPublisher();
  const metrics = new RecordingMetrics();
  const apply: EventBatchHandler =
    handler ??
    (async (_tx, events) => {
      inbox.staged.push(...events.map((e) => e.subject));
    });
  const processor = new EventBatchProcessor({
    consumer: 'warehouse',
    handler: apply,
    inbox,
    deadLetters,
    deadLetterTopicOf: (topic) => `${topic}.dlq`,
    metrics,
    logger: quiet,
    backoff: { initialMs: 10, maxMs: 40, multiplier: 2, jitter: 0 },
    clock: () => new Date('2026-03-01T12:00:00Z'),
  });
  return { processor, inbox, deadLetters, metrics };
}

const reasonsOf = (sent: OutboundMessage[]) => sent.map((m) => [m.key?.toString(), m.headers['dlq-reason']]);

describe('EventBatchProcessor', () => {
  it('applies a batch in one transaction and reports it', async () => {
    const { processor, inbox, metrics } = setup();
    const events = ['o1', 'o2', 'o3'].map((id) => orderApproved(id));
    const outcome = await processor.process(events.map(eventMessage), control());
    expect(outcome).toEqual({ status: 'completed', applied: 3, deadLettered: 0 });
    expect(inbox.effects).toEqual(['o1', 'o2', 'o3']);
    expect(inbox.transactions).toBe(1);
    expect(metrics.calls).toEqual(['consumed sales.order.v1 warehouse 3', 'batch warehouse 3']);
  });

  it('applies an event delivered twice (in one batch or again later) only once', async () => {
    const { processor, inbox } = setup();
    const [a, b] = [orderApproved('a'), orderApproved('b')];
    await processor.process([eventMessage(a), eventMessage(a), eventMessage(b)], control());
    const again = await processor.process([eventMessage(b)], control());
    expect(inbox.effects).toEqual(['a', 'b']);
    expect(again).toEqual({ status: 'completed', applied: 0, deadLettered: 0 });
  });

  it('sends unparseable, invalid, unknown and schema-violating messages to the dead-letter topic and applies the rest', async () => {
    const { processor, inbox, deadLetters, metrics } = setup();
    const good = orderApproved('good');
    const messages = [
      inbound('{"broken', 'json'),
      inbound(null, 'empty'),
      eventMessage(good),
      inbound(JSON.stringify({ id: 'nope' }), 'envelope'),
      inbound(JSON.stringify({ ...orderApproved('u'), type: 'sales.order.lost', dataschema: 'urn:mercado:sales.order.lost:1' }), 'unknown'),
      inbound(JSON.stringify({ ...orderApproved('s'), data: { order_id: 's' } }), 'schema'),
    ];
    const outcome = await processor.process(messages, control());
    expect(outcome).toEqual({ status: 'completed', applied: 1, deadLettered: 5 });
    expect(inbox.effects).toEqual(['good']);
    expect(reasonsOf(deadLetters.sent)).toEqual([
      ['json', 'unparseable'],
      ['empty', 'unparseable'],
      ['envelope', 'invalid-envelope'],
      ['unknown', 'unknown-type'],
      ['schema', 'schema-violation'],
    ]);
    const letter = deadLetters.sent[4]!;
    expect(letter.topic).toBe('sales.order.v1.dlq');
    expect(letter.value).toBe(messages[5]!.value);
    expect(letter.headers).toMatchObject({
      'dlq-original-topic': 'sales.order.v1',
      'dlq-original-partition': '2',
      'dlq-original-offset': messages[5]!.offset,
      'dlq-consumer': 'warehouse',
      'dlq-time': '2026-03-01T12:00:00.000Z',
      traceparent: messages[5]!.headers.traceparent,
    });
    expect(letter.headers['dlq-error']).toContain('data.approved_at');
    expect(metrics.calls).toContain('dead-lettered sales.order.v1 warehouse schema-violation');
    expect(metrics.calls).toContain('consumed sales.order.v1 warehouse 1');
  });

  it('finds the events a handler rejects by halving the batch, dead-letters them and applies the others', async () => {
    const poison = new Set(['p1', 'p2']);
    const holder: { inbox?: MemoryInbox } = {};
    const { processor, inbox, deadLetters } = setup(async (_tx, events) => {
      for (const e of events) {
        if (poison.has(e.subject)) throw new PermanentError(`order ${e.subject} cannot be approved`);
        holder.inbox!.staged.push(e.subject);
      }
    });
    holder.inbox = inbox;
    const subjects = ['a', 'p1', 'b', 'c', 'd', 'e', 'p2', 'f'];
    const outcome = await processor.process(subjects.map((s) => eventMessage(orderApproved(s))), control());
    expect(outcome).toEqual({ status: 'completed', applied: 6, deadLettered: 2 });
    expect(inbox.effects).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(reasonsOf(deadLetters.sent)).toEqual([
      ['p1', 'handler-rejected'],
      ['p2', 'handler-rejected'],
    ]);
    expect(deadLetters.sent[0]!.headers['dlq-error']).toBe('PermanentError: order p1 cannot be approved');
    expect(inbox.transactions).toBeLessThan(subjects.length * 2);
  });

  it('dead-letters exactly the events a PermanentError names and applies the rest in one go', async () => {
    const holder: { inbox?: MemoryInbox } = {};
    const events = ['a', 'bad', 'c'].map((s) => orderApproved(s));
    const { processor, inbox, deadLetters } = setup(async (_tx, batch) => {
      const bad = batch.filter((e) => e.subject === 'bad');
      if (bad.length > 0) throw new PermanentError('unknown seller', { eventIds: bad.map((e) => e.id) });
      holder.inbox!.staged.push(...batch.map((e) => e.subject));
    });
    holder.inbox = inbox;
    await processor.process(events.map(eventMessage), control());
    expect(inbox.effects).toEqual(['a', 'c']);
    expect(inbox.transactions).toBe(2);
    expect(reasonsOf(deadLetters.sent)).toEqual([['bad', 'handler-rejected']]);
  });

  it('treats a PermanentError naming no event of the batch like one naming none', async () => {
    const holder: { inbox?: MemoryInbox } = {};
    const { processor, inbox, deadLetters } = setup(async (_tx, batch) => {
      if (batch.some((e) => e.subject === 'bad')) throw new PermanentError('bad', { eventIds: ['not-in-batch'] });
      holder.inbox!.staged.push(...batch.map((e) => e.subject));
    });
    holder.inbox = inbox;
    await processor.process(['a', 'bad'].map((s) => eventMessage(orderApproved(s))), control());
    expect(inbox.effects).toEqual(['a']);
    expect(reasonsOf(deadLetters.sent)).toEqual([['bad', 'handler-rejected']]);
  });

  it('dead-letters an event PostgreSQL rejects for its data (constraint violation)', async () => {
    const { processor, inbox, deadLetters } = setup(async (_tx, batch) => {
      if (batch.some((e) => e.subject === 'dup')) throw Object.assign(new Error('duplicate key'), { code: '23505' });
      inbox.staged.push(...batch.map((e) => e.subject));
    });
    await processor.process(['x', 'dup'].map((s) => eventMessage(orderApproved(s))), control());
    expect(inbox.effects).toEqual(['x']);
    expect(deadLetters.sent[0]!.headers['dlq-error']).toBe('Error [23505]: duplicate key');
  });

  it('retries a batch with growing delays while the database is away, then applies it once', async () => {
    const { processor, inbox } = setup();
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    inbox.failNext.push(refused, refused, refused, refused);
    const ctl = control();
    const outcome = await processor.process([eventMessage(orderApproved('o'))], ctl);
    expect(outcome).toEqual({ status: 'completed', applied: 1, deadLettered: 0 });
    expect(ctl.pauses).toEqual([10, 20, 40, 40]);
    expect(inbox.effects).toEqual(['o']);
  });

  it('also retries a transient failure met while isolating rejected events, without losing or doubling any', async () => {
    const holder: { inbox?: MemoryInbox; failed: boolean } = { failed: false };
    const { processor, inbox, deadLetters } = setup(async (_tx, batch) => {
      if (batch.some((e) => e.subject === 'bad')) throw new PermanentError('bad');
      if (batch.length === 1 && batch[0]!.subject === 'c' && !holder.failed) {
        holder.failed = true;
        throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
      }
      holder.inbox!.staged.push(...batch.map((e) => e.subject));
    });
    holder.inbox = inbox;
    await processor.process(['a', 'bad', 'c', 'd'].map((s) => eventMessage(orderApproved(s))), control());
    expect(inbox.effects.sort()).toEqual(['a', 'c', 'd']);
    expect(reasonsOf(deadLetters.sent)).toEqual([['bad', 'handler-rejected']]);
  });

  it('retries sending dead letters until the broker takes them', async () => {
    const { processor, deadLetters } = setup();
    deadLetters.failNext.push(new Error('broker away'));
    const ctl = control();
    const outcome = await processor.process([inbound('nope')], ctl);
    expect(outcome).toEqual({ status: 'completed', applied: 0, deadLettered: 1 });
    expect(ctl.pauses).toEqual([10]);
    expect(deadLetters.sent).toHaveLength(1);
  });

  it('gives the batch up, uncommitted, when the partition is taken away or the consumer stops', async () => {
    const { processor, inbox, deadLetters } = setup();
    inbox.failNext.push(new Error('db down'));
    expect(await processor.process([eventMessage(orderApproved('o'))], control({ pause: async () => false }))).toEqual({
      status: 'abandoned',
    });
    expect(await processor.process([eventMessage(orderApproved('o'))], control({ isActive: () => false }))).toEqual({
      status: 'abandoned',
    });
    deadLetters.failNext.push(new Error('broker away'));
    expect(await processor.process([inbound('bad')], control({ pause: async () => false }))).toEqual({ status: 'abandoned' });
    expect(inbox.effects).toEqual([]);
  });

  it('dead-letters a message whose custom decoder throws', async () => {
    const deadLetters = new MemoryPublisher();
    const processor = new EventBatchProcessor({
      consumer: 'c',
      handler: async () => undefined,
      inbox: new MemoryInbox(),
      deadLetters,
      deadLetterTopicOf: (t) => `${t}.dlq`,
      decode: () => {
        throw new Error('decoder bug');
      },
      logger: quiet,
    });
    await processor.process([inbound('x')], control());
    expect(deadLetters.sent[0]!.headers).toMatchObject({ 'dlq-reason': 'invalid-envelope', 'dlq-error': 'Error: decoder bug' });
  });

  it('orders dead letters by partition and offset across topics', async () => {
    const { processor, deadLetters } = setup();
    const m = (topic: string, partition: number, off: string): InboundMessage => ({ ...inbound('x'), topic, partition, offset: off });
    await processor.process([m('b', 0, '1'), m('a', 1, '10'), m('a', 1, '9'), m('a', 0, '5'), m('a', 1, '10')], control());
    expect(deadLetters.sent.map((l) => `${l.headers['dlq-original-topic']}/${l.headers['dlq-original-partition']}/${l.headers['dlq-original-offset']}`)).toEqual([
      'a/0/5',
      'a/1/9',
      'a/1/10',
      'a/1/10',
      'b/0/1',
    ]);
  });
});
