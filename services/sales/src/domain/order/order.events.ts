import { type Money } from '../money/money.value-object';
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
}

export interface OrderApproved extends OrderEventBase {
  type: 'OrderApproved';
}

export interface OrderInvoiced extends OrderEventBase {
  type: 'OrderInvoiced';
}

export interface OrderProcessingStarted extends OrderEventBase {
  type: 'OrderProcessingStarted';
}

export interface OrderShipped extends OrderEventBase {
  type: 'OrderShipped';
}

export interface OrderDelivered extends OrderEventBase {
  type: 'OrderDelivered';
}

export interface OrderCanceled extends OrderEventBase {
  type: 'OrderCanceled';
  reason: string | null;
}

export interface OrderMarkedUnavailable extends OrderEventBase {
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
