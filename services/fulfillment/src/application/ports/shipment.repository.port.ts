import { type Shipment, type ShipmentSnapshot } from '../../domain/shipment/shipment.aggregate';

/** Where a page of overdue shipments ends: ordered by estimated date, then order id. */
export interface OverduePosition {
  /** `YYYY-MM-DD`. */
  estimatedDeliveryDate: string;
  orderId: string;
}

/** Where a page of late deliveries ends: ordered by delivery time, then order id. */
export interface LatePosition {
  /** ISO-8601 instant. */
  deliveredAt: string;
  orderId: string;
}

export interface OverdueShipmentsQuery {
  asOf: Date;
  /** The São Paulo date of `asOf` (`YYYY-MM-DD`): overdue means estimated_delivery_date < asOfDate. */
  asOfDate: string;
  /** Rows strictly after this position; null for the first page. */
  after: OverduePosition | null;
  /** How many rows to return at most. */
  limit: number;
}

export interface LateShipmentsQuery {
  /** Deliveries at or after this instant; null for no lower bound. */
  deliveredFrom: Date | null;
  /** Deliveries strictly before this instant; null for no upper bound. */
  deliveredTo: Date | null;
  after: LatePosition | null;
  limit: number;
}

/**
 * The shipments, one per order id. Used inside a unit of work for commands (the methods then run in
 * its transaction) and on its own for queries.
 */
export interface ShipmentRepository {
  findByOrderId(orderId: string): Promise<Shipment | null>;

  /** The shipments of those orders that have one, in any order. */
  findByOrderIds(orderIds: readonly string[]): Promise<Shipment[]>;

  /**
   * Inserts new shipments (version 0) and updates the others, each only if its stored version is
   * still `shipment.version` (else throw ConcurrentModificationError); stores version + 1.
   */
  save(shipments: readonly Shipment[]): Promise<void>;

  /**
   * The shipments `isOverdue(shipment, query.asOf)` accepts (domain/shipment/shipment-overdue.policy.ts),
   * ordered by (estimatedDeliveryDate, orderId), after `query.after`, at most `query.limit`. In SQL:
   * status <> 'canceled' AND created_at <= asOf AND estimated_delivery_date < asOfDate AND
   * NOT (status = 'delivered' AND delivered_at IS NULL) AND (delivered_at IS NULL OR delivered_at > asOf).
   */
  findOverdue(query: OverdueShipmentsQuery): Promise<ShipmentSnapshot[]>;

  /**
   * The deliveries `isLateDelivery` accepts (São Paulo date of delivered_at after the estimated date,
   * i.e. lateness.daysLate > 0), within the delivery-time bounds, ordered by (deliveredAt, orderId),
   * after `query.after`, at most `query.limit`.
   */
  findLate(query: LateShipmentsQuery): Promise<ShipmentSnapshot[]>;
}
