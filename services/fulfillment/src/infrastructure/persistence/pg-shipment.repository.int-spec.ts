import { createPool, initialiseAndMigrate, type Pool, withTransaction } from '@mercado/postgres';
import { createTestDatabase, testInfrastructure, type TestDatabase } from '@mercado/testing';
import { ConcurrentModificationError } from '../../application/shared/application.errors';
import { Shipment, type ShipmentSnapshot } from '../../domain/shipment/shipment.aggregate';
import { isLateDelivery, isOverdue } from '../../domain/shipment/shipment-overdue.policy';
import { type OlistOrderStatus } from '../../domain/shipment/imported-shipment-facts';
import { CalendarDate } from '../../domain/time/calendar-date.value-object';
import { olistLocalToInstant } from '../../domain/time/sao-paulo-time';
import { createFulfillmentDataSource } from './fulfillment.data-source';
import { PgPendingOrderRepository } from './pg-pending-order.repository';
import { PgShipmentRepository } from './pg-shipment.repository';

const local = olistLocalToInstant;
const hex = (n: number) => n.toString(16).padStart(32, '0');

/**
 * A spread of histories around the summer-time change of 2017-10-15 and the promised dates: each
 * status, delivered early, on the day, late, never, canceled, and delivered without a time.
 */
function histories(): Shipment[] {
  const shipments: Shipment[] = [];
  const statuses: (OlistOrderStatus | null)[] = ['delivered', 'shipped', 'canceled', 'approved', 'delivered', null];
  let n = 0;
  for (let day = 1; day <= 24; day += 1) {
    for (const status of statuses) {
      n += 1;
      const purchase = `2017-10-${String(day).padStart(2, '0')} 0${n % 10}:15:00`;
      const carrier = status === 'approved' || (status === null && n % 2) ? null : `2017-10-${String(day + 2).padStart(2, '0')} 23:30:00`;
      const deliveredDay = day + (n % 13);
      const delivered =
        status === 'delivered' && n % 5 !== 0 && deliveredDay <= 31
          ? `2017-10-${String(deliveredDay).padStart(2, '0')} ${n % 3 === 0 ? '23:59:59' : '00:00:01'}`
          : null;
      const estimate = `2017-10-${String(Math.min(day + 5 + (n % 4), 31)).padStart(2, '0')}`;
      shipments.push(
        Shipment.importHistory(
          {
            orderId: hex(n),
            customerId: `c${hex(n).slice(1)}`,
            orderStatus: status,
            purchasedAt: local(purchase),
            approvedAt: n % 7 === 0 ? null : local(purchase),
            carrierAt: carrier ? local(carrier) : null,
            deliveredAt: delivered ? local(delivered) : null,
            estimatedDeliveryDate: CalendarDate.parse(estimate),
          },
          null,
        ),
      );
    }
  }
  return shipments;
}

describe('PgShipmentRepository on PostgreSQL', () => {
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase(testInfrastructure().databaseUrl, 'fulfillment_repo');
    const dataSource = createFulfillmentDataSource(database.url);
    expect(await initialiseAndMigrate(dataSource)).toEqual(['FulfillmentSchema1733600000000']);
    // The entities describe exactly the tables the migrations made: typeorm would change nothing.
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    expect(await initialiseAndMigrate(dataSource)).toEqual([]);
    await dataSource.destroy();
    pool = createPool(database.url, { max: 3 });
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('saves in sets, restores every field, and refuses a stale version', async () => {
    const repository = new PgShipmentRepository(pool);
    const shipments = histories();
    await repository.save(shipments);
    const restored = await repository.findByOrderIds(shipments.map((s) => s.orderId));
    expect(restored).toHaveLength(shipments.length);
    const byId = new Map(restored.map((s) => [s.orderId, s.toSnapshot()]));
    for (const shipment of shipments) {
      expect(byId.get(shipment.orderId)).toEqual({ ...shipment.toSnapshot(), version: 1 });
    }

    const [first] = await repository.findByOrderIds([shipments[1]!.orderId]);
    const [same] = await repository.findByOrderIds([shipments[1]!.orderId]);
    first!.cancel(local('2017-11-20 10:00:00'), 'customer gave up');
    await repository.save([first!]);
    same!.cancel(local('2017-11-21 10:00:00'), null);
    await expect(repository.save([same!])).rejects.toThrow(ConcurrentModificationError);
    expect((await repository.findByOrderId(shipments[1]!.orderId))!.toSnapshot()).toMatchObject({
      status: 'canceled',
      cancelReason: 'customer gave up',
      version: 2,
    });
    // A second insert of a known id is a concurrent creation, not an overwrite.
    await expect(repository.save([Shipment.restore({ ...shipments[0]!.toSnapshot(), version: 0 })])).rejects.toThrow(
      ConcurrentModificationError,
    );
  });

  it('selects exactly the shipments isOverdue accepts, page by page, for instants around the dates', async () => {
    const repository = new PgShipmentRepository(pool);
    const ids = (await pool.query<{ order_id: string }>('SELECT order_id FROM shipment')).rows.map((r) => r.order_id);
    const all: ShipmentSnapshot[] = (await repository.findByOrderIds(ids)).map((s) => s.toSnapshot());
    expect(all.length).toBeGreaterThan(100);
    const overdueCounts: number[] = [];
    const timeline = (s: ShipmentSnapshot) => ({ ...s, estimatedDeliveryDate: CalendarDate.parse(s.estimatedDeliveryDate) });
    const instants = [
      '2017-10-14T23:59:59-03:00',
      '2017-10-15T01:00:00-02:00',
      '2017-10-20T02:59:59Z',
      '2017-10-20T03:00:00Z',
      '2017-10-27T12:00:00-02:00',
      '2017-11-05T00:00:00-02:00',
    ];
    for (const text of instants) {
      const asOf = new Date(text);
      const expected = all
        .filter((s) => isOverdue(timeline(s), asOf))
        .sort((a, b) => (a.estimatedDeliveryDate + a.orderId < b.estimatedDeliveryDate + b.orderId ? -1 : 1))
        .map((s) => s.orderId);
      const asOfDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(asOf);
      const seen: string[] = [];
      let after: { estimatedDeliveryDate: string; orderId: string } | null = null;
      for (;;) {
        const page = await repository.findOverdue({ asOf, asOfDate, after, limit: 7 });
        seen.push(...page.map((s) => s.orderId));
        if (page.length < 7) break;
        const last = page[page.length - 1]!;
        after = { estimatedDeliveryDate: last.estimatedDeliveryDate, orderId: last.orderId };
      }
      expect({ asOf: text, ids: seen }).toEqual({ asOf: text, ids: expected });
      overdueCounts.push(seen.length);
    }
    // The instants see the overdue set change (the comparison is not between empty lists).
    expect(new Set(overdueCounts).size).toBeGreaterThan(3);
    expect(Math.max(...overdueCounts)).toBeGreaterThan(10);
  });

  it('selects the late deliveries isLateDelivery accepts, within the bounds, in delivery order', async () => {
    const repository = new PgShipmentRepository(pool);
    const ids = (await pool.query<{ order_id: string }>('SELECT order_id FROM shipment')).rows.map((r) => r.order_id);
    const all = (await repository.findByOrderIds(ids)).map((s) => s.toSnapshot());
    const from = new Date('2017-10-10T00:00:00-03:00');
    const to = new Date('2017-10-30T00:00:00-02:00');
    const expected = all
      .filter((s) => isLateDelivery({ deliveredAt: s.deliveredAt, estimatedDeliveryDate: CalendarDate.parse(s.estimatedDeliveryDate) }))
      .filter((s) => s.deliveredAt! >= from && s.deliveredAt! < to)
      .sort((a, b) => a.deliveredAt!.getTime() - b.deliveredAt!.getTime() || (a.orderId < b.orderId ? -1 : 1))
      .map((s) => s.orderId);
    expect(expected.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let after: { deliveredAt: string; orderId: string } | null = null;
    for (;;) {
      const page = await repository.findLate({ deliveredFrom: from, deliveredTo: to, after, limit: 3 });
      seen.push(...page.map((s) => s.orderId));
      if (page.length < 3) break;
      const last = page[page.length - 1]!;
      after = { deliveredAt: last.deliveredAt!.toISOString(), orderId: last.orderId };
    }
    expect(seen).toEqual(expected);
  });

  it('keeps pending placements until they are taken over, inside the caller transaction', async () => {
    const order = {
      orderId: 'pending1',
      customerId: 'customer1',
      purchasedAt: local('2018-01-02 10:00:00'),
      imported: true,
      lines: [{ lineNumber: 1, sellerId: 'seller1', shippingLimitAt: local('2018-01-05 10:00:00') }],
    };
    await expect(
      withTransaction(pool, async (tx) => {
        await new PgPendingOrderRepository(tx).save(order);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const repository = new PgPendingOrderRepository(pool);
    expect(await repository.find('pending1')).toBeNull();
    await repository.save(order);
    await repository.save({ ...order, imported: false });
    expect(await repository.findMany(['pending1', 'unknown'])).toEqual([{ ...order, imported: false }]);
    await repository.delete(['pending1']);
    expect(await repository.find('pending1')).toBeNull();
  });
});
