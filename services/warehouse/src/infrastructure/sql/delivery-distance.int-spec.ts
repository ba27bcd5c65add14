import {
  createEnvelope,
  customerCustomerRegisteredV1,
  fulfillmentShipmentCreatedV1,
  salesOrderPlacedV1,
  salesOrderUnavailableV1,
  type AnyEventDefinition,
  type EventEnvelope,
} from '@mercado/contracts';
import { warehouseTestDatabase, type WarehouseTestDatabase } from '../../testing/warehouse-database.fixture';

/*
 * A shipment's distance needs both points. An order without lines has no seller, hence no seller
 * point: PostgreSQL's least() skips nulls, so the haversine of an unknown point read asin(1), half the
 * Earth's circumference (20,015 km). Found by the quality suite's distance range on generated data.
 */

let sequence = 0;
const event = (definition: AnyEventDefinition, data: unknown, time: string): EventEnvelope =>
  createEnvelope(definition, data, { source: '/mercado/test', time, id: `01890000-0000-7000-8001-${(++sequence).toString(16).padStart(12, '0')}` });

describe('the distance of a delivery', () => {
  let db: WarehouseTestDatabase;

  beforeAll(async () => {
    db = await warehouseTestDatabase('delivery_distance');
  });
  afterAll(async () => db.close());

  it('is null when the order has no seller or the seller has no point (known points: pg-warehouse.writer.int-spec)', async () => {
    const purchasedAt = '2018-03-01T10:00:00-03:00';
    const line = { line_number: 1, product_id: 'p1', seller_id: 'unplaced-seller', shipping_limit_at: '2018-03-05T10:00:00-03:00', price_cents: 1000, freight_cents: 100 };
    await db.apply([
      [
        event(customerCustomerRegisteredV1, { customer_unique_id: 'person-1', accounts: ['account-1', 'account-2'], location: { zip_prefix: '01001', city: 'sao paulo', state: 'SP' } }, purchasedAt),
        // No lines: Olist's unavailable orders often have none.
        event(salesOrderPlacedV1, { order_id: 'no-lines', customer_id: 'account-1', purchased_at: purchasedAt, lines: [], imported: true }, purchasedAt),
        event(salesOrderUnavailableV1, { order_id: 'no-lines', unavailable_at: '2018-03-02T10:00:00-03:00' }, '2018-03-02T10:00:00-03:00'),
        event(fulfillmentShipmentCreatedV1, { order_id: 'no-lines', customer_id: 'account-1', estimated_delivery_date: '2018-03-20', seller_shipping_limits: [] }, purchasedAt),
        // A seller the warehouse has no row (so no zip) for.
        event(salesOrderPlacedV1, { order_id: 'unknown-seller', customer_id: 'account-2', purchased_at: purchasedAt, lines: [line], imported: true }, purchasedAt),
        event(fulfillmentShipmentCreatedV1, { order_id: 'unknown-seller', customer_id: 'account-2', estimated_delivery_date: '2018-03-20', seller_shipping_limits: [] }, purchasedAt),
      ],
    ]);
    const rows = await db.rows<{ order_id: string; customer_zip_prefix: string | null; distance_km: string | null }>(
      `SELECT order_id, customer_zip_prefix, distance_km::text FROM dw.fact_deliveries ORDER BY order_id`,
    );
    expect(rows).toEqual([
      { order_id: 'no-lines', customer_zip_prefix: '01001', distance_km: null },
      { order_id: 'unknown-seller', customer_zip_prefix: '01001', distance_km: null },
    ]);
  });
});
