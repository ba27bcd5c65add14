// In-memory adapters of the fulfillment ports, for unit tests of the use cases. They keep the ports'
// documented semantics (version checks, ordering, overdue/late rules, rollback), so the use-case tests
// exercise the same contract the PostgreSQL adapters must honour.
import { type PendingOrder } from '../../domain/pending-order/pending-order';
import { Shipment, type ShipmentSnapshot } from '../../domain/shipment/shipment.aggregate';
import { type ShipmentDomainEvent } from '../../domain/shipment/shipment.events';
import { isLateDelivery, isOverdue } from '../../domain/shipment/shipment-overdue.policy';
import { CalendarDate } from '../../domain/time/calendar-date.value-object';
import { type Clock } from '../ports/clock.port';
import { type PendingOrderRepository } from '../ports/pending-order.repository.port';
import { type ShipmentEventOutbox } from '../ports/shipment-event.outbox.port';
import {
  type LateShipmentsQuery,
  type OverdueShipmentsQuery,
  type ShipmentRepository,
} from '../ports/shipment.repository.port';
import { type FulfillmentTransaction, type UnitOfWork } from '../ports/unit-of-work.port';
import { ConcurrentModificationError } from '../shared/application.errors';

export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(at: Date): void {
    this.current = at;
  }
}

function timelineOf(snapshot: ShipmentSnapshot) {
  return {
    status: snapshot.status,
    createdAt: snapshot.createdAt,
    deliveredAt: snapshot.deliveredAt,
    estimatedDeliveryDate: CalendarDate.parse(snapshot.estimatedDeliveryDate),
  };
}

export class InMemoryShipmentRepository implements ShipmentRepository {
  rows = new Map<string, ShipmentSnapshot>();
  saves = 0;

  async findByOrderId(orderId: string): Promise<Shipment | null> {
    const row = this.rows.get(orderId);
    return row ? Shipment.restore(structuredClone(row)) : null;
  }

  async findByOrderIds(orderIds: readonly string[]): Promise<Shipment[]> {
    return orderIds.flatMap((id) => {
      const row = this.rows.get(id);
      return row ? [Shipment.restore(structuredClone(row))] : [];
    });
  }

  async save(shipments: readonly Shipment[]): Promise<void> {
    for (const shipment of shipments) {
      const stored = this.rows.get(shipment.orderId);
      if ((stored?.version ?? 0) !== shipment.version)
        throw new ConcurrentModificationError(shipment.orderId);
      this.rows.set(shipment.orderId, {
        ...structuredClone(shipment.toSnapshot()),
        version: shipment.version + 1,
      });
      this.saves += 1;
    }
  }

  async findOverdue(query: OverdueShipmentsQuery): Promise<ShipmentSnapshot[]> {
    const key = (row: { estimatedDeliveryDate: string; orderId: string }) =>
      `${row.estimatedDeliveryDate} ${row.orderId}`;
    return [...this.rows.values()]
      .filter((row) => isOverdue(timelineOf(row), query.asOf))
      .filter((row) => query.after === null || key(row) > key(query.after))
      .sort((a, b) => (key(a) < key(b) ? -1 : 1))
      .slice(0, query.limit)
      .map((row) => structuredClone(row));
  }

  async findLate(query: LateShipmentsQuery): Promise<ShipmentSnapshot[]> {
    const time = (row: ShipmentSnapshot) => row.deliveredAt!.getTime();
    const after = query.after;
    return [...this.rows.values()]
      .filter((row) => isLateDelivery(timelineOf(row)))
      .filter((row) => query.deliveredFrom === null || time(row) >= query.deliveredFrom.getTime())
      .filter((row) => query.deliveredTo === null || time(row) < query.deliveredTo.getTime())
      .filter((row) => {
        if (after === null) return true;
        const afterTime = Date.parse(after.deliveredAt);
        return time(row) > afterTime || (time(row) === afterTime && row.orderId > after.orderId);
      })
      .sort((a, b) => time(a) - time(b) || (a.orderId < b.orderId ? -1 : 1))
      .slice(0, query.limit)
      .map((row) => structuredClone(row));
  }
}

export class InMemoryPendingOrderRepository implements PendingOrderRepository {
  rows = new Map<string, PendingOrder>();

  async find(orderId: string): Promise<PendingOrder | null> {
    const row = this.rows.get(orderId);
    return row ? structuredClone(row) : null;
  }

  async findMany(orderIds: readonly string[]): Promise<PendingOrder[]> {
    return orderIds.flatMap((id) => {
      const row = this.rows.get(id);
      return row ? [structuredClone(row)] : [];
    });
  }

  async save(order: PendingOrder): Promise<void> {
    this.rows.set(order.orderId, structuredClone(order));
  }

  async delete(orderIds: readonly string[]): Promise<void> {
    for (const id of orderIds) this.rows.delete(id);
  }
}

export class RecordingOutbox implements ShipmentEventOutbox {
  events: ShipmentDomainEvent[] = [];

  async append(events: readonly ShipmentDomainEvent[]): Promise<void> {
    this.events.push(...events);
  }
}

/** One "database": a transaction works on it and is undone when the work throws. */
export class InMemoryUnitOfWork implements UnitOfWork {
  readonly shipments = new InMemoryShipmentRepository();
  readonly pendingOrders = new InMemoryPendingOrderRepository();
  readonly outbox = new RecordingOutbox();
  transactions = 0;

  async run<T>(work: (tx: FulfillmentTransaction) => Promise<T>): Promise<T> {
    this.transactions += 1;
    // Rows are replaced on save, never changed in place: copying the maps is enough to roll back.
    const shipments = new Map(this.shipments.rows);
    const pending = new Map(this.pendingOrders.rows);
    const events = this.outbox.events.length;
    try {
      return await work({
        shipments: this.shipments,
        pendingOrders: this.pendingOrders,
        outbox: this.outbox,
      });
    } catch (error) {
      this.shipments.rows = shipments;
      this.pendingOrders.rows = pending;
      this.outbox.events.length = events;
      throw error;
    }
  }
}
