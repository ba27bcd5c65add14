import { deliveryLateness, type EventEnvelope } from '@mercado/contracts';

/*
 * An Olist-scale synthetic event history, generated in memory and deterministically (a seeded PRNG):
 * ~99k orders with their status path, ~113k lines, ~104k payments, a shipment with three events per
 * shipped order, ~99k reviews, the customers behind the orders (registration, extra accounts, an RFM
 * segment each), 33k products and 3k sellers. Each topic-partition is a lazy iterator, so the history
 * is never held in memory as envelopes; only the compact order model is.
 */

export interface HistoryScale {
  orders: number;
  products: number;
  sellers: number;
}

export const OLIST_SCALE: HistoryScale = { orders: 99_441, products: 32_951, sellers: 3_095 };

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATES = ['SP', 'SP', 'SP', 'SP', 'RJ', 'RJ', 'MG', 'MG', 'RS', 'PR', 'SC', 'BA', 'DF', 'GO', 'ES', 'PE', 'CE', 'PA', 'MT', 'MA'];
const CATEGORIES: [string, string | null][] = [
  ['cama_mesa_banho', 'bed_bath_table'],
  ['beleza_saude', 'health_beauty'],
  ['esporte_lazer', 'sports_leisure'],
  ['moveis_decoracao', 'furniture_decor'],
  ['informatica_acessorios', 'computers_accessories'],
  ['utilidades_domesticas', 'housewares'],
  ['relogios_presentes', 'watches_gifts'],
  ['telefonia', 'telephony'],
  ['pc_gamer', null],
];

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const id = (kind: number, n: number) => `${hex(kind, 2)}${hex(n, 30)}`;
const zipOf = (n: number) => String(1000 + ((n * 7919) % 98000)).padStart(5, '0');
/** A zip prefix's state, fixed by the prefix (as CEP ranges are). */
const stateOfZip = (zip: string) => STATES[Number(zip) % STATES.length]!;
/** An ISO time with São Paulo's standard offset (-03:00); the instant is what matters. */
const at = (ms: number) => new Date(ms - 3 * 3_600_000).toISOString().replace('.000Z', '-03:00');
const dateOf = (ms: number) => new Date(ms - 3 * 3_600_000).toISOString().slice(0, 10);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Line {
  product: number;
  seller: number;
  priceCents: number;
  freightCents: number;
}

interface OrderModel {
  n: number;
  account: number;
  person: number;
  purchasedAt: number;
  lines: Line[];
  payments: number[];
  /** delivered, shipped, canceled, unavailable, invoiced, processing */
  outcome: string;
  promisedDays: number;
  deliveryDays: number;
  review: number | null;
}

export interface History {
  scale: HistoryScale;
  persons: number;
  orders: OrderModel[];
  /** The logical topics with their partition count. */
  partitions: Record<string, number>;
  /** The events of one topic-partition, in partition order. */
  partition(topic: string, partition: number): Generator<EventEnvelope>;
  geolocation(): Generator<{ zip_prefix: string; latitude: number; longitude: number; city: string; state: string }>;
}

export function olistHistory(scale: HistoryScale = OLIST_SCALE, seed = 42): History {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const start = Date.parse('2016-09-04T12:00:00Z');
  const span = Date.parse('2018-10-01T00:00:00Z') - start;

  // About 3% of persons buy twice or more, each time under a new account (as in Olist).
  const orders: OrderModel[] = [];
  let persons = 0;
  const personOfAccount: number[] = [];
  for (let n = 0; n < scale.orders; n++) {
    const repeat = persons > 0 && random() < 0.03;
    const person = repeat ? Math.floor(random() * persons) : persons++;
    personOfAccount.push(person);
    const lineCount = random() < 0.9 ? 1 : random() < 0.8 ? 2 : 3 + Math.floor(random() * 3);
    const seller = Math.floor(random() ** 2 * scale.sellers);
    const lines = Array.from({ length: lineCount }, () => ({
      product: Math.floor(random() ** 1.5 * scale.products),
      seller: random() < 0.95 ? seller : Math.floor(random() * scale.sellers),
      priceCents: 500 + Math.floor(random() * 30_000),
      freightCents: 700 + Math.floor(random() * 4_000),
    }));
    const roll = random();
    const outcome = roll < 0.97 ? 'delivered' : roll < 0.981 ? 'shipped' : roll < 0.987 ? 'canceled' : roll < 0.993 ? 'unavailable' : roll < 0.996 ? 'invoiced' : 'processing';
    const total = lines.reduce((sum, l) => sum + l.priceCents + l.freightCents, 0);
    const payments = random() < 0.04 ? [Math.floor(total * 0.7), total - Math.floor(total * 0.7)] : [total];
    orders.push({
      n,
      account: n,
      person,
      purchasedAt: start + Math.floor(random() * span / 1000) * 1000,
      lines,
      payments,
      outcome,
      promisedDays: 15 + Math.floor(random() * 20),
      deliveryDays: 2 + Math.floor(random() * 25),
      review: random() < 0.995 ? 1 + Math.floor(random() * 5) : null,
    });
  }
  orders.sort((a, b) => a.purchasedAt - b.purchasedAt);
  const firstPurchase = new Map<number, OrderModel>();
  const accountsOf = new Map<number, OrderModel[]>();
  for (const order of orders) {
    if (!firstPurchase.has(order.person)) firstPurchase.set(order.person, order);
    accountsOf.set(order.person, [...(accountsOf.get(order.person) ?? []), order]);
  }

  let eventNumber = 0;
  const envelope = (type: string, subject: string, time: string, data: unknown): EventEnvelope => ({
    id: `01900000-0000-7000-8000-${hex(++eventNumber, 12)}`,
    type,
    source: '/mercado/bench',
    subject,
    time,
    specversion: '1.0',
    datacontenttype: 'application/json',
    dataschema: `urn:mercado:${type}:1`,
    dataversion: 1,
    data,
  });
  const partitionOf = (key: string, partitions: number) => {
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
    return Math.abs(h) % partitions;
  };
  const location = (zipSeed: number) => {
    const zip = zipOf(zipSeed);
    return { zip_prefix: zip, city: `cidade ${zip}`, state: stateOfZip(zip) };
  };

  function* orderEvents(order: OrderModel): Generator<EventEnvelope> {
    const orderId = id(1, order.n);
    const t = order.purchasedAt;
    yield envelope('sales.order.placed', orderId, at(t), {
      order_id: orderId,
      customer_id: id(2, order.account),
      purchased_at: at(t),
      lines: order.lines.map((l, i) => ({
        line_number: i + 1,
        product_id: id(3, l.product),
        seller_id: id(4, l.seller),
        shipping_limit_at: at(t + 3 * DAY),
        price_cents: l.priceCents,
        freight_cents: l.freightCents,
      })),
      imported: true,
    });
    const steps: [string, string, number][] = [
      ['sales.order.approved', 'approved_at', t + HOUR],
      ['sales.order.invoiced', 'invoiced_at', t + 2 * HOUR],
      ['sales.order.processing-started', 'started_at', t + 3 * HOUR],
      ['sales.order.shipped', 'shipped_at', t + 2 * DAY],
      ['sales.order.delivered', 'delivered_at', t + order.deliveryDays * DAY],
    ];
    const reach = { processing: 3, invoiced: 2, canceled: 1, unavailable: 3, shipped: 4, delivered: 5 }[order.outcome]!;
    for (const [type, field, time] of steps.slice(0, reach)) yield envelope(type, orderId, at(time), { order_id: orderId, [field]: at(time) });
    if (order.outcome === 'canceled' || order.outcome === 'unavailable') {
      const field = order.outcome === 'canceled' ? 'canceled_at' : 'unavailable_at';
      yield envelope(`sales.order.${order.outcome}`, orderId, at(t + 4 * HOUR), { order_id: orderId, [field]: at(t + 4 * HOUR), anomalies: ['time-estimated'] });
    }
  }

  function* paymentEvents(order: OrderModel): Generator<EventEnvelope> {
    const orderId = id(1, order.n);
    for (const [i, value] of order.payments.entries()) {
      yield envelope('sales.payment.recorded', orderId, at(order.purchasedAt), {
        order_id: orderId,
        sequential: i + 1,
        type: i === 0 ? 'credit_card' : 'voucher',
        installments: 1,
        value_cents: value,
      });
    }
  }

  function* shipmentEvents(order: OrderModel): Generator<EventEnvelope> {
    if (order.outcome !== 'delivered' && order.outcome !== 'shipped') return;
    const orderId = id(1, order.n);
    const t = order.purchasedAt;
    const promised = dateOf(t + order.promisedDays * DAY);
    const sellers = [...new Set(order.lines.map((l) => l.seller))];
    yield envelope('fulfillment.shipment.created', orderId, at(t + HOUR), {
      order_id: orderId,
      customer_id: id(2, order.account),
      estimated_delivery_date: promised,
      seller_shipping_limits: sellers.map((s) => ({ seller_id: id(4, s), shipping_limit_at: at(t + 3 * DAY) })),
    });
    yield envelope('fulfillment.shipment.dispatched', orderId, at(t + 2 * DAY), { order_id: orderId, dispatched_at: at(t + 2 * DAY) });
    if (order.outcome === 'delivered') {
      const deliveredAt = at(t + order.deliveryDays * DAY);
      yield envelope('fulfillment.shipment.delivered', orderId, deliveredAt, {
        order_id: orderId,
        delivered_at: deliveredAt,
        estimated_delivery_date: promised,
        ...deliveryLateness(deliveredAt, promised),
      });
    }
  }

  function* reviewEvents(order: OrderModel): Generator<EventEnvelope> {
    if (order.review === null) return;
    const orderId = id(1, order.n);
    const created = at(order.purchasedAt + (order.deliveryDays + 1) * DAY);
    yield envelope('customer.review.submitted', orderId, created, {
      review_id: id(5, order.n),
      order_id: orderId,
      score: order.review,
      ...(order.review <= 2 ? { message: 'Produto não chegou no prazo' } : {}),
      created_at: created,
      answered_at: created,
    });
  }

  const segments = ['champions', 'loyal', 'potential-loyalist', 'new', 'at-risk', 'hibernating', 'lost'];
  function* customerEvents(person: number): Generator<EventEnvelope> {
    const personId = id(6, person);
    const [first, ...later] = accountsOf.get(person)!;
    yield envelope('customer.customer.registered', personId, at(first!.purchasedAt - 60_000), {
      customer_unique_id: personId,
      accounts: [id(2, first!.account)],
      location: location(person),
    });
    for (const order of later) {
      yield envelope('customer.account.added', personId, at(order.purchasedAt - 60_000), {
        customer_unique_id: personId,
        customer_id: id(2, order.account),
        location: location(person),
      });
    }
    const segment = segments[person % segments.length]!;
    yield envelope('customer.segment.changed', personId, '2018-10-01T03:00:00-03:00', {
      customer_unique_id: personId,
      segment,
      previous_segment: null,
      recency_score: 1 + (person % 5),
      frequency_score: 1 + (later.length > 0 ? 4 : 0),
      monetary_score: 1 + ((person >> 3) % 5),
      recency_days: Math.floor((Date.parse('2018-10-01T00:00:00Z') - (later.at(-1) ?? first!).purchasedAt) / DAY),
      frequency: 1 + later.length,
      monetary_cents: 10_000,
      as_of: '2018-10-01',
    });
  }

  function* productEvents(product: number): Generator<EventEnvelope> {
    const [category, english] = CATEGORIES[product % CATEGORIES.length]!;
    yield envelope('marketplace.product.listed', id(3, product), '2016-09-01T00:00:00-03:00', {
      product_id: id(3, product),
      category_name: category,
      category_name_en: english,
      translation_missing: english === null,
      name_length: 40,
      description_length: 500,
      photos_qty: 2,
      weight_g: 800,
      length_cm: 20,
      height_cm: 10,
      width_cm: 15,
    });
  }

  function* sellerEvents(seller: number): Generator<EventEnvelope> {
    const place = location(seller * 13 + 5);
    yield envelope('marketplace.seller.onboarded', id(4, seller), '2016-08-01T00:00:00-03:00', {
      seller_id: id(4, seller),
      zip_prefix: place.zip_prefix,
      city: place.city,
      normalized_city: place.city,
      state: place.state,
    });
  }

  const partitions: Record<string, number> = {
    'marketplace.seller.v1': 3,
    'marketplace.product.v1': 3,
    'customer.customer.v1': 3,
    'sales.order.v1': 6,
    'sales.payment.v1': 6,
    'fulfillment.shipment.v1': 6,
    'customer.review.v1': 3,
  };

  function* partition(topic: string, p: number): Generator<EventEnvelope> {
    const count = partitions[topic]!;
    const mine = (key: string) => partitionOf(key, count) === p;
    switch (topic) {
      case 'marketplace.seller.v1':
        for (let s = 0; s < scale.sellers; s++) if (mine(id(4, s))) yield* sellerEvents(s);
        return;
      case 'marketplace.product.v1':
        for (let x = 0; x < scale.products; x++) if (mine(id(3, x))) yield* productEvents(x);
        return;
      case 'customer.customer.v1':
        for (let person = 0; person < persons; person++) if (mine(id(6, person))) yield* customerEvents(person);
        return;
      default: {
        const events = { 'sales.order.v1': orderEvents, 'sales.payment.v1': paymentEvents, 'fulfillment.shipment.v1': shipmentEvents, 'customer.review.v1': reviewEvents }[topic]!;
        for (const order of orders) if (mine(id(1, order.n))) yield* events(order);
      }
    }
  }

  function* geolocation() {
    const zips = new Set<number>();
    for (let person = 0; person < persons; person++) zips.add(person);
    for (let s = 0; s < scale.sellers; s++) zips.add(s * 13 + 5);
    const seen = new Set<string>();
    for (const n of zips) {
      const zip = zipOf(n);
      if (seen.has(zip)) continue;
      seen.add(zip);
      const base = { latitude: -30 + (Number(zip) % 2500) / 100, longitude: -55 + (Number(zip) % 1700) / 100 };
      for (let sample = 0; sample < 3; sample++) {
        yield { zip_prefix: zip, latitude: base.latitude + pick([-0.01, 0, 0.01]), longitude: base.longitude + pick([-0.01, 0, 0.01]), city: `cidade ${zip}`, state: stateOfZip(zip) };
      }
    }
  }

  return { scale, persons, orders, partitions, partition, geolocation };
}
