import { Money } from '../money/money.value-object';
import { type StatusChange, reconstructLifecycle } from './historical-lifecycle';
import {
  type HistoricalOrderRecord,
  parseCalendarDate,
  parseHistoricalOrder,
} from './historical-order.record';
import { type OrderAnomaly, isOrderAnomaly } from './order-anomaly';
import {
  DuplicateLineNumberError,
  IllegalOrderTransitionError,
  LineNumbersNotSequentialError,
  OrderClosedError,
  OrderWithoutLinesError,
  PaymentConflictError,
  TransitionBeforePreviousError,
} from './order.errors';
import { type OrderDomainEvent, type OrderOrigin } from './order.events';
import { OrderLine, type OrderLineProps, requireDate, requireText } from './order-line.value-object';
import {
  type OrderStatus,
  type OrderTransition,
  TRANSITION_SOURCES,
  TRANSITION_TARGET,
  parseOrderStatus,
} from './order-status';
import { Payment, type PaymentProps, type PaymentType } from './payment.entity';

export type { StatusChange } from './historical-lifecycle';

export interface PlaceOrderProps {
  /** The order's natural id (Olist order_id). */
  orderId: string;
  /** The customer account placing it (Olist customer_id). */
  customerId: string;
  purchasedAt: Date;
  lines: readonly OrderLineProps[];
  /** `YYYY-MM-DD`, when the platform promised delivery. */
  estimatedDeliveryDate?: string | null;
}

/** Whether a command changed the order or found it had already happened (idempotent repeat). */
export type OrderChange = 'changed' | 'unchanged';

/** The order as plain data, for the persistence mapper. Money is in integer cents. */
export interface OrderSnapshot {
  id: string;
  customerId: string;
  status: OrderStatus;
  purchasedAt: Date;
  estimatedDeliveryDate: string | null;
  lines: {
    lineNumber: number;
    productId: string;
    sellerId: string;
    shippingLimitAt: Date;
    priceCents: number;
    freightCents: number;
  }[];
  payments: { sequential: number; type: PaymentType; installments: number; valueCents: number }[];
  statusHistory: StatusChange[];
  /** Milestone times as recorded: by the live commands, or verbatim from the Olist record. */
  approvedAt: Date | null;
  deliveredCarrierAt: Date | null;
  deliveredCustomerAt: Date | null;
  anomalies: OrderAnomaly[];
  origin: OrderOrigin;
  cancellationReason: string | null;
  /** The persisted version this state was loaded at; 0 for an order never saved. */
  version: number;
}

interface OrderState {
  id: string;
  customerId: string;
  status: OrderStatus;
  purchasedAt: Date;
  estimatedDeliveryDate: string | null;
  lines: OrderLine[];
  payments: Payment[];
  history: StatusChange[];
  approvedAt: Date | null;
  deliveredCarrierAt: Date | null;
  deliveredCustomerAt: Date | null;
  anomalies: OrderAnomaly[];
  origin: OrderOrigin;
  cancellationReason: string | null;
  version: number;
}

/**
 * The Order aggregate: a customer account's purchase of lines from sellers, its payments and its
 * way through Olist's lifecycle (created → approved → invoiced → processing → shipped → delivered,
 * with canceled and unavailable as exits). Every change goes through an intent-revealing method that
 * enforces the invariants and records a domain event; `pullDomainEvents()` hands them over once.
 */
export class Order {
  private events: OrderDomainEvent[] = [];

  private constructor(private readonly state: OrderState) {}

  /** A new live order, status created. Lines must be numbered 1..n. */
  static place(props: PlaceOrderProps): Order {
    const orderId = requireText(props.orderId, 'orderId');
    const customerId = requireText(props.customerId, 'customerId');
    const purchasedAt = requireDate(props.purchasedAt, 'purchasedAt');
    if (!props.lines || props.lines.length === 0) throw new OrderWithoutLinesError(orderId);
    const lines = props.lines.map((line) => new OrderLine(line)).sort((a, b) => a.lineNumber - b.lineNumber);
    assertUniqueLineNumbers(orderId, lines);
    if (!lines.every((line, index) => line.lineNumber === index + 1)) {
      throw new LineNumbersNotSequentialError(
        orderId,
        lines.map((line) => line.lineNumber),
      );
    }
    const estimatedDeliveryDate =
      props.estimatedDeliveryDate == null
        ? null
        : parseCalendarDate(props.estimatedDeliveryDate, 'estimatedDeliveryDate');
    const order = new Order({
      id: orderId,
      customerId,
      status: 'created',
      purchasedAt,
      estimatedDeliveryDate,
      lines,
      payments: [],
      history: [{ status: 'created', at: purchasedAt, derived: false }],
      approvedAt: null,
      deliveredCarrierAt: null,
      deliveredCustomerAt: null,
      anomalies: [],
      origin: 'live',
      cancellationReason: null,
      version: 0,
    });
    order.recordPlaced();
    return order;
  }

  /**
   * An order from Olist's history, taken as facts. Refuses only truly invalid data (a specific
   * SalesDomainError naming the column); oddities of its history become anomaly flags, missing
   * intermediate times are derived, and the events a live order would have produced are recorded:
   * OrderPlaced, PaymentRecorded for each payment (at the purchase time), then each status step.
   */
  static importHistorical(record: HistoricalOrderRecord): Order {
    const parsed = parseHistoricalOrder(record);
    const { history, anomalies } = reconstructLifecycle(parsed);
    const order = new Order({
      id: parsed.orderId,
      customerId: parsed.customerId,
      status: parsed.status,
      purchasedAt: parsed.purchasedAt,
      estimatedDeliveryDate: parsed.estimatedDeliveryDate,
      lines: parsed.lines,
      payments: parsed.payments,
      history,
      approvedAt: parsed.approvedAt,
      deliveredCarrierAt: parsed.deliveredCarrierAt,
      deliveredCustomerAt: parsed.deliveredCustomerAt,
      anomalies,
      origin: 'import',
      cancellationReason: null,
      version: 0,
    });
    order.recordPlaced();
    for (const payment of parsed.payments)
      order.record({ type: 'PaymentRecorded', payment }, parsed.purchasedAt);
    for (const step of history.slice(1)) order.recordStatusEvent(step);
    return order;
  }

  /** Rebuilds an order from persisted state; records no event. */
  static restore(snapshot: OrderSnapshot): Order {
    return new Order({
      id: snapshot.id,
      customerId: snapshot.customerId,
      status: parseOrderStatus(snapshot.status, 'status'),
      purchasedAt: snapshot.purchasedAt,
      estimatedDeliveryDate: snapshot.estimatedDeliveryDate,
      lines: snapshot.lines.map(
        (line) =>
          new OrderLine({
            lineNumber: line.lineNumber,
            productId: line.productId,
            sellerId: line.sellerId,
            shippingLimitAt: line.shippingLimitAt,
            price: Money.ofCents(line.priceCents),
            freight: Money.ofCents(line.freightCents),
          }),
      ),
      payments: snapshot.payments.map(
        (payment) =>
          new Payment({
            sequential: payment.sequential,
            type: payment.type,
            installments: payment.installments,
            value: Money.ofCents(payment.valueCents),
          }),
      ),
      history: snapshot.statusHistory.map((step) => ({ ...step })),
      approvedAt: snapshot.approvedAt,
      deliveredCarrierAt: snapshot.deliveredCarrierAt,
      deliveredCustomerAt: snapshot.deliveredCustomerAt,
      anomalies: snapshot.anomalies.filter(isOrderAnomaly),
      origin: snapshot.origin,
      cancellationReason: snapshot.cancellationReason,
      version: snapshot.version,
    });
  }

  get id(): string {
    return this.state.id;
  }
  get customerId(): string {
    return this.state.customerId;
  }
  get status(): OrderStatus {
    return this.state.status;
  }
  get purchasedAt(): Date {
    return this.state.purchasedAt;
  }
  get estimatedDeliveryDate(): string | null {
    return this.state.estimatedDeliveryDate;
  }
  get lines(): readonly OrderLine[] {
    return this.state.lines;
  }
  get payments(): readonly Payment[] {
    return this.state.payments;
  }
  get statusHistory(): readonly StatusChange[] {
    return this.state.history;
  }
  get approvedAt(): Date | null {
    return this.state.approvedAt;
  }
  get deliveredCarrierAt(): Date | null {
    return this.state.deliveredCarrierAt;
  }
  get deliveredCustomerAt(): Date | null {
    return this.state.deliveredCustomerAt;
  }
  get anomalies(): readonly OrderAnomaly[] {
    return this.state.anomalies;
  }
  get origin(): OrderOrigin {
    return this.state.origin;
  }
  get cancellationReason(): string | null {
    return this.state.cancellationReason;
  }
  get version(): number {
    return this.state.version;
  }
  get itemsTotal(): Money {
    return Money.sum(this.state.lines.map((line) => line.price));
  }
  get freightTotal(): Money {
    return Money.sum(this.state.lines.map((line) => line.freight));
  }
  /** Price plus freight of every line. */
  get total(): Money {
    return this.itemsTotal.add(this.freightTotal);
  }
  get paidTotal(): Money {
    return Money.sum(this.state.payments.map((payment) => payment.value));
  }
  /** When the latest status step happened. */
  get lastChangedAt(): Date {
    return this.state.history[this.state.history.length - 1]!.at;
  }

  approve(at: Date): OrderChange {
    return this.transition('approve', at);
  }

  invoice(at: Date): OrderChange {
    return this.transition('invoice', at);
  }

  startProcessing(at: Date): OrderChange {
    return this.transition('startProcessing', at);
  }

  /** Handed to the carrier. Idempotent: an order that already shipped (or was delivered) is unchanged. */
  markShipped(at: Date): OrderChange {
    return this.transition('markShipped', at);
  }

  /** Delivered to the customer. Idempotent: an order already delivered is unchanged. */
  markDelivered(at: Date): OrderChange {
    return this.transition('markDelivered', at);
  }

  cancel(at: Date, reason?: string | null): OrderChange {
    return this.transition('cancel', at, normalizeReason(reason));
  }

  /** The sellers cannot fulfil the order. */
  markUnavailable(at: Date): OrderChange {
    return this.transition('markUnavailable', at);
  }

  /**
   * Records a payment towards the order. The same payment again is unchanged; another payment under
   * a known sequential is a PaymentConflictError. Closed orders (canceled, unavailable) take none, and
   * a payment cannot be dated before the purchase.
   */
  recordPayment(props: PaymentProps, at: Date): OrderChange {
    const payment = new Payment(props);
    requireDate(at, 'at');
    const known = this.state.payments.find((existing) => existing.sequential === payment.sequential);
    if (known) {
      if (known.equals(payment)) return 'unchanged';
      throw new PaymentConflictError(this.id, payment.sequential);
    }
    if (this.state.status === 'canceled' || this.state.status === 'unavailable') {
      throw new OrderClosedError(this.id, this.state.status);
    }
    if (at.getTime() < this.state.purchasedAt.getTime()) {
      throw new TransitionBeforePreviousError(this.id, 'recordPayment', at, this.state.purchasedAt);
    }
    this.state.payments = [...this.state.payments, payment].sort((a, b) => a.sequential - b.sequential);
    this.record({ type: 'PaymentRecorded', payment }, at);
    return 'changed';
  }

  /** The events recorded since the last call, oldest first; the order forgets them. */
  pullDomainEvents(): OrderDomainEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  /** Same customer account, purchase time, estimated delivery and lines: the same placement. */
  hasSamePlacementAs(other: Order): boolean {
    return (
      this.id === other.id &&
      this.customerId === other.customerId &&
      this.purchasedAt.getTime() === other.purchasedAt.getTime() &&
      this.estimatedDeliveryDate === other.estimatedDeliveryDate &&
      this.lines.length === other.lines.length &&
      this.lines.every((line, index) => line.equals(other.lines[index]!))
    );
  }

  /** Same placement, status, recorded milestone times and payments: the same recorded facts. */
  hasSameFactsAs(other: Order): boolean {
    return (
      this.hasSamePlacementAs(other) &&
      this.status === other.status &&
      sameInstant(this.approvedAt, other.approvedAt) &&
      sameInstant(this.deliveredCarrierAt, other.deliveredCarrierAt) &&
      sameInstant(this.deliveredCustomerAt, other.deliveredCustomerAt) &&
      this.payments.length === other.payments.length &&
      this.payments.every((payment, index) => payment.equals(other.payments[index]!))
    );
  }

  toSnapshot(): OrderSnapshot {
    const state = this.state;
    return {
      id: state.id,
      customerId: state.customerId,
      status: state.status,
      purchasedAt: state.purchasedAt,
      estimatedDeliveryDate: state.estimatedDeliveryDate,
      lines: state.lines.map((line) => ({
        lineNumber: line.lineNumber,
        productId: line.productId,
        sellerId: line.sellerId,
        shippingLimitAt: line.shippingLimitAt,
        priceCents: line.price.cents,
        freightCents: line.freight.cents,
      })),
      payments: state.payments.map((payment) => ({
        sequential: payment.sequential,
        type: payment.type,
        installments: payment.installments,
        valueCents: payment.value.cents,
      })),
      statusHistory: state.history.map((step) => ({ ...step })),
      approvedAt: state.approvedAt,
      deliveredCarrierAt: state.deliveredCarrierAt,
      deliveredCustomerAt: state.deliveredCustomerAt,
      anomalies: [...state.anomalies],
      origin: state.origin,
      cancellationReason: state.cancellationReason,
      version: state.version,
    };
  }

  private transition(transition: OrderTransition, at: Date, reason: string | null = null): OrderChange {
    requireDate(at, 'at');
    const target = TRANSITION_TARGET[transition];
    if (this.alreadyHappened(transition, target, at, reason)) return 'unchanged';
    if (!TRANSITION_SOURCES[transition].includes(this.state.status)) {
      throw new IllegalOrderTransitionError(this.id, this.state.status, transition);
    }
    const previousAt = this.lastChangedAt;
    if (at.getTime() < previousAt.getTime()) {
      throw new TransitionBeforePreviousError(this.id, transition, at, previousAt);
    }
    this.state.status = target;
    this.state.history.push({ status: target, at, derived: false });
    if (target === 'approved') this.state.approvedAt = at;
    if (target === 'shipped') this.state.deliveredCarrierAt = at;
    if (target === 'delivered') this.state.deliveredCustomerAt = at;
    if (target === 'canceled') this.state.cancellationReason = reason;
    this.recordStatusEvent({ status: target, at, derived: false });
    return 'changed';
  }

  /**
   * A repeated command is a no-op: shipped and delivered (reactions to fulfilment events, which
   * arrive at least once) whenever the order already reached that status; the other transitions
   * when the history already holds that step at the same time (and, for cancel, the same reason).
   */
  private alreadyHappened(
    transition: OrderTransition,
    target: OrderStatus,
    at: Date,
    reason: string | null,
  ): boolean {
    const steps = this.state.history.filter((step) => step.status === target);
    if (transition === 'markShipped' || transition === 'markDelivered') return steps.length > 0;
    if (transition === 'cancel' && this.state.cancellationReason !== reason) return false;
    return steps.some((step) => step.at.getTime() === at.getTime());
  }

  private recordPlaced(): void {
    this.record(
      {
        type: 'OrderPlaced',
        purchasedAt: this.purchasedAt,
        lines: this.lines,
        itemsTotal: this.itemsTotal,
        freightTotal: this.freightTotal,
        total: this.total,
        estimatedDeliveryDate: this.estimatedDeliveryDate,
        anomalies: [...this.anomalies],
      },
      this.purchasedAt,
    );
  }

  private recordStatusEvent({ status, at, derived }: StatusChange): void {
    if (status === 'canceled') {
      this.record({ type: 'OrderCanceled', reason: this.state.cancellationReason, timeDerived: derived }, at);
    } else if (status !== 'created') {
      this.record({ type: STATUS_EVENTS[status], timeDerived: derived }, at);
    }
  }

  private record(
    event: DistributiveOmit<OrderDomainEvent, 'orderId' | 'customerId' | 'occurredAt' | 'origin'>,
    at: Date,
  ): void {
    this.events.push({
      ...event,
      orderId: this.id,
      customerId: this.customerId,
      occurredAt: at,
      origin: this.state.origin,
    } as OrderDomainEvent);
  }
}

const STATUS_EVENTS = {
  approved: 'OrderApproved',
  invoiced: 'OrderInvoiced',
  processing: 'OrderProcessingStarted',
  shipped: 'OrderShipped',
  delivered: 'OrderDelivered',
  unavailable: 'OrderMarkedUnavailable',
} as const satisfies Record<Exclude<OrderStatus, 'created' | 'canceled'>, OrderDomainEvent['type']>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function assertUniqueLineNumbers(orderId: string, lines: readonly OrderLine[]): void {
  const seen = new Set<number>();
  for (const line of lines) {
    if (seen.has(line.lineNumber)) throw new DuplicateLineNumberError(orderId, line.lineNumber);
    seen.add(line.lineNumber);
  }
}

function normalizeReason(reason: string | null | undefined): string | null {
  if (reason == null) return null;
  const trimmed = reason.trim();
  return trimmed === '' ? null : trimmed;
}

function sameInstant(a: Date | null, b: Date | null): boolean {
  return a === null || b === null ? a === b : a.getTime() === b.getTime();
}
