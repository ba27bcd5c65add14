import { Money } from '../money/money.value-object';
import { type ParsedHistoricalOrder } from './historical-order.record';
import { type OrderAnomaly } from './order-anomaly';
import { type OrderStatus } from './order-status';

/** One step of an order's status history. `derived`: the time is not the one Olist recorded. */
export interface StatusChange {
  status: OrderStatus;
  at: Date;
  derived: boolean;
}

export interface ReconstructedLifecycle {
  history: StatusChange[];
  anomalies: OrderAnomaly[];
}

const LIVE_PATH: readonly OrderStatus[] = [
  'created',
  'approved',
  'invoiced',
  'processing',
  'shipped',
  'delivered',
];

/**
 * Rebuilds the status path a live order would have taken to reach a recorded final status, with a
 * time for each step, and judges the record's oddities. Rules (docs/domain/sales.md):
 * - the path to a live status is every live status up to it; canceled and unavailable exits leave
 *   from the furthest status the recorded milestones show, capped at processing (the last status
 *   they may leave from);
 * - a step takes its recorded time when there is one, moved forward to the previous step's time if
 *   it is earlier (times never run backwards); a missing time is the previous step's time;
 * - invoiced and processing have no Olist column, and canceled/unavailable no time: they are derived
 *   (the previous step's time; for an exit, the latest recorded time of the order).
 */
export function reconstructLifecycle(order: ParsedHistoricalOrder): ReconstructedLifecycle {
  const anomalies = new Set<OrderAnomaly>();
  const { purchasedAt, approvedAt, deliveredCarrierAt: carrierAt, deliveredCustomerAt: deliveredAt } = order;

  const before = (later: Date | null, earlier: Date | null, anomaly: OrderAnomaly): void => {
    if (later && earlier && later.getTime() < earlier.getTime()) anomalies.add(anomaly);
  };
  before(approvedAt, purchasedAt, 'APPROVED_BEFORE_PURCHASE');
  before(carrierAt, purchasedAt, 'CARRIER_BEFORE_PURCHASE');
  before(carrierAt, approvedAt, 'CARRIER_BEFORE_APPROVAL');
  before(deliveredAt, purchasedAt, 'DELIVERED_BEFORE_PURCHASE');
  before(deliveredAt, approvedAt, 'DELIVERED_BEFORE_APPROVAL');
  before(deliveredAt, carrierAt, 'DELIVERED_BEFORE_CARRIER');

  const path = pathTo(order, anomalies);
  const recorded: Partial<Record<OrderStatus, Date | null>> = {
    created: purchasedAt,
    approved: approvedAt,
    shipped: carrierAt,
    delivered: deliveredAt,
  };
  const missing: Partial<Record<OrderStatus, OrderAnomaly>> = {
    approved: 'APPROVAL_TIME_MISSING',
    shipped: 'CARRIER_TIME_MISSING',
    delivered: 'DELIVERY_TIME_MISSING',
  };
  const latestRecorded = new Date(
    Math.max(
      ...[purchasedAt, approvedAt, carrierAt, deliveredAt]
        .filter((d): d is Date => d !== null)
        .map((d) => d.getTime()),
    ),
  );

  const history: StatusChange[] = [];
  let previous = purchasedAt;
  for (const status of path) {
    let at: Date;
    let derived: boolean;
    if (status === 'canceled' || status === 'unavailable') {
      at = latestRecorded;
      derived = true;
    } else if (status === 'created') {
      at = purchasedAt;
      derived = false;
    } else {
      const time = recorded[status] ?? null;
      if (time === null) {
        const anomaly = missing[status];
        if (anomaly) anomalies.add(anomaly);
        at = previous;
        derived = true;
      } else if (time.getTime() < previous.getTime()) {
        at = previous;
        derived = true;
      } else {
        at = time;
        derived = false;
      }
    }
    history.push({ status, at, derived });
    previous = at;
  }

  judgeLinesAndPayments(order, anomalies);
  return { history, anomalies: [...anomalies] };
}

function pathTo(order: ParsedHistoricalOrder, anomalies: Set<OrderAnomaly>): OrderStatus[] {
  const { status, approvedAt, deliveredCarrierAt: carrierAt, deliveredCustomerAt: deliveredAt } = order;
  if (status === 'canceled' || status === 'unavailable') {
    const wentPastProcessing = carrierAt !== null || deliveredAt !== null;
    if (status === 'canceled') {
      if (carrierAt) anomalies.add('CANCELED_AFTER_SHIPPING');
      if (deliveredAt) anomalies.add('CANCELED_AFTER_DELIVERY');
    } else if (wentPastProcessing) {
      anomalies.add('UNAVAILABLE_AFTER_SHIPPING');
    }
    // Unavailable orders were approved by definition; canceled ones only when the record says so.
    const reached: OrderStatus = wentPastProcessing
      ? 'processing'
      : status === 'unavailable' || approvedAt
        ? 'approved'
        : 'created';
    return [...LIVE_PATH.slice(0, LIVE_PATH.indexOf(reached) + 1), status];
  }
  const index = LIVE_PATH.indexOf(status);
  const beyond =
    (index < LIVE_PATH.indexOf('approved') && approvedAt !== null) ||
    (index < LIVE_PATH.indexOf('shipped') && carrierAt !== null) ||
    (index < LIVE_PATH.indexOf('delivered') && deliveredAt !== null);
  if (beyond) anomalies.add('MILESTONE_BEYOND_STATUS');
  return LIVE_PATH.slice(0, index + 1);
}

function judgeLinesAndPayments(order: ParsedHistoricalOrder, anomalies: Set<OrderAnomaly>): void {
  if (order.lines.length === 0) anomalies.add('NO_LINES');
  else if (!isOneToN(order.lines.map((line) => line.lineNumber))) anomalies.add('LINE_NUMBER_GAP');
  if (order.payments.length === 0) anomalies.add('NO_PAYMENTS');
  else if (!isOneToN(order.payments.map((payment) => payment.sequential)))
    anomalies.add('PAYMENT_SEQUENCE_GAP');
  if (order.lines.length > 0 && order.payments.length > 0) {
    const ordered = Money.sum(order.lines.map((line) => line.total));
    const paid = Money.sum(order.payments.map((payment) => payment.value));
    if (!ordered.equals(paid)) anomalies.add('PAYMENT_TOTAL_MISMATCH');
  }
}

/** The numbers, sorted ascending, are exactly 1, 2, ..., n. */
function isOneToN(sortedNumbers: readonly number[]): boolean {
  return sortedNumbers.every((value, index) => value === index + 1);
}
