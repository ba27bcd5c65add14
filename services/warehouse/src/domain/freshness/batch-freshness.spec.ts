import { batchFreshness, latencyStats } from './batch-freshness';

describe('batch freshness', () => {
  const topicOf = (type: string) => ({ 'sales.order.placed': 'sales.order.v1', 'sales.payment.recorded': 'sales.payment.v1' })[type];
  const now = new Date('2024-05-01T12:00:10Z');

  it('gives per topic the newest event time and per event the latency', () => {
    const freshness = batchFreshness(
      [
        { type: 'sales.order.placed', time: '2024-05-01T09:00:00-03:00' },
        { type: 'sales.order.placed', time: '2024-05-01T09:00:05-03:00' },
        { type: 'sales.payment.recorded', time: '2024-05-01T12:00:08Z' },
        { type: 'something.else', time: '2024-05-01T12:00:08Z' },
        { type: 'sales.order.placed', time: 'not a time' },
      ],
      topicOf,
      now,
    );
    expect(freshness).toEqual({
      events: 3,
      topics: [
        { topic: 'sales.order.v1', events: 2, newestEventTime: '2024-05-01T12:00:05.000Z' },
        { topic: 'sales.payment.v1', events: 1, newestEventTime: '2024-05-01T12:00:08.000Z' },
      ],
      latency: { min: 2, max: 10, mean: (10 + 5 + 2) / 3 },
      latencies: [10, 5, 2],
    });
  });

  it('has no latency without events', () => {
    expect(batchFreshness([], topicOf, now)).toEqual({ events: 0, topics: [], latency: null, latencies: [] });
    expect(latencyStats([])).toBeNull();
    expect(latencyStats([3, 1, 2])).toEqual({ min: 1, max: 3, mean: 2 });
  });
});
