import { type Money } from '../money/money.value-object';
import { type OrderAnomaly } from './order-anomaly';
import { type OrderLine } from './order-line.value-object';
import { type Payment } from './payment.entity';

/** `live`: produced by a command on the running platform; `import`: replayed from Olist's history. */
export type OrderOrigin = 'live' | 'import';

interface OrderEventBase {
  orderId: string;
  /** The customer account (Olist customer_id) that placed the order. */
  customerId: string;
  /** When the fact happened (for imported orders: the recorded or derived time, see docs). */
  occurredAt: Date;
  origin: OrderOrigin;
}

export interface OrderPlaced extends OrderEventBase {
  type: 'OrderPlaced';
  purchasedAt: Date;
  lines: readonly OrderLine[];
  itemsTotal: Money;
  freightTotal: Money;
  /** Sum of price and freight of every line. */
  total: Money;
  estimatedDeliveryDate: string | null;
  /** The imported order's anomaly flags (always empty for a live order). */
  anomalies: readonly OrderAnomaly[];
}

/** A step of the lifecycle. `timeDerived`: an imported order's time for it was not recorded as such. */
interface StatusStepEvent extends OrderEventBase {
  timeDerived: boolean;
}

export interface OrderApproved extends StatusStepEvent {
  type: 'OrderApproved';
}

export interface OrderInvoiced extends StatusStepEvent {
  type: 'OrderInvoiced';
}

export interface OrderProcessingStarted extends StatusStepEvent {
  type: 'OrderProcessingStarted';
}

export interface OrderShipped extends StatusStepEvent {
  type: 'OrderShipped';
}

export interface OrderDelivered extends StatusStepEvent {
  type: 'OrderDelivered';
}

export interface OrderCanceled extends StatusStepEvent {
  type: 'OrderCanceled';
  reason: string | null;
}

export interface OrderMarkedUnavailable extends StatusStepEvent {
  type: 'OrderMarkedUnavailable';
}

export interface PaymentRecorded extends OrderEventBase {
  type: 'PaymentRecorded';
  payment: Payment;
}

export type OrderDomainEvent =
  | OrderPlaced
  | OrderApproved
  | OrderInvoiced
  | OrderProcessingStarted
  | OrderShipped
  | OrderDelivered
  | OrderCanceled
  | OrderMarkedUnavailable
  | PaymentRecorded;

export type OrderDomainEventType = OrderDomainEvent['type'];
