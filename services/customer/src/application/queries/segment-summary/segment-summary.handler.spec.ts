import { RecomputeSegmentsHandler } from '../../commands/recompute-segments/recompute-segments.handler';
import { RecordPaymentHandler } from '../../commands/record-payment/record-payment.handler';
import { RecordPurchaseHandler } from '../../commands/record-purchase/record-purchase.handler';
import { RegisterCustomerHandler } from '../../commands/register-customer/register-customer.handler';
import { FixedClock, InMemoryCustomerStore } from '../../testing/in-memory-customer.test-double';
import { NOW, daysBefore } from '../../testing/customer-fixtures.test-double';
import { SegmentSummaryHandler } from './segment-summary.handler';

describe('SegmentSummaryHandler', () => {
  it('counts customers and sums monetary value per segment, with shares and the unsegmented', async () => {
    const store = new InMemoryCustomerStore();
    const clock = new FixedClock(NOW);
    const register = new RegisterCustomerHandler(store, clock);
    for (const [id, days, cents] of [
      ['recent-small', 0, 1000],
      ['recent-big', 0, 9000],
      ['old-small', 400, 1000],
      ['old-big', 400, 9000],
    ] as const) {
      await register.execute({
        customerUniqueId: id,
        customerId: `${id}-a`,
        zipPrefix: '01151',
        city: 'sao paulo',
        state: 'SP',
      });
      await new RecordPurchaseHandler(store).execute({
        orderId: `${id}-o`,
        customerId: `${id}-a`,
        purchasedAt: daysBefore(days),
        orderValueCents: cents,
      });
      await new RecordPaymentHandler(store).execute({ orderId: `${id}-o`, sequential: 1, valueCents: cents });
    }
    await register.execute({
      customerUniqueId: 'never-bought',
      customerId: 'nb',
      zipPrefix: '01151',
      city: 'sao paulo',
      state: 'SP',
    });
    const handler = new SegmentSummaryHandler(store.customers, store.snapshots);
    expect((await handler.execute()).asOf).toBeNull();
    await new RecomputeSegmentsHandler(store, clock).execute({ scope: 'full' });
    const summary = await handler.execute();
    expect(summary.asOf).toBe('2018-09-01');
    expect(summary.unsegmented).toBe(1);
    expect(summary.totalCustomers).toBe(5);
    const nonEmpty = summary.segments.filter((row) => row.customers > 0);
    // R: 0 days → 4, 400 days → 2 (mid-rank); M: 10.00 → 2, 90.00 → 4.
    expect(nonEmpty).toEqual([
      { segment: 'potential-loyalist', customers: 2, monetaryCents: 10000, monetary: '100.00', share: 0.5 },
      { segment: 'at-risk', customers: 1, monetaryCents: 9000, monetary: '90.00', share: 0.25 },
      { segment: 'hibernating', customers: 1, monetaryCents: 1000, monetary: '10.00', share: 0.25 },
    ]);
    expect(summary.segments.map((row) => row.segment)).toHaveLength(10);
  });

  it('reports an empty base', async () => {
    const store = new InMemoryCustomerStore();
    const summary = await new SegmentSummaryHandler(store.customers, store.snapshots).execute();
    expect(summary).toMatchObject({ asOf: null, unsegmented: 0, totalCustomers: 0 });
    expect(summary.segments.every((row) => row.customers === 0 && row.share === 0)).toBe(true);
  });
});
