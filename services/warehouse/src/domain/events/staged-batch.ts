import {
  type CustomerAccountAddedV1,
  type CustomerRegisteredV1,
  type CustomerRelocatedV1,
  type CustomerSegmentChangedV1,
  type EventEnvelope,
  type OrderPlacedV1,
  type PaymentRecordedV1,
  type ProductStateV1,
  type ReviewSubmittedV1,
  type SellerShippingLimitV1,
  type SellerStateV1,
  type ShipmentCreatedV1,
  type ShipmentDeliveredV1,
  type ShipmentDispatchedV1,
} from '@mercado/contracts';
import { ORDER_STATUS_OF_EVENT, type OrderStatus } from '../order/order-status';

/*
 * The rows a batch of integration events stages into the warehouse, one array per event family.
 * Every row carries what the SQL needs to merge it commutatively with what is already staged
 * (the event id and time for "latest wins", the fact time for "earliest wins"), so that the staged
 * state, and everything derived from it, does not depend on the order the events arrived in.
 * Money stays in integer cents here; the SQL turns it into numeric.
 */

interface EventStamp {
  event_id: string;
  event_time: string;
}

export interface StagedOrderPlaced extends EventStamp {
  order_id: string;
  customer_id: string;
  purchased_at: string;
  imported: boolean;
  anomalies: string[];
  lines: OrderPlacedV1['lines'];
}

export interface StagedOrderStatus {
  order_id: string;
  status: OrderStatus;
  occurred_at: string;
  anomalies: string[];
}

export interface StagedPayment extends EventStamp {
  order_id: string;
  sequential: number;
  payment_type: string;
  installments: number;
  value_cents: number;
  anomalies: string[];
}

export type CustomerChangeKind = 'registered' | 'account-added' | 'relocated' | 'segment-changed';

/** One customer event that may change the person's attributes (the history dim_customer derives from). */
export interface StagedCustomerChange extends EventStamp {
  customer_unique_id: string;
  kind: CustomerChangeKind;
  /** The first account of a registration: it names the person's first dim_customer version. */
  first_account: string | null;
  zip_prefix: string | null;
  city: string | null;
  state: string | null;
  segment: string | null;
  recency_score: number | null;
  frequency_score: number | null;
  monetary_score: number | null;
  recency_days: number | null;
  frequency: number | null;
  monetary_cents: number | null;
  segment_as_of: string | null;
}

/** A per-order account (Olist customer_id) and the person behind it. */
export interface StagedCustomerAccount extends EventStamp {
  customer_id: string;
  customer_unique_id: string;
  zip_prefix: string;
  city: string;
  state: string;
}

export interface StagedReview extends EventStamp {
  review_id: string;
  order_id: string;
  score: number;
  title: string | null;
  message: string | null;
  created_at: string;
  answered_at: string | null;
}

/** One shipment event; the columns its kind does not carry are null. */
export interface StagedShipment {
  order_id: string;
  customer_id: string | null;
  created_at: string | null;
  promised_date: string | null;
  seller_limits: SellerShippingLimitV1[] | null;
  dispatched_at: string | null;
  delivered_at: string | null;
  delivered_promised_date: string | null;
  anomalies: string[];
}

export interface StagedProduct extends EventStamp, Omit<ProductStateV1, 'anomalies'> {
  anomalies: string[];
}

export interface StagedSeller extends EventStamp, Omit<SellerStateV1, 'anomalies'> {
  anomalies: string[];
}

export interface StagedBatch {
  orders: StagedOrderPlaced[];
  orderStatuses: StagedOrderStatus[];
  payments: StagedPayment[];
  customerChanges: StagedCustomerChange[];
  customerAccounts: StagedCustomerAccount[];
  reviews: StagedReview[];
  shipments: StagedShipment[];
  products: StagedProduct[];
  sellers: StagedSeller[];
  /** Events the warehouse does not use (another type or a version it does not know), by type@version. */
  ignored: Record<string, number>;
}

export function emptyStagedBatch(): StagedBatch {
  return {
    orders: [],
    orderStatuses: [],
    payments: [],
    customerChanges: [],
    customerAccounts: [],
    reviews: [],
    shipments: [],
    products: [],
    sellers: [],
    ignored: {},
  };
}

export function stagedRowCount(batch: StagedBatch): number {
  return (
    batch.orders.length +
    batch.orderStatuses.length +
    batch.payments.length +
    batch.customerChanges.length +
    batch.customerAccounts.length +
    batch.reviews.length +
    batch.shipments.length +
    batch.products.length +
    batch.sellers.length
  );
}

const STATUS_TIME_FIELD: Record<string, string> = {
  'sales.order.approved': 'approved_at',
  'sales.order.invoiced': 'invoiced_at',
  'sales.order.processing-started': 'started_at',
  'sales.order.shipped': 'shipped_at',
  'sales.order.delivered': 'delivered_at',
  'sales.order.canceled': 'canceled_at',
  'sales.order.unavailable': 'unavailable_at',
};

const noLocation = { zip_prefix: null, city: null, state: null };
const noSegment = {
  segment: null,
  recency_score: null,
  frequency_score: null,
  monetary_score: null,
  recency_days: null,
  frequency: null,
  monetary_cents: null,
  segment_as_of: null,
};

const noShipment = {
  customer_id: null,
  created_at: null,
  promised_date: null,
  seller_limits: null,
  dispatched_at: null,
  delivered_at: null,
  delivered_promised_date: null,
};

/**
 * Sorts a batch of envelopes (already checked against the contract catalog) into staged rows. Pure:
 * it neither reads nor writes anything, and keeps every event (duplicates included) for the SQL to
 * merge.
 */
export function stageEvents(envelopes: readonly EventEnvelope[]): StagedBatch {
  const batch = emptyStagedBatch();
  for (const envelope of envelopes) {
    const stamp: EventStamp = { event_id: envelope.id, event_time: envelope.time };
    if (envelope.dataversion !== 1) {
      ignore(batch, envelope);
      continue;
    }
    const type = envelope.type;
    if (type === 'sales.order.placed') {
      const data = envelope.data as OrderPlacedV1;
      batch.orders.push({
        ...stamp,
        order_id: data.order_id,
        customer_id: data.customer_id,
        purchased_at: data.purchased_at,
        imported: data.imported,
        anomalies: data.anomalies ?? [],
        lines: data.lines,
      });
    } else if (type in STATUS_TIME_FIELD) {
      const data = envelope.data as Record<string, unknown> & { order_id: string; anomalies?: string[] };
      batch.orderStatuses.push({
        order_id: data.order_id,
        status: ORDER_STATUS_OF_EVENT[type]!,
        occurred_at: data[STATUS_TIME_FIELD[type]!] as string,
        anomalies: data.anomalies ?? [],
      });
    } else if (type === 'sales.payment.recorded') {
      const data = envelope.data as PaymentRecordedV1;
      batch.payments.push({
        ...stamp,
        order_id: data.order_id,
        sequential: data.sequential,
        payment_type: data.type,
        installments: data.installments,
        value_cents: data.value_cents,
        anomalies: data.anomalies ?? [],
      });
    } else if (type === 'customer.customer.registered') {
      const data = envelope.data as CustomerRegisteredV1;
      batch.customerChanges.push({
        ...stamp,
        customer_unique_id: data.customer_unique_id,
        kind: 'registered',
        first_account: data.accounts[0] ?? null,
        ...data.location,
        ...noSegment,
      });
      for (const account of data.accounts) {
        batch.customerAccounts.push({ ...stamp, customer_id: account, customer_unique_id: data.customer_unique_id, ...data.location });
      }
    } else if (type === 'customer.account.added') {
      const data = envelope.data as CustomerAccountAddedV1;
      // The account's address is the address of that order; the person's address changes only with
      // customer.customer.relocated, so this change carries no location.
      batch.customerChanges.push({
        ...stamp,
        customer_unique_id: data.customer_unique_id,
        kind: 'account-added',
        first_account: null,
        ...noLocation,
        ...noSegment,
      });
      batch.customerAccounts.push({ ...stamp, customer_id: data.customer_id, customer_unique_id: data.customer_unique_id, ...data.location });
    } else if (type === 'customer.customer.relocated') {
      const data = envelope.data as CustomerRelocatedV1;
      batch.customerChanges.push({
        ...stamp,
        customer_unique_id: data.customer_unique_id,
        kind: 'relocated',
        first_account: null,
        ...data.location,
        ...noSegment,
      });
    } else if (type === 'customer.segment.changed') {
      const data = envelope.data as CustomerSegmentChangedV1;
      batch.customerChanges.push({
        ...stamp,
        customer_unique_id: data.customer_unique_id,
        kind: 'segment-changed',
        first_account: null,
        ...noLocation,
        segment: data.segment,
        recency_score: data.recency_score,
        frequency_score: data.frequency_score,
        monetary_score: data.monetary_score,
        recency_days: data.recency_days,
        frequency: data.frequency,
        monetary_cents: data.monetary_cents,
        segment_as_of: data.as_of,
      });
    } else if (type === 'customer.review.submitted') {
      const data = envelope.data as ReviewSubmittedV1;
      batch.reviews.push({
        ...stamp,
        review_id: data.review_id,
        order_id: data.order_id,
        score: data.score,
        title: data.title ?? null,
        message: data.message ?? null,
        created_at: data.created_at,
        answered_at: data.answered_at ?? null,
      });
    } else if (type === 'fulfillment.shipment.created') {
      const data = envelope.data as ShipmentCreatedV1;
      batch.shipments.push({
        ...noShipment,
        order_id: data.order_id,
        customer_id: data.customer_id ?? null,
        created_at: envelope.time,
        promised_date: data.estimated_delivery_date,
        seller_limits: sellerLimits(data.seller_shipping_limits),
        anomalies: [],
      });
    } else if (type === 'fulfillment.shipment.seller-limits-recorded') {
      const data = envelope.data as SellerLimitsRecorded;
      batch.shipments.push({
        ...noShipment,
        order_id: data.order_id,
        customer_id: data.customer_id ?? null,
        seller_limits: sellerLimits(data.seller_shipping_limits),
        anomalies: [],
      });
    } else if (type === 'fulfillment.shipment.dispatched') {
      const data = envelope.data as ShipmentDispatchedV1;
      batch.shipments.push({ ...noShipment, order_id: data.order_id, dispatched_at: data.dispatched_at, anomalies: data.anomalies ?? [] });
    } else if (type === 'fulfillment.shipment.delivered') {
      const data = envelope.data as ShipmentDeliveredV1;
      batch.shipments.push({
        ...noShipment,
        order_id: data.order_id,
        delivered_at: data.delivered_at,
        delivered_promised_date: data.estimated_delivery_date,
        anomalies: data.anomalies ?? [],
      });
    } else if (type === 'marketplace.product.listed' || type === 'marketplace.product.updated') {
      const data = envelope.data as ProductStateV1;
      batch.products.push({ ...stamp, ...data, anomalies: data.anomalies ?? [] });
    } else if (type === 'marketplace.seller.onboarded' || type === 'marketplace.seller.relocated') {
      const data = envelope.data as SellerStateV1;
      batch.sellers.push({ ...stamp, ...data, anomalies: data.anomalies ?? [] });
    } else {
      ignore(batch, envelope);
    }
  }
  return batch;
}

/** fulfillment.shipment.seller-limits-recorded v1: the limits of a shipment opened before its order's lines were known. */
interface SellerLimitsRecorded {
  order_id: string;
  customer_id?: string | null;
  seller_shipping_limits: SellerShippingLimitV1[];
}

/** No limits is unknown limits (a shipment opened before the order's lines reached fulfillment). */
function sellerLimits(limits: readonly SellerShippingLimitV1[]): SellerShippingLimitV1[] | null {
  return limits.length > 0 ? [...limits] : null;
}

function ignore(batch: StagedBatch, envelope: EventEnvelope): void {
  const key = `${envelope.type}@${envelope.dataversion}`;
  batch.ignored[key] = (batch.ignored[key] ?? 0) + 1;
}
