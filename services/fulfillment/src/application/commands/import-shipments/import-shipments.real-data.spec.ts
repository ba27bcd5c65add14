// The real head of Olist's orders file (4,071 orders) through the import, checked against figures
// computed here straight from the file's local-time text.
import { CalendarDate } from '../../../domain/time/calendar-date.value-object';
import { olistLocalToInstant } from '../../../domain/time/sao-paulo-time';
import { ListLateShipmentsHandler } from '../../queries/list-late-shipments/list-late-shipments.handler';
import { ListOverdueShipmentsHandler } from '../../queries/list-overdue-shipments/list-overdue-shipments.handler';
import { FixedClock, InMemoryUnitOfWork } from '../../testing/in-memory-fulfillment.test-double';
import { parseCsv } from '@mercado/testing';
import { readOlistRealFile } from '../../testing/real-olist-files.test-helper';
import { type OlistOrderRow } from './import-shipments.command';
import { ImportShipmentsHandler } from './import-shipments.handler';

const records = parseCsv(readOlistRealFile('olist_orders_dataset.head.csv'));
const rows = records.map((r) => r.values as unknown as OlistOrderRow);
const localDate = (text: string) => CalendarDate.parse(text.slice(0, 10));

async function importAll(uow: InMemoryUnitOfWork) {
  const handler = new ImportShipmentsHandler(uow);
  const totals = { created: 0, unchanged: 0, rejected: 0 };
  for (let start = 0; start < records.length; start += 500) {
    const result = await handler.execute({
      records: records.slice(start, start + 500).map((r) => ({
        source: { file: 'olist_orders_dataset.head.csv', line: r.line },
        row: r.values as unknown as OlistOrderRow,
      })),
    });
    totals.created += result.created;
    totals.unchanged += result.unchanged;
    totals.rejected += result.rejected.length;
  }
  return totals;
}

describe('importing the real Olist orders head', () => {
  const uow = new InMemoryUnitOfWork();

  beforeAll(async () => {
    expect(rows).toHaveLength(4071);
    expect(await importAll(uow)).toEqual({ created: 4071, unchanged: 0, rejected: 0 });
  });

  it('measures every delivery against its promise as the local dates say', () => {
    const delivered = rows.filter((row) => row.order_delivered_customer_date);
    for (const row of delivered) {
      const expected = localDate(row.order_estimated_delivery_date).daysUntil(
        localDate(row.order_delivered_customer_date!),
      );
      expect(uow.shipments.rows.get(row.order_id)?.lateness).toEqual({
        daysLate: expected,
        onTime: expected <= 0,
      });
    }
    const late = delivered.filter(
      (row) =>
        row.order_delivered_customer_date!.slice(0, 10) > row.order_estimated_delivery_date.slice(0, 10),
    );
    expect(late).toHaveLength(274);
  });

  it('flags the odd histories the file holds', () => {
    const flagged = (flag: string) =>
      [...uow.shipments.rows.values()].filter((s) => (s.anomalies as string[]).includes(flag));
    const carrierBeforeApproval = rows.filter(
      (r) =>
        r.order_delivered_carrier_date &&
        r.order_approved_at &&
        r.order_delivered_carrier_date < r.order_approved_at,
    );
    expect(carrierBeforeApproval.length).toBeGreaterThan(0);
    expect(
      flagged('CARRIER_BEFORE_APPROVAL')
        .map((s) => s.orderId)
        .sort(),
    ).toEqual(carrierBeforeApproval.map((r) => r.order_id).sort());
    expect(flagged('APPROVAL_TIME_MISSING')).toHaveLength(rows.filter((r) => !r.order_approved_at).length);
    expect(flagged('DELIVERY_TIME_MISSING').map((s) => s.orderId)).toEqual([
      '2d1e2d5bf4dc7227b3bfebb81328c15f',
    ]);
    expect(flagged('CANCELED_AFTER_DELIVERY').map((s) => s.orderId)).toEqual([
      '1950d777989f6a877539f53795b4c3c3',
    ]);
    expect([...uow.shipments.rows.values()].filter((s) => s.status === 'canceled')).toHaveLength(
      rows.filter((r) => r.order_status === 'canceled' || r.order_status === 'unavailable').length,
    );
  });

  it('re-imports the whole file as a no-op', async () => {
    const events = uow.outbox.events.length;
    expect(await importAll(uow)).toEqual({ created: 0, unchanged: 4071, rejected: 0 });
    expect(uow.outbox.events).toHaveLength(events);
  });

  it('lists the late deliveries page by page', async () => {
    const handler = new ListLateShipmentsHandler(uow.shipments);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await handler.execute({ cursor, limit: 100 });
      seen.push(...page.items.map((item) => item.orderId));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toHaveLength(274);
    expect(new Set(seen).size).toBe(274);
  });

  it('lists the shipments overdue at noon on 2018-08-01 as the file’s local times say', async () => {
    const asOfText = '2018-08-01 12:00:00';
    const expected = rows.filter((r) => {
      if (r.order_status === 'canceled' || r.order_status === 'unavailable') return false;
      if ((r.order_approved_at || r.order_purchase_timestamp) > asOfText) return false;
      if (r.order_status === 'delivered' && !r.order_delivered_customer_date) return false;
      if (r.order_delivered_customer_date && r.order_delivered_customer_date <= asOfText) return false;
      return r.order_estimated_delivery_date.slice(0, 10) < asOfText.slice(0, 10);
    });
    expect(expected.length).toBeGreaterThan(10);
    const handler = new ListOverdueShipmentsHandler(uow.shipments, new FixedClock(new Date()));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await handler.execute({ asOf: olistLocalToInstant(asOfText), cursor, limit: 7 });
      seen.push(...page.items.map((item) => item.orderId));
      expect(page.items.every((item) => item.daysOverdue >= 1)).toBe(true);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen.sort()).toEqual(expected.map((r) => r.order_id).sort());
  });
});
