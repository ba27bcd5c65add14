import { createEnvelope, salesOrderApprovedV1, salesPaymentRecordedV1, type EventEnvelope } from '@mercado/contracts';
import { type StagedBatch } from '../../../domain/events/staged-batch';
import { type BatchFreshness } from '../../../domain/freshness/batch-freshness';
import { ApplyEventBatch } from './apply-event-batch.handler';

class RecordingUnit {
  applied: StagedBatch[] = [];
  recorded: { freshness: BatchFreshness; applySeconds: number }[] = [];
  writer = { apply: async (batch: StagedBatch) => void this.applied.push(batch) };
  freshness = { record: async (freshness: BatchFreshness, applySeconds: number) => void this.recorded.push({ freshness, applySeconds }) };
}

const topics: Record<string, string> = { 'sales.order.approved': 'sales.order.v1', 'sales.payment.recorded': 'sales.payment.v1' };

describe('applying a batch of events', () => {
  const approval = createEnvelope(salesOrderApprovedV1, salesOrderApprovedV1.fixtures[0]!, { source: '/t', time: '2024-01-01T00:00:00Z' });
  const payment = createEnvelope(salesPaymentRecordedV1, salesPaymentRecordedV1.fixtures[1]!, { source: '/t', time: '2024-01-01T00:00:30Z' });
  const unknown: EventEnvelope = { ...approval, id: 'x', type: 'sales.order.refunded' };
  // The clock is read at the start and at the end of the apply.
  const clock = (...times: string[]) => {
    const queue = times.map((t) => new Date(t));
    return () => queue.shift()!;
  };

  it('stages the events, writes them, records freshness and observes each latency', async () => {
    const unit = new RecordingUnit();
    const observed: number[] = [];
    const tx = { name: 'tx' };
    const seen: unknown[] = [];
    const handler = new ApplyEventBatch<typeof tx>({
      unitOfWork: (given) => {
        seen.push(given);
        return unit;
      },
      topicOf: (type) => topics[type],
      observeLatency: (s) => observed.push(s),
      clock: clock('2024-01-01T00:01:00Z', '2024-01-01T00:01:02Z'),
    });

    const applied = await handler.execute(tx, [approval, payment, unknown]);

    expect(seen).toEqual([tx]);
    expect(unit.applied).toHaveLength(1);
    expect(unit.applied[0]!.orderStatuses).toHaveLength(1);
    expect(unit.applied[0]!.payments).toHaveLength(1);
    expect(applied).toMatchObject({ events: 3, stagedRows: 2, ignored: { 'sales.order.refunded@1': 1 }, applySeconds: 2 });
    expect(applied.freshness.topics).toEqual([
      { topic: 'sales.order.v1', events: 1, newestEventTime: '2024-01-01T00:00:00.000Z' },
      { topic: 'sales.payment.v1', events: 1, newestEventTime: '2024-01-01T00:00:30.000Z' },
    ]);
    expect(observed).toEqual([62, 32]);
    expect(unit.recorded).toEqual([{ freshness: applied.freshness, applySeconds: 2 }]);
  });

  it('writes nothing for a batch it has no use for, and records no freshness without a recorder', async () => {
    const unit = new RecordingUnit();
    const handler = new ApplyEventBatch<null>({
      unitOfWork: () => ({ writer: unit.writer }),
      topicOf: () => undefined,
    });
    const applied = await handler.execute(null, [unknown]);
    expect(unit.applied).toEqual([]);
    expect(applied).toMatchObject({ events: 1, stagedRows: 0, freshness: { events: 0, latency: null } });

    const withRecorder = new ApplyEventBatch<null>({ unitOfWork: () => unit, topicOf: () => undefined });
    await withRecorder.execute(null, [unknown]);
    expect(unit.recorded).toEqual([]);
  });
});
