import { type EventEnvelope } from '@mercado/contracts';
import { haversineKm } from '../../domain/geo/haversine';
import { warehouseTestDatabase, type WarehouseTestDatabase } from '../../testing/warehouse-database.fixture';
import { warehouseScenario, SCENARIO_GEOLOCATION } from '../../testing/warehouse-scenario.fixture';
import { loadGeolocation } from './geolocation.loader';
import { migrateWarehouse } from './migrator';
import { compareWarehouses, findKeyViolations } from './table-keys';

/*
 * The scripted history of warehouse-scenario.fixture.ts applied batch by batch, checked after the
 * batches where something late arrives, then in full against figures computed by hand from the
 * definitions of docs/metrics.md.
 */

const utc = (column: string) =>
  `CASE WHEN isfinite(${column}) THEN to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') ELSE ${column}::text END`;

describe('applying the scripted history', () => {
  let db: WarehouseTestDatabase;
  let batches: EventEnvelope[][];

  beforeAll(async () => {
    db = await warehouseTestDatabase('apply');
    batches = warehouseScenario();
  });
  afterAll(async () => db.close());

  const executiveDay = async (dateKey: number) =>
    (await db.rows('SELECT orders, new_customers FROM dw.mart_executive_dashboard WHERE purchase_date_key = $1', [dateKey]))[0];
  const keyOf = async (natural: string) => (await db.rows<{ key: string }>('SELECT dw.surrogate_key($1) AS key', [natural]))[0]!.key;

  it('keeps a payment that arrives before its order, and counts it once the order comes', async () => {
    await db.apply([batches[0]!]);
    expect(await db.rows(`SELECT order_id, sequential, value::text, purchase_date_key FROM dw.fact_payments`)).toEqual([
      { order_id: 'o1', sequential: 1, value: '120.00', purchase_date_key: null },
    ]);
    expect(await db.rows('SELECT * FROM dw.fact_orders')).toEqual([]);

    await db.apply([batches[1]!]);
    expect(await db.rows(`SELECT order_id, status, payments_total::text, payments_count FROM dw.fact_orders`)).toEqual([
      { order_id: 'o1', status: 'approved', payments_total: '165.75', payments_count: 2 },
    ]);
    // o2's approval and delivered shipment wait for the order.
    expect(await db.rows(`SELECT order_id, days_late, purchase_month, customer_state FROM dw.fact_deliveries ORDER BY order_id`)).toEqual([
      { order_id: 'o1', days_late: null, purchase_month: 201801, customer_state: 'SP' },
      { order_id: 'o2', days_late: 3, purchase_month: null, customer_state: null },
    ]);
  });

  it('gives an order of an unknown person, seller or product an inferred member', async () => {
    await db.apply([batches[2]!]);
    const inferredB1 = await keyOf('customer-account:b1');
    expect(await db.rows(`SELECT customer_key, buyer_key, status FROM dw.fact_orders WHERE order_id = 'o2'`)).toEqual([
      { customer_key: inferredB1, buyer_key: 'account:b1', status: 'approved' },
    ]);
    expect(await db.rows(`SELECT customer_unique_id, inferred_account_id, is_inferred, state FROM dw.dim_customer WHERE customer_key = $1`, [inferredB1])).toEqual([
      { customer_unique_id: null, inferred_account_id: 'b1', is_inferred: true, state: null },
    ]);
    expect(await db.rows(`SELECT seller_id, is_inferred, state FROM dw.dim_seller ORDER BY seller_id`)).toEqual([
      { seller_id: 's1', is_inferred: false, state: 'SP' },
      { seller_id: 's2', is_inferred: true, state: null },
    ]);
    expect(await db.rows(`SELECT product_id, is_inferred FROM dw.dim_product WHERE product_id = 'x3'`)).toEqual([{ product_id: 'x3', is_inferred: true }]);
    // The unknown account is no person yet: nobody's first order until the customer service names one.
    expect(await executiveDay(20180110)).toEqual({ orders: 2, new_customers: 1 });
    expect(await db.rows('SELECT count(*)::int AS n FROM dw.mart_delivery_performance')).toEqual([{ n: 1 }]);
  });

  it('completes the inferred members in place when the person and the seller arrive', async () => {
    await db.apply([batches[3]!]);
    const inferredB1 = await keyOf('customer-account:b1');
    expect(await db.rows(`SELECT customer_key, buyer_key, status FROM dw.fact_orders WHERE order_id = 'o2'`)).toEqual([
      { customer_key: inferredB1, buyer_key: 'p2', status: 'delivered' },
    ]);
    expect(await db.rows(`SELECT customer_unique_id, inferred_account_id, is_inferred, state, version FROM dw.dim_customer WHERE customer_key = $1`, [inferredB1])).toEqual([
      { customer_unique_id: 'p2', inferred_account_id: null, is_inferred: false, state: 'MG', version: 1 },
    ]);
    expect(await db.rows(`SELECT seller_key, is_inferred, state FROM dw.dim_seller WHERE seller_id = 's2'`)).toEqual([
      { seller_key: await keyOf('seller:s2'), is_inferred: false, state: 'RJ' },
    ]);
    expect(await db.rows(`SELECT seller_state, customer_state FROM dw.fact_deliveries WHERE order_id = 'o2'`)).toEqual([{ seller_state: 'RJ', customer_state: 'MG' }]);
    expect(await executiveDay(20180110)).toEqual({ orders: 2, new_customers: 2 });
  });

  it('re-points an order when its account is linked to a person, and drops the inferred member', async () => {
    await db.apply([batches[4]!]);
    expect(await executiveDay(20180305)).toEqual({ orders: 1, new_customers: 0 });
    await db.apply([batches[5]!]);
    expect(await db.rows(`SELECT count(*)::int AS n FROM dw.dim_customer WHERE is_inferred`)).toEqual([{ n: 0 }]);
    expect(await db.rows(`SELECT c.customer_unique_id, c.version, c.state FROM dw.fact_orders f JOIN dw.dim_customer c USING (customer_key) WHERE f.order_id = 'o4'`)).toEqual([
      { customer_unique_id: 'p1', version: 2, state: 'RJ' },
    ]);
    expect(await executiveDay(20180305)).toEqual({ orders: 1, new_customers: 0 });
  });

  it('moves a new customer to an earlier date when an earlier order arrives last', async () => {
    expect(await executiveDay(20180110)).toEqual({ orders: 2, new_customers: 2 });
    await db.apply([batches[6]!]);
    expect(await executiveDay(20180110)).toEqual({ orders: 2, new_customers: 1 });
    expect(await executiveDay(20171220)).toEqual({ orders: 1, new_customers: 1 });
  });

  describe('the final state', () => {
    it('fact_orders', async () => {
      expect(
        await db.rows(`
          SELECT order_id, buyer_key, status, is_kept, ${utc('purchased_at')} AS purchased_at, ${utc('carrier_at')} AS carrier_at,
                 ${utc('delivered_at')} AS delivered_at, estimated_delivery_date::text AS estimated, purchase_date_key, purchase_month,
                 items_count, gmv::text, freight::text, payments_total::text, payments_count, is_delivered, is_late,
                 delivery_seconds::text, anomalies
          FROM dw.fact_orders ORDER BY order_id`),
      ).toEqual([
        { order_id: 'o1', buyer_key: 'p1', status: 'delivered', is_kept: true, purchased_at: '2018-01-10T12:00:00Z', carrier_at: '2018-01-11T11:00:00Z', delivered_at: '2018-01-15T16:00:00Z', estimated: '2018-01-20', purchase_date_key: 20180110, purchase_month: 201801, items_count: 2, gmv: '150.50', freight: '15.25', payments_total: '165.75', payments_count: 2, is_delivered: true, is_late: false, delivery_seconds: '446400.000000', anomalies: [] },
        // Purchased at 23:30 in São Paulo: already the 11th in UTC, the 10th for the warehouse.
        { order_id: 'o2', buyer_key: 'p2', status: 'delivered', is_kept: true, purchased_at: '2018-01-11T01:30:00Z', carrier_at: '2018-01-13T12:00:00Z', delivered_at: '2018-01-25T12:00:00Z', estimated: '2018-01-22', purchase_date_key: 20180110, purchase_month: 201801, items_count: 1, gmv: '200.00', freight: '20.00', payments_total: '220.00', payments_count: 1, is_delivered: true, is_late: true, delivery_seconds: '1247400.000000', anomalies: [] },
        { order_id: 'o3', buyer_key: 'p3', status: 'canceled', is_kept: false, purchased_at: '2018-01-11T11:00:00Z', carrier_at: null, delivered_at: null, estimated: null, purchase_date_key: 20180111, purchase_month: 201801, items_count: 1, gmv: '30.00', freight: '3.00', payments_total: '33.00', payments_count: 1, is_delivered: false, is_late: false, delivery_seconds: null, anomalies: ['time-estimated'] },
        { order_id: 'o4', buyer_key: 'p1', status: 'shipped', is_kept: true, purchased_at: '2018-03-05T15:00:00Z', carrier_at: '2018-03-06T13:00:00Z', delivered_at: null, estimated: '2018-03-20', purchase_date_key: 20180305, purchase_month: 201803, items_count: 1, gmv: '80.00', freight: '8.00', payments_total: '88.00', payments_count: 1, is_delivered: false, is_late: false, delivery_seconds: null, anomalies: [] },
        { order_id: 'o5', buyer_key: 'p1', status: 'delivered', is_kept: true, purchased_at: '2017-12-20T12:00:00Z', carrier_at: '2017-12-21T12:00:00Z', delivered_at: '2017-12-28T12:00:00Z', estimated: '2017-12-27', purchase_date_key: 20171220, purchase_month: 201712, items_count: 1, gmv: '10.00', freight: '1.00', payments_total: '11.00', payments_count: 1, is_delivered: true, is_late: true, delivery_seconds: '691200.000000', anomalies: [] },
      ]);
    });

    it('dim_customer: versions by location and segment, facts on the version of their purchase time', async () => {
      expect(
        await db.rows(`
          SELECT customer_unique_id, version, ${utc('valid_from')} AS valid_from, ${utc('valid_to')} AS valid_to, is_current,
                 state, segment, recency_days
          FROM dw.dim_customer ORDER BY customer_unique_id, version`),
      ).toEqual([
        { customer_unique_id: 'p1', version: 1, valid_from: '-infinity', valid_to: '2018-02-15T02:00:00Z', is_current: false, state: 'SP', segment: null, recency_days: null },
        { customer_unique_id: 'p1', version: 2, valid_from: '2018-02-15T02:00:00Z', valid_to: '2018-04-01T06:00:00Z', is_current: false, state: 'RJ', segment: null, recency_days: null },
        { customer_unique_id: 'p1', version: 3, valid_from: '2018-04-01T06:00:00Z', valid_to: 'infinity', is_current: true, state: 'RJ', segment: 'champions', recency_days: 10 },
        { customer_unique_id: 'p2', version: 1, valid_from: '-infinity', valid_to: 'infinity', is_current: true, state: 'MG', segment: null, recency_days: null },
        { customer_unique_id: 'p3', version: 1, valid_from: '-infinity', valid_to: '2018-04-01T06:00:00Z', is_current: false, state: 'SP', segment: null, recency_days: null },
        { customer_unique_id: 'p3', version: 2, valid_from: '2018-04-01T06:00:00Z', valid_to: 'infinity', is_current: true, state: 'SP', segment: 'hibernating', recency_days: 300 },
      ]);
      expect(
        await db.rows(`SELECT f.order_id, c.customer_unique_id, c.version FROM dw.fact_orders f JOIN dw.dim_customer c USING (customer_key) ORDER BY f.order_id`),
      ).toEqual([
        { order_id: 'o1', customer_unique_id: 'p1', version: 1 },
        { order_id: 'o2', customer_unique_id: 'p2', version: 1 },
        { order_id: 'o3', customer_unique_id: 'p3', version: 1 },
        { order_id: 'o4', customer_unique_id: 'p1', version: 2 },
        { order_id: 'o5', customer_unique_id: 'p1', version: 1 },
      ]);
      expect(await db.rows(`SELECT customer_id, customer_unique_id FROM dw.customer_account ORDER BY customer_id`)).toEqual([
        { customer_id: 'a1', customer_unique_id: 'p1' },
        { customer_id: 'a2', customer_unique_id: 'p1' },
        { customer_id: 'b1', customer_unique_id: 'p2' },
        { customer_id: 'c1', customer_unique_id: 'p3' },
      ]);
    });

    it('fact_order_items, fact_payments, fact_reviews', async () => {
      expect(
        await db.rows(`SELECT order_id, line_number, product_id, seller_id, price::text, freight::text, is_kept, handed_over_late FROM dw.fact_order_items ORDER BY order_id, line_number`),
      ).toEqual([
        { order_id: 'o1', line_number: 1, product_id: 'x1', seller_id: 's1', price: '100.00', freight: '10.00', is_kept: true, handed_over_late: false },
        { order_id: 'o1', line_number: 2, product_id: 'x2', seller_id: 's1', price: '50.50', freight: '5.25', is_kept: true, handed_over_late: false },
        { order_id: 'o2', line_number: 1, product_id: 'x3', seller_id: 's2', price: '200.00', freight: '20.00', is_kept: true, handed_over_late: true },
        { order_id: 'o3', line_number: 1, product_id: 'x1', seller_id: 's1', price: '30.00', freight: '3.00', is_kept: false, handed_over_late: null },
        { order_id: 'o4', line_number: 1, product_id: 'x2', seller_id: 's1', price: '80.00', freight: '8.00', is_kept: true, handed_over_late: false },
        { order_id: 'o5', line_number: 1, product_id: 'x1', seller_id: 's1', price: '10.00', freight: '1.00', is_kept: true, handed_over_late: false },
      ]);
      expect(await db.rows(`SELECT order_id, sequential, payment_type, value::text, purchase_date_key FROM dw.fact_payments ORDER BY order_id, sequential`)).toEqual([
        { order_id: 'o1', sequential: 1, payment_type: 'credit_card', value: '120.00', purchase_date_key: 20180110 },
        { order_id: 'o1', sequential: 2, payment_type: 'voucher', value: '45.75', purchase_date_key: 20180110 },
        { order_id: 'o2', sequential: 1, payment_type: 'boleto', value: '220.00', purchase_date_key: 20180110 },
        { order_id: 'o3', sequential: 1, payment_type: 'credit_card', value: '33.00', purchase_date_key: 20180111 },
        { order_id: 'o4', sequential: 1, payment_type: 'credit_card', value: '88.00', purchase_date_key: 20180305 },
        { order_id: 'o5', sequential: 1, payment_type: 'credit_card', value: '11.00', purchase_date_key: 20171220 },
      ]);
      // One review id on two orders is two reviews.
      expect(await db.rows(`SELECT review_id, order_id, score, purchase_date_key FROM dw.fact_reviews ORDER BY review_id, order_id`)).toEqual([
        { review_id: 'r1', order_id: 'o1', score: 5, purchase_date_key: 20180110 },
        { review_id: 'r2', order_id: 'o2', score: 2, purchase_date_key: 20180110 },
        { review_id: 'r2', order_id: 'o3', score: 1, purchase_date_key: 20180111 },
        { review_id: 'r5', order_id: 'o5', score: 3, purchase_date_key: 20171220 },
      ]);
    });

    it('fact_deliveries, with lateness in local days and haversine distances', async () => {
      const rows = await db.rows<Record<string, unknown> & { distance_km: string | null }>(`
        SELECT order_id, seller_id, seller_state, customer_state, purchase_month, ${utc('created_at')} AS created_at,
               ${utc('carrier_at')} AS carrier_at, estimated_delivery_date::text AS estimated, delivery_days::text, days_late,
               is_on_time, distance_km::text
        FROM dw.fact_deliveries ORDER BY order_id`);
      const point = (zip: string) => {
        const samples = SCENARIO_GEOLOCATION.filter(([z, lat]) => z === zip && lat < 10);
        const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]! / 2 + [...values].sort((a, b) => a - b)[Math.ceil((values.length - 1) / 2)]! / 2;
        return { latitude: median(samples.map((s) => s[1])), longitude: median(samples.map((s) => s[2])) };
      };
      expect(rows.map(({ distance_km: _, ...rest }) => rest)).toEqual([
        { order_id: 'o1', seller_id: 's1', seller_state: 'SP', customer_state: 'SP', purchase_month: 201801, created_at: '2018-01-10T13:00:00Z', carrier_at: '2018-01-11T11:00:00Z', estimated: '2018-01-20', delivery_days: '5.1667', days_late: -5, is_on_time: true },
        { order_id: 'o2', seller_id: 's2', seller_state: 'RJ', customer_state: 'MG', purchase_month: 201801, created_at: '2018-01-11T10:00:00Z', carrier_at: '2018-01-13T12:00:00Z', estimated: '2018-01-22', delivery_days: '14.4375', days_late: 3, is_on_time: false },
        { order_id: 'o4', seller_id: 's1', seller_state: 'SP', customer_state: 'RJ', purchase_month: 201803, created_at: '2018-03-05T16:00:00Z', carrier_at: '2018-03-06T13:00:00Z', estimated: '2018-03-20', delivery_days: null, days_late: null, is_on_time: null },
        // Created never came: the delivered event carries the promised date.
        { order_id: 'o5', seller_id: 's1', seller_state: 'SP', customer_state: 'SP', purchase_month: 201712, created_at: null, carrier_at: '2017-12-21T12:00:00Z', estimated: '2017-12-27', delivery_days: '8.0000', days_late: 1, is_on_time: false },
      ]);
      const distances = Object.fromEntries(rows.map((r) => [r.order_id, Number(r.distance_km)]));
      expect(distances.o1).toBe(0);
      expect(distances.o5).toBe(0);
      expect(distances.o2).toBeCloseTo(haversineKm(point('20001'), point('30001')), 3);
      expect(distances.o4).toBeCloseTo(haversineKm(point('01001'), point('20001')), 3);
    });

    it('mart_executive_dashboard', async () => {
      expect(
        await db.rows(`
          SELECT purchase_date::text AS date, orders, canceled_orders, gmv::text, freight::text, payments::text, aov::text, new_customers,
                 delivered_orders, late_orders, on_time_rate::text, avg_delivery_days::text, avg_review_score::text
          FROM dw.mart_executive_dashboard ORDER BY purchase_date_key`),
      ).toEqual([
        { date: '2017-12-20', orders: 1, canceled_orders: 0, gmv: '10.00', freight: '1.00', payments: '11.00', aov: '10.00', new_customers: 1, delivered_orders: 1, late_orders: 1, on_time_rate: '0.0000', avg_delivery_days: '8.0000', avg_review_score: '3.0000' },
        // (5d4h + 14d10h30m) / 2 = 9.802083… days; reviews 5 and 2.
        { date: '2018-01-10', orders: 2, canceled_orders: 0, gmv: '350.50', freight: '35.25', payments: '385.75', aov: '175.25', new_customers: 1, delivered_orders: 2, late_orders: 1, on_time_rate: '0.5000', avg_delivery_days: '9.8021', avg_review_score: '3.5000' },
        // Canceled: no GMV, no AOV, but a new customer all the same (first order of any status).
        { date: '2018-01-11', orders: 1, canceled_orders: 1, gmv: '0.00', freight: '0.00', payments: '0.00', aov: null, new_customers: 1, delivered_orders: 0, late_orders: 0, on_time_rate: null, avg_delivery_days: null, avg_review_score: '1.0000' },
        { date: '2018-03-05', orders: 1, canceled_orders: 0, gmv: '80.00', freight: '8.00', payments: '88.00', aov: '80.00', new_customers: 0, delivered_orders: 0, late_orders: 0, on_time_rate: null, avg_delivery_days: null, avg_review_score: null },
      ]);
    });

    it('mart_seller_performance', async () => {
      expect(
        await db.rows(`
          SELECT seller_id, month_key, orders, canceled_orders, lines, revenue::text, freight::text, avg_review_score::text,
                 delivered_orders, late_orders, late_delivery_rate::text, avg_handoff_hours::text, handoff_lines, late_handoff_lines,
                 late_handoff_share::text
          FROM dw.mart_seller_performance ORDER BY seller_id, month_key`),
      ).toEqual([
        { seller_id: 's1', month_key: 201712, orders: 1, canceled_orders: 0, lines: 1, revenue: '10.00', freight: '1.00', avg_review_score: '3.0000', delivered_orders: 1, late_orders: 1, late_delivery_rate: '1.0000', avg_handoff_hours: '24.0000', handoff_lines: 1, late_handoff_lines: 0, late_handoff_share: '0.0000' },
        // o3 is canceled: an order and a line of s1, out of revenue and freight; its review (1) counts.
        // o1 was handed over 23 h after purchase; o3 never was.
        { seller_id: 's1', month_key: 201801, orders: 2, canceled_orders: 1, lines: 3, revenue: '150.50', freight: '15.25', avg_review_score: '3.0000', delivered_orders: 1, late_orders: 0, late_delivery_rate: '0.0000', avg_handoff_hours: '23.0000', handoff_lines: 2, late_handoff_lines: 0, late_handoff_share: '0.0000' },
        { seller_id: 's1', month_key: 201803, orders: 1, canceled_orders: 0, lines: 1, revenue: '80.00', freight: '8.00', avg_review_score: null, delivered_orders: 0, late_orders: 0, late_delivery_rate: null, avg_handoff_hours: '22.0000', handoff_lines: 1, late_handoff_lines: 0, late_handoff_share: '0.0000' },
        // Purchased 2018-01-11T01:30Z, handed over 2018-01-13T12:00Z (after its limit of the 12th): 58.5 h.
        { seller_id: 's2', month_key: 201801, orders: 1, canceled_orders: 0, lines: 1, revenue: '200.00', freight: '20.00', avg_review_score: '2.0000', delivered_orders: 1, late_orders: 1, late_delivery_rate: '1.0000', avg_handoff_hours: '58.5000', handoff_lines: 1, late_handoff_lines: 1, late_handoff_share: '1.0000' },
      ]);
    });

    it('mart_customer_segments', async () => {
      expect(
        await db.rows(`SELECT segment, customers, orders, revenue::text, avg_orders::text, avg_recency_days::text FROM dw.mart_customer_segments ORDER BY segment`),
      ).toEqual([
        { segment: 'champions', customers: 1, orders: 3, revenue: '240.50', avg_orders: '3.0000', avg_recency_days: '10.0000' },
        { segment: 'hibernating', customers: 1, orders: 0, revenue: '0.00', avg_orders: '0.0000', avg_recency_days: '300.0000' },
        { segment: 'unsegmented', customers: 1, orders: 1, revenue: '200.00', avg_orders: '1.0000', avg_recency_days: null },
      ]);
    });

    it('mart_delivery_performance', async () => {
      const distance = (await db.rows<{ d: string }>(`SELECT distance_km::text AS d FROM dw.fact_deliveries WHERE order_id = 'o2'`))[0]!.d;
      expect(
        await db.rows(`
          SELECT seller_state, customer_state, month_key, deliveries, avg_delivery_days::text, late_deliveries, late_rate::text,
                 distance_deliveries, avg_distance_km::text
          FROM dw.mart_delivery_performance ORDER BY month_key, seller_state, customer_state`),
      ).toEqual([
        { seller_state: 'SP', customer_state: 'SP', month_key: 201712, deliveries: 1, avg_delivery_days: '8.0000', late_deliveries: 1, late_rate: '1.0000', distance_deliveries: 1, avg_distance_km: '0.0000' },
        { seller_state: 'RJ', customer_state: 'MG', month_key: 201801, deliveries: 1, avg_delivery_days: '14.4375', late_deliveries: 1, late_rate: '1.0000', distance_deliveries: 1, avg_distance_km: Number(distance).toFixed(4) },
        { seller_state: 'SP', customer_state: 'SP', month_key: 201801, deliveries: 1, avg_delivery_days: '5.1667', late_deliveries: 0, late_rate: '0.0000', distance_deliveries: 1, avg_distance_km: '0.0000' },
      ]);
    });

    it('dim_product and dim_seller', async () => {
      expect(await db.rows(`SELECT product_id, category_name_en, translation_missing, is_inferred FROM dw.dim_product ORDER BY product_id`)).toEqual([
        { product_id: 'x1', category_name_en: 'bed_bath_table', translation_missing: false, is_inferred: false },
        { product_id: 'x2', category_name_en: 'perfumery', translation_missing: false, is_inferred: false },
        { product_id: 'x3', category_name_en: null, translation_missing: false, is_inferred: true },
      ]);
    });

    it('every key is unique and not null', async () => {
      expect(await findKeyViolations(db.pool, 'dw')).toEqual([]);
    });

    it('records freshness per topic and the latency of each batch', async () => {
      const freshness = await db.rows<{ topic: string; newest: string; events_applied: string }>(
        `SELECT topic, ${utc('newest_event_time')} AS newest, events_applied::text FROM dw_meta.freshness ORDER BY topic`,
      );
      expect(freshness.map((f) => f.topic)).toEqual([
        'customer.customer.v1',
        'customer.review.v1',
        'fulfillment.shipment.v1',
        'marketplace.product.v1',
        'marketplace.seller.v1',
        'sales.order.v1',
        'sales.payment.v1',
      ]);
      expect(freshness.find((f) => f.topic === 'customer.customer.v1')!.newest).toBe('2018-04-01T06:00:00Z');
      expect(freshness.find((f) => f.topic === 'sales.payment.v1')!.events_applied).toBe('7');
      const log = await db.rows<{ events: number; min: string }>(`SELECT events, min_latency_seconds::text AS min FROM dw_meta.batch_log ORDER BY batch_id`);
      expect(log.map((b) => b.events)).toEqual(batches.map((b) => b.length));
      // Events of 2017-2018 applied today: years of latency.
      expect(Number(log[0]!.min)).toBeGreaterThan(5 * 365 * 86_400);
    });
  });

  describe('arrival order, batching and duplicates do not matter', () => {
    const everything = () => batches.flat();
    const seeded = (seed: number) => () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const shuffled = (events: EventEnvelope[], random: () => number) => {
      const copy = [...events];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    };
    const inBatches = (events: EventEnvelope[], random: () => number) => {
      const result: EventEnvelope[][] = [];
      for (let i = 0; i < events.length; ) {
        const size = 1 + Math.floor(random() * 6);
        result.push(events.slice(i, i + size));
        i += size;
      }
      return result;
    };

    const orderings: [string, () => EventEnvelope[][]][] = [
      ['all in one batch', () => [everything()]],
      ['one event at a time, newest first', () => everything().reverse().map((e) => [e])],
      ['shuffled in batches of 1 to 6 (seed 7)', () => { const r = seeded(7); return inBatches(shuffled(everything(), r), r); }],
      ['shuffled in batches of 1 to 6 (seed 2024)', () => { const r = seeded(2024); return inBatches(shuffled(everything(), r), r); }],
      ['every batch applied twice', () => batches.flatMap((b) => [b, b])],
    ];

    it.each(orderings)('%s', async (name, ordering) => {
      const schema = `dw_${name.replace(/[^a-z0-9]+/g, '_').slice(0, 40)}`;
      await migrateWarehouse(db.pool, schema);
      await loadGeolocation(
        db.pool,
        SCENARIO_GEOLOCATION.map(([zip_prefix, latitude, longitude, city, state]) => ({ zip_prefix, latitude, longitude, city, state })),
        { schema },
      );
      await db.apply(ordering(), { schema });
      expect(await compareWarehouses(db.pool, 'dw', schema)).toEqual({});
      expect(await findKeyViolations(db.pool, schema)).toEqual([]);
      await db.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
    });
  });
});
