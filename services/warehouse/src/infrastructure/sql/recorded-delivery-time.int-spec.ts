import {
  createEnvelope,
  deliveryLateness,
  fulfillmentShipmentDeliveredV1,
  salesOrderApprovedV1,
  salesOrderDeliveredV1,
  salesOrderPlacedV1,
  salesOrderShippedV1,
  type AnyEventDefinition,
  type EventEnvelope,
} from '@mercado/contracts';
import { warehouseTestDatabase, type WarehouseTestDatabase } from '../../testing/warehouse-database.fixture';

/*
 * The delivered date is a time Olist recorded. The sales service imports an order marked delivered
 * without a date with its carrier hand-off time, and moves a delivery recorded before the approval
 * forward to the approval, flagging both `time-estimated`: such a time gives the order its status,
 * not its delivered date (the shipment's, when it has one). Found by the end-to-end reconciliation
 * over the real Olist rows (tools/cli pipeline-reconciliation.int-spec.ts).
 */

let sequence = 0;
const event = (definition: AnyEventDefinition, data: unknown, time: string): EventEnvelope =>
  createEnvelope(definition, data, { source: '/mercado/test', time, id: `01890000-0000-7000-8000-${(++sequence).toString(16).padStart(12, '0')}` });

const line = { line_number: 1, product_id: 'p1', seller_id: 's1', shipping_limit_at: '2018-07-25T12:00:00-03:00', price_cents: 1000, freight_cents: 100 };
const placed = (order_id: string, purchased_at: string) =>
  event(salesOrderPlacedV1, { order_id, customer_id: `c-${order_id}`, purchased_at, lines: [line], imported: true }, purchased_at);
const approved = (order_id: string, at: string) => event(salesOrderApprovedV1, { order_id, approved_at: at }, at);
const shipped = (order_id: string, at: string) => event(salesOrderShippedV1, { order_id, shipped_at: at }, at);
const delivered = (order_id: string, at: string, anomalies?: string[]) =>
  event(salesOrderDeliveredV1, { order_id, delivered_at: at, ...(anomalies ? { anomalies } : {}) }, at);
const shipmentDelivered = (order_id: string, at: string) =>
  event(fulfillmentShipmentDeliveredV1, { order_id, delivered_at: at, estimated_delivery_date: '2018-07-31', ...deliveryLateness(at, '2018-07-31') }, at);

describe('the delivered date of an order', () => {
  let db: WarehouseTestDatabase;

  beforeAll(async () => {
    db = await warehouseTestDatabase('delivery_time');
  });
  afterAll(async () => db.close());

  const facts = () =>
    db.rows(
      `SELECT order_id, status, to_char(delivered_at AT TIME ZONE 'America/Sao_Paulo', 'YYYY-MM-DD HH24:MI:SS') AS delivered_at,
              is_delivered, delivery_seconds::int AS delivery_seconds
       FROM dw.fact_orders ORDER BY order_id`,
    );

  it('is the recorded one, not a time the producer estimated, whatever the arrival order', async () => {
    const history = [
      // Olist: approved 07-26 23:31:53, handed over 07-24, delivered 07-25 23:58:19 (before its approval).
      placed('moved', '2018-07-21T12:49:32-03:00'),
      approved('moved', '2018-07-26T23:31:53-03:00'),
      shipped('moved', '2018-07-26T23:31:53-03:00'),
      delivered('moved', '2018-07-26T23:31:53-03:00', ['time-estimated']),
      shipmentDelivered('moved', '2018-07-25T23:58:19-03:00'),
      // Olist: status delivered, no delivered date; sales gives the hand-off time.
      placed('undated', '2017-11-28T17:40:00-02:00'),
      approved('undated', '2017-11-28T17:56:40-02:00'),
      shipped('undated', '2017-11-30T18:12:23-02:00'),
      delivered('undated', '2017-11-30T18:12:23-02:00', ['delivered-without-date', 'time-estimated']),
      // A delivery as recorded.
      placed('plain', '2018-07-21T10:00:00-03:00'),
      delivered('plain', '2018-07-24T10:00:00-03:00'),
      shipmentDelivered('plain', '2018-07-24T10:00:00-03:00'),
    ];
    const expected = [
      { order_id: 'moved', status: 'delivered', delivered_at: '2018-07-25 23:58:19', is_delivered: true, delivery_seconds: 385727 },
      { order_id: 'plain', status: 'delivered', delivered_at: '2018-07-24 10:00:00', is_delivered: true, delivery_seconds: 3 * 86400 },
      { order_id: 'undated', status: 'delivered', delivered_at: null, is_delivered: false, delivery_seconds: null },
    ];
    await db.apply([history]);
    expect(await facts()).toEqual(expected);

    // The other way round, one event per batch: the same facts.
    await db.pool.query(`TRUNCATE dw.fact_orders, dw.stg_order_placed, dw.stg_order_status, dw.stg_shipment, dw.fact_deliveries`);
    await db.apply([...history].reverse().map((e) => [e]));
    expect(await facts()).toEqual(expected);
  });
});
