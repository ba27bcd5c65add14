import { type SegmentChanged } from '../../../domain/customer/customer.events';
import { FixedClock, InMemoryCustomerStore } from '../../testing/in-memory-customer.test-double';
import { NOW, daysBefore } from '../../testing/customer-fixtures.test-double';
import { RecordCancellationHandler } from '../record-cancellation/record-cancellation.handler';
import { RecordPaymentHandler } from '../record-payment/record-payment.handler';
import { RecordPurchaseHandler } from '../record-purchase/record-purchase.handler';
import { RegisterCustomerHandler } from '../register-customer/register-customer.handler';
import { FULL_RECOMPUTE_CHUNK, RecomputeSegmentsHandler } from './recompute-segments.handler';

async function buy(
  store: InMemoryCustomerStore,
  orderId: string,
  account: string,
  at: Date,
  paidCents: number,
) {
  await new RecordPurchaseHandler(store).execute({
    orderId,
    customerId: account,
    purchasedAt: at,
    orderValueCents: paidCents,
  });
  await new RecordPaymentHandler(store).execute({ orderId, sequential: 1, valueCents: paidCents });
}

/** Ten persons p0..p9: p_i bought once, 10·i days before the newest purchase, paying (i + 1) × 10.00. */
async function tenCustomers(): Promise<InMemoryCustomerStore> {
  const store = new InMemoryCustomerStore();
  const register = new RegisterCustomerHandler(store, new FixedClock(NOW));
  for (let i = 0; i < 10; i++) {
    await register.execute({
      customerUniqueId: `p${i}`,
      customerId: `a${i}`,
      zipPrefix: '01151',
      city: 'sao paulo',
      state: 'SP',
    });
    await buy(store, `o${i}`, `a${i}`, daysBefore(10 * i), (i + 1) * 1000);
  }
  return store;
}

const segmentChanges = (store: InMemoryCustomerStore) =>
  store.outboxEvents.filter((event): event is SegmentChanged => event.type === 'SegmentChanged');

describe('RecomputeSegmentsHandler', () => {
  it('full: computes boundaries over the base at the newest purchase and segments everyone', async () => {
    const store = await tenCustomers();
    const handler = new RecomputeSegmentsHandler(store, new FixedClock(NOW));
    const result = await handler.execute({ scope: 'full' });
    expect(result.snapshot).toEqual({
      asOf: daysBefore(0),
      boundaries: { recencyDays: [70, 50, 30, 10], monetaryCents: [3000, 5000, 7000, 9000] },
      customerCount: 10,
      computedAt: NOW,
    });
    expect(result).toMatchObject({ scope: 'full', reassessed: 10, segmentChanges: 10 });
    const segments = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => (await store.customers.findById(`p${i}`))!.segment),
    );
    expect(segments).toEqual([
      'new',
      'new',
      'potential-loyalist',
      'potential-loyalist',
      'need-attention',
      'need-attention',
      'at-risk',
      'at-risk',
      'at-risk',
      'at-risk',
    ]);
    expect((await store.customers.findById('p4'))!.rfm).toEqual({
      asOf: daysBefore(0),
      recencyDays: 40,
      frequency: 1,
      monetaryCents: 5000,
      recencyScore: 3,
      frequencyScore: 1,
      monetaryScore: 3,
      segment: 'need-attention',
    });
    expect(segmentChanges(store)[0]).toMatchObject({
      customerUniqueId: 'p0',
      segment: 'new',
      previousSegment: null,
    });
    expect(await store.snapshots.current()).toEqual(result.snapshot);
  });

  it('full again on the same data changes nothing and emits nothing', async () => {
    const store = await tenCustomers();
    const handler = new RecomputeSegmentsHandler(store, new FixedClock(NOW));
    await handler.execute({ scope: 'full' });
    const events = store.outboxEvents.length;
    const again = await handler.execute({ scope: 'full' });
    expect(again).toMatchObject({ reassessed: 0, segmentChanges: 0 });
    expect(store.outboxEvents).toHaveLength(events);
  });

  it('full with a configured reference date measures recency to it', async () => {
    const store = await tenCustomers();
    const asOf = new Date(daysBefore(0).getTime() + 100 * 86_400_000);
    const result = await new RecomputeSegmentsHandler(store, new FixedClock(NOW)).execute({
      scope: 'full',
      asOf,
    });
    expect(result.snapshot.asOf).toEqual(asOf);
    expect((await store.customers.findById('p0'))!.rfm?.recencyDays).toBe(100);
    expect((await store.customers.findById('p0'))!.segment).toBe('new');
  });

  it('touched: re-scores against the current boundaries without refreshing them; SegmentChanged only on change', async () => {
    const store = await tenCustomers();
    const clock = new FixedClock(NOW);
    const handler = new RecomputeSegmentsHandler(store, clock);
    const full = await handler.execute({ scope: 'full' });
    const before = store.outboxEvents.length;
    // p0 buys again, big: frequency 2, monetary 210.00.
    await buy(store, 'o0-bis', 'a0', daysBefore(0), 20000);
    // p5 has no new facts: re-scoring it changes nothing.
    clock.set(new Date(NOW.getTime() + 1000));
    const result = await handler.execute({ scope: 'touched', customerUniqueIds: ['p0', 'p0', 'p5'] });
    expect(result).toMatchObject({ scope: 'touched', reassessed: 1, segmentChanges: 1 });
    expect(result.snapshot).toEqual(full.snapshot);
    expect(await store.snapshots.current()).toEqual(full.snapshot);
    expect((await store.customers.findById('p0'))!.rfm).toMatchObject({
      frequency: 2,
      monetaryCents: 21000,
      frequencyScore: 2,
      monetaryScore: 5,
      recencyScore: 5,
      segment: 'champions',
    });
    expect(store.outboxEvents.slice(before)).toEqual([
      expect.objectContaining({
        type: 'SegmentChanged',
        customerUniqueId: 'p0',
        segment: 'champions',
        previousSegment: 'new',
      }),
    ]);
  });

  it('touched: moves scores inside a segment silently', async () => {
    const store = await tenCustomers();
    const handler = new RecomputeSegmentsHandler(store, new FixedClock(NOW));
    await handler.execute({ scope: 'full' });
    const before = store.outboxEvents.length;
    // p9 (at-risk: R1, M5) pays a bit more: still M5, still at-risk.
    await new RecordPaymentHandler(store).execute({ orderId: 'o9', sequential: 2, valueCents: 1 });
    const result = await handler.execute({ scope: 'touched', customerUniqueIds: ['p9'] });
    expect(result).toMatchObject({ reassessed: 1, segmentChanges: 0 });
    expect((await store.customers.findById('p9'))!.rfm?.monetaryCents).toBe(10001);
    expect(store.outboxEvents).toHaveLength(before);
  });

  it('touched: clears the assessment of a person whose only order was canceled', async () => {
    const store = await tenCustomers();
    const handler = new RecomputeSegmentsHandler(store, new FixedClock(NOW));
    await handler.execute({ scope: 'full' });
    await new RecordCancellationHandler(store).execute({
      orderId: 'o3',
      closure: 'canceled',
      at: daysBefore(29),
    });
    const result = await handler.execute({ scope: 'touched', customerUniqueIds: ['p3', 'nobody'] });
    expect(result.reassessed).toBe(1);
    expect((await store.customers.findById('p3'))!.segment).toBeNull();
  });

  it('touched without a snapshot yet runs a full recomputation', async () => {
    const store = await tenCustomers();
    const result = await new RecomputeSegmentsHandler(store, new FixedClock(NOW)).execute({
      scope: 'touched',
      customerUniqueIds: ['p0'],
    });
    expect(result).toMatchObject({ scope: 'full', reassessed: 10 });
  });

  it('full on an empty base stores a snapshot at the clock time and segments no one', async () => {
    const store = new InMemoryCustomerStore();
    const result = await new RecomputeSegmentsHandler(store, new FixedClock(NOW)).execute({ scope: 'full' });
    expect(result).toMatchObject({ reassessed: 0, segmentChanges: 0 });
    expect(result.snapshot.asOf).toEqual(NOW);
    expect(result.snapshot.customerCount).toBe(0);
  });

  it('full re-scores a large base in chunks, one transaction each', async () => {
    const store = new InMemoryCustomerStore();
    const register = new RegisterCustomerHandler(store, new FixedClock(NOW));
    const count = FULL_RECOMPUTE_CHUNK + 3;
    for (let i = 0; i < count; i++) {
      await register.execute({
        customerUniqueId: `p${i}`,
        customerId: `a${i}`,
        zipPrefix: '01151',
        city: 'sao paulo',
        state: 'SP',
      });
      await buy(store, `o${i}`, `a${i}`, daysBefore(i % 300), 1000 + i);
    }
    const transactions = store.transactionsCommitted;
    const result = await new RecomputeSegmentsHandler(store, new FixedClock(NOW)).execute({ scope: 'full' });
    expect(result.reassessed).toBe(count);
    // one read of the base, one snapshot write, two chunks
    expect(store.transactionsCommitted - transactions).toBe(4);
  });
});
