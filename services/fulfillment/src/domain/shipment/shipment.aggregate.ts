import { InvalidFieldError, requireInstant, requireText } from '../shared/fulfillment-domain-error';
import { CalendarDate } from '../time/calendar-date.value-object';
import { saoPauloDateOf } from '../time/sao-paulo-time';
import { type DeliveryLateness, deliveryLateness } from './delivery-lateness';
import {
  diffImportedFacts,
  historyAnomalies,
  type ImportedShipmentFacts,
  isClosedOrderStatus,
  type OlistOrderStatus,
} from './imported-shipment-facts';
import {
  type OrderLineShippingInfo,
  sameShippingLimits,
  type SellerShippingLimit,
  sellerShippingLimitsOf,
} from './seller-shipping-limit.value-object';
import { SHIPMENT_ANOMALIES, type ShipmentAnomaly } from './shipment-anomaly';
import {
  type FactDifference,
  ImportedFactsConflictError,
  OrderLinesConflictError,
  ShipmentAlreadyDeliveredError,
  ShipmentAlreadyDispatchedError,
  ShipmentCanceledError,
  ShipmentNotDispatchedError,
  type ShipmentStateView,
  StepBeforePreviousError,
} from './shipment.errors';
import { type ShipmentDomainEvent } from './shipment.events';
import { isOverdue } from './shipment-overdue.policy';
import { type EstimateSource, type ShipmentOrigin, type ShipmentStatus } from './shipment-status';

/** What fulfillment knows of an order from its placement: who bought, when, and who ships which line. */
export interface OrderShippingDetails {
  customerId: string;
  purchasedAt: Date;
  lines: readonly OrderLineShippingInfo[];
}

export interface CreateShipmentProps {
  orderId: string;
  /** The order's approval: the shipment opens then. */
  approvedAt: Date;
  estimatedDeliveryDate: CalendarDate;
  /** `given` by the order or computed by the estimate `rule`. */
  estimateSource: Exclude<EstimateSource, 'import'>;
  /** The order's placement, when it reached fulfillment first (it normally does). */
  order: OrderShippingDetails | null;
}

/**
 * The persisted state of a shipment, as plain data for the repository's mapper. Dates of the calendar
 * are `YYYY-MM-DD` text; `lateness` is derived (restore() recomputes it) and kept for read models.
 */
export interface ShipmentSnapshot {
  orderId: string;
  customerId: string | null;
  status: ShipmentStatus;
  origin: ShipmentOrigin;
  purchasedAt: Date | null;
  approvedAt: Date | null;
  /** When the shipment opened: the approval, or for an imported history without one, the purchase. */
  createdAt: Date;
  estimatedDeliveryDate: string;
  estimateSource: EstimateSource;
  sellerShippingLimits: SellerShippingLimit[];
  dispatchedAt: Date | null;
  deliveredAt: Date | null;
  canceledAt: Date | null;
  cancelReason: string | null;
  lateness: DeliveryLateness | null;
  anomalies: ShipmentAnomaly[];
  /** The imported history the shipment took, kept to recognise a re-import of the same row. */
  importedFacts: ImportedFactsSnapshot | null;
  /** Optimistic-concurrency version: 0 before the first save; the repository increments it. */
  version: number;
}

export interface ImportedFactsSnapshot {
  customerId: string;
  orderStatus: OlistOrderStatus | null;
  purchasedAt: Date;
  approvedAt: Date | null;
  carrierAt: Date | null;
  deliveredAt: Date | null;
  estimatedDeliveryDate: string;
}

interface ShipmentState {
  orderId: string;
  customerId: string | null;
  status: ShipmentStatus;
  origin: ShipmentOrigin;
  purchasedAt: Date | null;
  approvedAt: Date | null;
  createdAt: Date;
  estimatedDeliveryDate: CalendarDate;
  estimateSource: EstimateSource;
  sellerShippingLimits: SellerShippingLimit[];
  dispatchedAt: Date | null;
  deliveredAt: Date | null;
  canceledAt: Date | null;
  cancelReason: string | null;
  anomalies: ShipmentAnomaly[];
  importedFacts: ImportedShipmentFacts | null;
}

/** The answer of an intent method: whether it changed the shipment or was an idempotent repeat. */
export type ShipmentChange = 'changed' | 'unchanged';

/**
 * The shipment of one order (at most one per order, keyed by the order id). Live commands move it
 * along awaiting_dispatch → dispatched → delivered (or canceled) and refuse anything else with an
 * error carrying the current state; an imported history is taken as recorded, oddities flagged.
 */
export class Shipment {
  private events: ShipmentDomainEvent[] = [];

  private constructor(
    private readonly state: ShipmentState,
    readonly version: number,
  ) {}

  /** Opens the shipment of an approved order. */
  static create(props: CreateShipmentProps): Shipment {
    const orderId = requireText(props.orderId, 'order_id');
    const approvedAt = requireInstant(props.approvedAt, 'approved_at');
    const order = props.order;
    if (order) {
      requireText(order.customerId, 'customer_id');
      requireInstant(order.purchasedAt, 'purchased_at');
    }
    const limits = order ? sellerShippingLimitsOf(order.lines) : [];
    if (props.estimatedDeliveryDate.isBefore(saoPauloDateOf(approvedAt))) {
      throw new InvalidFieldError(
        'estimated_delivery_date',
        props.estimatedDeliveryDate.toString(),
        `must not be before the approval date ${saoPauloDateOf(approvedAt).toString()}`,
      );
    }
    const shipment = new Shipment(
      {
        orderId,
        customerId: order?.customerId ?? null,
        status: 'awaiting_dispatch',
        origin: 'live',
        purchasedAt: order?.purchasedAt ?? null,
        approvedAt,
        createdAt: approvedAt,
        estimatedDeliveryDate: props.estimatedDeliveryDate,
        estimateSource: props.estimateSource,
        sellerShippingLimits: limits,
        dispatchedAt: null,
        deliveredAt: null,
        canceledAt: null,
        cancelReason: null,
        anomalies: [],
        importedFacts: null,
      },
      0,
    );
    shipment.recordCreated();
    return shipment;
  }

  /**
   * Takes a shipment history from Olist's orders file as facts, whatever their oddities, with the
   * order's lines when its placement reached fulfillment before the import.
   */
  static importHistory(facts: ImportedShipmentFacts, order: OrderShippingDetails | null): Shipment {
    const orderId = requireText(facts.orderId, 'order_id');
    const customerId = requireText(facts.customerId, 'customer_id');
    if (order && order.customerId !== customerId) {
      throw new OrderLinesConflictError(
        orderId,
        `the order was placed by customer ${order.customerId} but the shipment history names ${customerId}`,
      );
    }
    const closed = isClosedOrderStatus(facts.orderStatus);
    const status: ShipmentStatus = closed
      ? 'canceled'
      : facts.deliveredAt !== null || facts.orderStatus === 'delivered'
        ? 'delivered'
        : facts.carrierAt !== null
          ? 'dispatched'
          : 'awaiting_dispatch';
    const shipment = new Shipment(
      {
        orderId,
        customerId,
        status,
        origin: 'import',
        purchasedAt: facts.purchasedAt,
        approvedAt: facts.approvedAt,
        createdAt: facts.approvedAt ?? facts.purchasedAt,
        estimatedDeliveryDate: facts.estimatedDeliveryDate,
        estimateSource: 'import',
        sellerShippingLimits: order ? sellerShippingLimitsOf(order.lines) : [],
        dispatchedAt: facts.carrierAt,
        deliveredAt: facts.deliveredAt,
        canceledAt: null,
        cancelReason: null,
        anomalies: historyAnomalies(facts),
        importedFacts: facts,
      },
      0,
    );
    shipment.recordCreated();
    if (facts.carrierAt !== null) shipment.recordDispatched();
    if (facts.deliveredAt !== null) shipment.recordDelivered();
    if (closed) shipment.recordCanceled(shipment.latestKnownTime());
    return shipment;
  }

  /** Rebuilds a saved shipment (no event is recorded). */
  static restore(snapshot: ShipmentSnapshot): Shipment {
    const facts = snapshot.importedFacts;
    return new Shipment(
      {
        orderId: snapshot.orderId,
        customerId: snapshot.customerId,
        status: snapshot.status,
        origin: snapshot.origin,
        purchasedAt: snapshot.purchasedAt,
        approvedAt: snapshot.approvedAt,
        createdAt: snapshot.createdAt,
        estimatedDeliveryDate: CalendarDate.parse(snapshot.estimatedDeliveryDate),
        estimateSource: snapshot.estimateSource,
        sellerShippingLimits: snapshot.sellerShippingLimits.map((limit) => ({
          ...limit,
          lineNumbers: [...limit.lineNumbers],
        })),
        dispatchedAt: snapshot.dispatchedAt,
        deliveredAt: snapshot.deliveredAt,
        canceledAt: snapshot.canceledAt,
        cancelReason: snapshot.cancelReason,
        anomalies: [...snapshot.anomalies],
        importedFacts: facts
          ? {
              orderId: snapshot.orderId,
              ...facts,
              estimatedDeliveryDate: CalendarDate.parse(facts.estimatedDeliveryDate),
            }
          : null,
      },
      snapshot.version,
    );
  }

  get orderId(): string {
    return this.state.orderId;
  }

  get status(): ShipmentStatus {
    return this.state.status;
  }

  get origin(): ShipmentOrigin {
    return this.state.origin;
  }

  get customerId(): string | null {
    return this.state.customerId;
  }

  get createdAt(): Date {
    return this.state.createdAt;
  }

  get estimatedDeliveryDate(): CalendarDate {
    return this.state.estimatedDeliveryDate;
  }

  get sellerShippingLimits(): readonly SellerShippingLimit[] {
    return this.state.sellerShippingLimits;
  }

  get dispatchedAt(): Date | null {
    return this.state.dispatchedAt;
  }

  get deliveredAt(): Date | null {
    return this.state.deliveredAt;
  }

  get anomalies(): readonly ShipmentAnomaly[] {
    return this.state.anomalies;
  }

  /** Days late and on-time, once delivered at a known time. */
  get lateness(): DeliveryLateness | null {
    return this.state.deliveredAt === null
      ? null
      : deliveryLateness(this.state.deliveredAt, this.state.estimatedDeliveryDate);
  }

  isOverdueAt(asOf: Date): boolean {
    return isOverdue(this.state, asOf);
  }

  /**
   * Adds what the order's placement says (customer, purchase, each seller's shipping limit) to a
   * shipment opened without it, e.g. imported before the order events reached fulfillment. The same
   * lines again change nothing; different ones are a conflict.
   */
  recordOrderLines(order: OrderShippingDetails): ShipmentChange {
    const customerId = requireText(order.customerId, 'customer_id');
    const purchasedAt = requireInstant(order.purchasedAt, 'purchased_at');
    const limits = sellerShippingLimitsOf(order.lines);
    const state = this.state;
    if (state.customerId !== null && state.customerId !== customerId) {
      throw new OrderLinesConflictError(
        state.orderId,
        `the shipment belongs to customer ${state.customerId}, the order placed names ${customerId}`,
      );
    }
    if (state.sellerShippingLimits.length > 0 && !sameShippingLimits(state.sellerShippingLimits, limits)) {
      throw new OrderLinesConflictError(state.orderId, 'the shipment already holds different order lines');
    }
    const addsLimits = state.sellerShippingLimits.length === 0 && limits.length > 0;
    if (!addsLimits && state.customerId !== null && state.purchasedAt !== null) return 'unchanged';
    state.customerId = customerId;
    state.purchasedAt ??= purchasedAt;
    if (addsLimits) state.sellerShippingLimits = limits;
    this.events.push({
      type: 'ShipmentSellerLimitsRecorded',
      orderId: state.orderId,
      occurredAt: purchasedAt,
      origin: 'live',
      anomalies: [...state.anomalies],
      customerId,
      sellerShippingLimits: state.sellerShippingLimits,
    });
    return 'changed';
  }

  /** Hands the shipment to the carrier. The same time again is a no-op. */
  dispatch(at: Date): ShipmentChange {
    requireInstant(at, 'dispatched_at');
    const state = this.state;
    switch (state.status) {
      case 'canceled':
        throw new ShipmentCanceledError(state.orderId, 'dispatch', this.view());
      case 'delivered':
        if (sameInstant(state.dispatchedAt, at)) return 'unchanged';
        throw new ShipmentAlreadyDeliveredError(state.orderId, 'dispatch', this.view(), at);
      case 'dispatched':
        if (sameInstant(state.dispatchedAt, at)) return 'unchanged';
        throw new ShipmentAlreadyDispatchedError(state.orderId, this.view(), at);
      case 'awaiting_dispatch':
        if (at.getTime() < state.createdAt.getTime()) {
          throw new StepBeforePreviousError(state.orderId, 'dispatch', this.view(), at, state.createdAt);
        }
        state.status = 'dispatched';
        state.dispatchedAt = at;
        this.recordDispatched('live');
        return 'changed';
    }
  }

  /** Records the delivery to the customer, with its lateness. The same time again is a no-op. */
  deliver(at: Date): ShipmentChange {
    requireInstant(at, 'delivered_at');
    const state = this.state;
    switch (state.status) {
      case 'canceled':
        throw new ShipmentCanceledError(state.orderId, 'deliver', this.view());
      case 'awaiting_dispatch':
        throw new ShipmentNotDispatchedError(state.orderId, this.view());
      case 'delivered':
        if (sameInstant(state.deliveredAt, at)) return 'unchanged';
        throw new ShipmentAlreadyDeliveredError(state.orderId, 'deliver', this.view(), at);
      case 'dispatched': {
        const dispatchedAt = state.dispatchedAt!;
        if (at.getTime() < dispatchedAt.getTime()) {
          throw new StepBeforePreviousError(state.orderId, 'deliver', this.view(), at, dispatchedAt);
        }
        state.status = 'delivered';
        state.deliveredAt = at;
        this.recordDelivered('live');
        return 'changed';
      }
    }
  }

  /**
   * Closes the shipment because its order was canceled or found unavailable. A shipment already on its
   * way can still be canceled (the carrier returns it); a delivered one cannot. Canceling a canceled
   * shipment is a no-op.
   */
  cancel(at: Date, reason: string | null): ShipmentChange {
    requireInstant(at, 'canceled_at');
    const state = this.state;
    if (state.status === 'canceled') return 'unchanged';
    if (state.status === 'delivered') {
      throw new ShipmentAlreadyDeliveredError(state.orderId, 'cancel', this.view(), at);
    }
    const previousAt = state.dispatchedAt ?? state.createdAt;
    if (at.getTime() < previousAt.getTime()) {
      throw new StepBeforePreviousError(state.orderId, 'cancel', this.view(), at, previousAt);
    }
    state.status = 'canceled';
    state.canceledAt = at;
    state.cancelReason = reason === null || reason.trim() === '' ? null : reason.trim();
    this.recordCanceled(at, 'live');
    return 'changed';
  }

  /**
   * Brings an imported history to a shipment that already exists:
   * - one imported earlier: the same facts are a no-op, different facts a conflict;
   * - one opened live (the order events came first): the history must agree with what the platform
   *   recorded (same promised date, customer, dispatch and delivery times where both have one); it
   *   then adds the facts the shipment lacks (dispatch, delivery, cancellation) and its anomalies.
   */
  mergeImportedFacts(facts: ImportedShipmentFacts): ShipmentChange {
    const state = this.state;
    if (state.importedFacts !== null) {
      const differences = diffImportedFacts(state.importedFacts, facts);
      if (differences.length > 0) throw new ImportedFactsConflictError(state.orderId, differences);
      return 'unchanged';
    }
    const differences: FactDifference[] = [];
    const iso = (value: Date | null) => (value === null ? null : value.toISOString());
    if (!state.estimatedDeliveryDate.equals(facts.estimatedDeliveryDate)) {
      differences.push({
        field: 'order_estimated_delivery_date',
        recorded: state.estimatedDeliveryDate.toString(),
        incoming: facts.estimatedDeliveryDate.toString(),
      });
    }
    if (state.customerId !== null && state.customerId !== facts.customerId) {
      differences.push({ field: 'customer_id', recorded: state.customerId, incoming: facts.customerId });
    }
    if (
      state.dispatchedAt !== null &&
      facts.carrierAt !== null &&
      !sameInstant(state.dispatchedAt, facts.carrierAt)
    ) {
      differences.push({
        field: 'order_delivered_carrier_date',
        recorded: iso(state.dispatchedAt),
        incoming: iso(facts.carrierAt),
      });
    }
    if (
      state.deliveredAt !== null &&
      facts.deliveredAt !== null &&
      !sameInstant(state.deliveredAt, facts.deliveredAt)
    ) {
      differences.push({
        field: 'order_delivered_customer_date',
        recorded: iso(state.deliveredAt),
        incoming: iso(facts.deliveredAt),
      });
    }
    if (differences.length > 0) throw new ImportedFactsConflictError(state.orderId, differences);

    state.importedFacts = facts;
    state.customerId ??= facts.customerId;
    state.purchasedAt ??= facts.purchasedAt;
    state.approvedAt ??= facts.approvedAt;
    state.anomalies = mergeAnomalies(state.anomalies, historyAnomalies(facts));
    if (state.status === 'awaiting_dispatch' && facts.carrierAt !== null) {
      state.status = 'dispatched';
      state.dispatchedAt = facts.carrierAt;
      this.recordDispatched('import');
    }
    if (state.status !== 'canceled' && state.deliveredAt === null && facts.deliveredAt !== null) {
      state.status = 'delivered';
      state.deliveredAt = facts.deliveredAt;
      this.recordDelivered('import');
    }
    if (
      isClosedOrderStatus(facts.orderStatus) &&
      state.status !== 'canceled' &&
      state.status !== 'delivered'
    ) {
      state.status = 'canceled';
      this.recordCanceled(this.latestKnownTime(), 'import');
    }
    return 'changed';
  }

  /** The events recorded since the shipment was loaded or created; empties the list. */
  pullEvents(): ShipmentDomainEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  /** Events recorded and not pulled yet: a shipment without any needs no save. */
  get hasChanges(): boolean {
    return this.events.length > 0;
  }

  toSnapshot(): ShipmentSnapshot {
    const state = this.state;
    const facts = state.importedFacts;
    return {
      orderId: state.orderId,
      customerId: state.customerId,
      status: state.status,
      origin: state.origin,
      purchasedAt: state.purchasedAt,
      approvedAt: state.approvedAt,
      createdAt: state.createdAt,
      estimatedDeliveryDate: state.estimatedDeliveryDate.toString(),
      estimateSource: state.estimateSource,
      sellerShippingLimits: state.sellerShippingLimits.map((limit) => ({
        ...limit,
        lineNumbers: [...limit.lineNumbers],
      })),
      dispatchedAt: state.dispatchedAt,
      deliveredAt: state.deliveredAt,
      canceledAt: state.canceledAt,
      cancelReason: state.cancelReason,
      lateness: this.lateness,
      anomalies: [...state.anomalies],
      importedFacts: facts
        ? {
            customerId: facts.customerId,
            orderStatus: facts.orderStatus,
            purchasedAt: facts.purchasedAt,
            approvedAt: facts.approvedAt,
            carrierAt: facts.carrierAt,
            deliveredAt: facts.deliveredAt,
            estimatedDeliveryDate: facts.estimatedDeliveryDate.toString(),
          }
        : null,
      version: this.version,
    };
  }

  private view(): ShipmentStateView {
    return {
      status: this.state.status,
      dispatchedAt: this.state.dispatchedAt,
      deliveredAt: this.state.deliveredAt,
    };
  }

  /** The latest time the history records: an imported cancellation's best-known time. */
  private latestKnownTime(): Date {
    const state = this.state;
    const times = [
      state.createdAt,
      state.purchasedAt,
      state.approvedAt,
      state.dispatchedAt,
      state.deliveredAt,
    ]
      .filter((time): time is Date => time !== null)
      .map((time) => time.getTime());
    return new Date(Math.max(...times));
  }

  private recordCreated(): void {
    const state = this.state;
    this.events.push({
      type: 'ShipmentCreated',
      orderId: state.orderId,
      occurredAt: state.createdAt,
      origin: state.origin,
      anomalies: [...state.anomalies],
      customerId: state.customerId,
      estimatedDeliveryDate: state.estimatedDeliveryDate.toString(),
      estimateSource: state.estimateSource,
      sellerShippingLimits: state.sellerShippingLimits,
    });
  }

  private recordDispatched(origin: ShipmentOrigin = this.state.origin): void {
    const state = this.state;
    const dispatchedAt = state.dispatchedAt!;
    this.events.push({
      type: 'ShipmentDispatched',
      orderId: state.orderId,
      occurredAt: dispatchedAt,
      origin,
      anomalies: [...state.anomalies],
      dispatchedAt,
    });
  }

  private recordDelivered(origin: ShipmentOrigin = this.state.origin): void {
    const state = this.state;
    const deliveredAt = state.deliveredAt!;
    this.events.push({
      type: 'ShipmentDelivered',
      orderId: state.orderId,
      occurredAt: deliveredAt,
      origin,
      anomalies: [...state.anomalies],
      deliveredAt,
      estimatedDeliveryDate: state.estimatedDeliveryDate.toString(),
      ...deliveryLateness(deliveredAt, state.estimatedDeliveryDate),
    });
  }

  private recordCanceled(occurredAt: Date, origin: ShipmentOrigin = this.state.origin): void {
    const state = this.state;
    this.events.push({
      type: 'ShipmentCanceled',
      orderId: state.orderId,
      occurredAt,
      origin,
      anomalies: [...state.anomalies],
      canceledAt: state.canceledAt,
      reason: state.cancelReason,
    });
  }
}

function sameInstant(a: Date | null, b: Date): boolean {
  return a !== null && a.getTime() === b.getTime();
}

function mergeAnomalies(a: readonly ShipmentAnomaly[], b: readonly ShipmentAnomaly[]): ShipmentAnomaly[] {
  const present = new Set([...a, ...b]);
  return SHIPMENT_ANOMALIES.filter((flag) => present.has(flag));
}
