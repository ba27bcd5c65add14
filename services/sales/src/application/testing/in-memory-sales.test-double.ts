import { Order, type OrderSnapshot } from '../../domain/order/order.aggregate';
import { type OrderDomainEvent } from '../../domain/order/order.events';
import { ConcurrencyConflictError } from '../application.errors';
import { type Clock } from '../ports/clock.port';
import { type EventOutbox } from '../ports/event-outbox.port';
import { type OrderListCriteria, type OrderPage, type OrderRepository } from '../ports/order.repository.port';
import { type SalesTransaction, type SalesUnitOfWork } from '../ports/unit-of-work.port';

/*
 * In-memory test doubles of the sales ports, for the application layer's UNIT tests only (the
 * infrastructure's integration tests run against PostgreSQL). They keep the ports' contracts:
 * snapshots rather than live objects, optimistic versions, and all-or-nothing transactions.
 */

type Rows = Map<string, OrderSnapshot>;

export class InMemoryOrderRepository implements OrderRepository {
  /** Called before each write; a test uses it to simulate a concurrent writer. */
  beforeWrite: (orderId: string) => void = () => {};

  /**
   * @param committed the rows other transactions see (read at each call: read committed)
   * @param writes this transaction's own writes, read before the committed rows
   */
  constructor(
    private readonly committed: () => Rows,
    private readonly writes: Rows,
  ) {}

  private row(orderId: string): OrderSnapshot | undefined {
    return this.writes.get(orderId) ?? this.committed().get(orderId);
  }

  private allRows(): OrderSnapshot[] {
    return [...new Map([...this.committed(), ...this.writes]).values()];
  }

  async findById(orderId: string): Promise<Order | null> {
    const row = this.row(orderId);
    return row ? Order.restore(row) : null;
  }

  async findByIds(orderIds: readonly string[]): Promise<Order[]> {
    return orderIds.flatMap((id) => {
      const row = this.row(id);
      return row ? [Order.restore(row)] : [];
    });
  }

  /** Like `UPDATE ... WHERE version = expected` (or an INSERT for 0): checked against what is committed now. */
  async save(order: Order, expectedVersion: number): Promise<void> {
    this.beforeWrite(order.id);
    const current = this.row(order.id);
    const actual = current?.version ?? 0;
    if (actual !== expectedVersion) {
      throw new ConcurrencyConflictError(order.id, expectedVersion, current ? actual : null);
    }
    this.writes.set(order.id, { ...order.toSnapshot(), version: expectedVersion + 1 });
  }

  async saveMany(orders: readonly Order[]): Promise<void> {
    for (const order of orders) await this.save(order, 0);
  }

  async list(criteria: OrderListCriteria): Promise<OrderPage> {
    const key = (row: OrderSnapshot) => [row.purchasedAt.getTime(), row.id] as const;
    const descending = (a: OrderSnapshot, b: OrderSnapshot) => {
      const [ta, ia] = key(a);
      const [tb, ib] = key(b);
      return tb - ta || (ib < ia ? -1 : ib > ia ? 1 : 0);
    };
    const after = criteria.after;
    const matching = this.allRows()
      .filter((row) => criteria.customerId === undefined || row.customerId === criteria.customerId)
      .filter((row) => criteria.status === undefined || row.status === criteria.status)
      .filter((row) => !criteria.purchasedFrom || row.purchasedAt >= criteria.purchasedFrom)
      .filter((row) => !criteria.purchasedBefore || row.purchasedAt < criteria.purchasedBefore)
      .sort(descending)
      .filter(
        (row) =>
          !after ||
          row.purchasedAt.getTime() < after.purchasedAt.getTime() ||
          (row.purchasedAt.getTime() === after.purchasedAt.getTime() && row.id < after.orderId),
      );
    const page = matching.slice(0, criteria.limit);
    const last = page[page.length - 1];
    return {
      orders: page.map((row) => Order.restore(row)),
      next:
        matching.length > criteria.limit && last ? { purchasedAt: last.purchasedAt, orderId: last.id } : null,
    };
  }
}

/**
 * A unit of work over in-memory rows: the work's writes and events commit together, or not at all
 * when it throws. Version checks happen at write time against committed rows, as in PostgreSQL.
 */
export class InMemorySalesStore implements SalesUnitOfWork {
  private readonly rows: Rows = new Map();
  /** Events committed to the outbox, in order. */
  readonly outboxEvents: OrderDomainEvent[] = [];
  transactionsCommitted = 0;
  /** Applied to every transaction's repository (see InMemoryOrderRepository.beforeWrite). */
  beforeWrite: (orderId: string) => void = () => {};

  /** A repository outside any transaction, over committed rows (what queries read). */
  get orders(): OrderRepository {
    return new InMemoryOrderRepository(() => this.rows, new Map());
  }

  async run<T>(work: (tx: SalesTransaction) => Promise<T>): Promise<T> {
    const writes: Rows = new Map();
    const events: OrderDomainEvent[] = [];
    const orders = new InMemoryOrderRepository(() => this.rows, writes);
    orders.beforeWrite = this.beforeWrite;
    const outbox: EventOutbox = {
      append: async (appended) => {
        events.push(...appended);
      },
    };
    const result = await work({ orders, outbox });
    for (const [id, row] of writes) this.rows.set(id, row);
    this.outboxEvents.push(...events);
    this.transactionsCommitted++;
    return result;
  }

  /** Commits an order directly, as another writer would (version 1 if new, else the next). */
  commit(order: Order): void {
    const version = (this.rows.get(order.id)?.version ?? 0) + 1;
    this.rows.set(order.id, { ...order.toSnapshot(), version });
  }

  /** Simulates another writer: bumps the stored version of an order outside any transaction. */
  touch(orderId: string): void {
    const row = this.rows.get(orderId);
    if (row) this.rows.set(orderId, { ...row, version: row.version + 1 });
  }

  version(orderId: string): number | null {
    return this.rows.get(orderId)?.version ?? null;
  }
}

export class FixedClock implements Clock {
  constructor(private instant: Date) {}
  now(): Date {
    return this.instant;
  }
  set(instant: Date): void {
    this.instant = instant;
  }
}
