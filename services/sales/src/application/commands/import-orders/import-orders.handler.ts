import { Order } from '../../../domain/order/order.aggregate';
import { type OrderDomainEvent } from '../../../domain/order/order.events';
import { SalesDomainError } from '../../../domain/shared/domain-error';
import { OrderConflictError } from '../../application.errors';
import { type SalesUnitOfWork } from '../../ports/unit-of-work.port';
import { retryOnConcurrencyConflict } from '../shared/retry-on-concurrency-conflict';
import { type ImportOrdersCommand } from './import-orders.command';

/** Why one record of the batch was not imported. */
export interface OrderImportRejection {
  /** Position of the record in `records` (the adapter maps it back to file and line). */
  index: number;
  orderId: string | null;
  /** The error code: `unknown-order-status`, `negative-money`, `order-conflict`, ... */
  code: string;
  /** The Olist column at fault, when one is. */
  field: string | null;
  reason: string;
}

export interface ImportOrdersResult {
  /** Ids of the orders written by this batch. */
  imported: string[];
  /** Ids of records that repeat an order already stored (or earlier in the batch) with the same facts. */
  unchanged: string[];
  rejected: OrderImportRejection[];
}

/**
 * Imports Olist's historical orders in bulk. Each record is judged on its own: invalid data and
 * conflicts (an existing order id with different facts) are rejected with a reason while the good
 * records go on. Idempotent: a record already imported is reported unchanged and writes nothing.
 * The new orders and all their events are written in one transaction.
 */
/** A batch judged record by record and built into aggregates and events, not written yet. */
export interface PreparedOrderImport {
  readonly rejected: readonly OrderImportRejection[];
  readonly unchanged: readonly string[];
  readonly candidates: ReadonlyMap<string, Order>;
  readonly firstIndex: ReadonlyMap<string, number>;
  readonly events: ReadonlyMap<string, OrderDomainEvent[]>;
}

export class ImportOrdersHandler {
  constructor(private readonly uow: SalesUnitOfWork) {}

  async execute(command: ImportOrdersCommand): Promise<ImportOrdersResult> {
    return this.commit(this.prepare(command));
  }

  /**
   * The CPU half of execute, without the database: an adapter may prepare the next batch while
   * the previous one's transaction runs (one transaction at a time, so batches still commit in order).
   */
  prepare(command: ImportOrdersCommand): PreparedOrderImport {
    const rejected: OrderImportRejection[] = [];
    const unchanged: string[] = [];
    const candidates = new Map<string, Order>();
    const firstIndex = new Map<string, number>();
    const events = new Map<string, OrderDomainEvent[]>();
    command.records.forEach((record, index) => {
      let order: Order;
      try {
        order = Order.importHistorical(record);
      } catch (error) {
        if (!(error instanceof SalesDomainError)) throw error;
        rejected.push({
          index,
          orderId:
            typeof record?.order_id === 'string' && record.order_id.trim() !== ''
              ? record.order_id.trim()
              : null,
          code: error.code,
          field: error.field ?? null,
          reason: error.message,
        });
        return;
      }
      const earlier = candidates.get(order.id);
      if (!earlier) {
        candidates.set(order.id, order);
        firstIndex.set(order.id, index);
        events.set(order.id, order.pullDomainEvents());
      } else if (earlier.hasSameFactsAs(order)) unchanged.push(order.id);
      else rejected.push(conflict(index, order.id));
    });
    return { rejected, unchanged, candidates, firstIndex, events };
  }

  /** Writes a prepared batch in one transaction: the orders not stored yet and all their events. */
  commit(prepared: PreparedOrderImport): Promise<ImportOrdersResult> {
    const { rejected, unchanged, candidates, firstIndex, events } = prepared;
    return retryOnConcurrencyConflict(() =>
      this.uow.run(async ({ orders, outbox }) => {
        const existing = new Map(
          (await orders.findByIds([...candidates.keys()])).map((order) => [order.id, order]),
        );
        const fresh: Order[] = [];
        const stored: string[] = [];
        const conflicts: OrderImportRejection[] = [];
        for (const order of candidates.values()) {
          const known = existing.get(order.id);
          if (!known) fresh.push(order);
          else if (known.hasSameFactsAs(order)) stored.push(order.id);
          else conflicts.push(conflict(firstIndex.get(order.id)!, order.id));
        }
        if (fresh.length > 0) {
          await orders.saveMany(fresh);
          await outbox.append(fresh.flatMap((order) => events.get(order.id)!));
        }
        return {
          imported: fresh.map((order) => order.id),
          unchanged: [...unchanged, ...stored],
          rejected: [...rejected, ...conflicts].sort((a, b) => a.index - b.index),
        };
      }),
    );
  }
}

function conflict(index: number, orderId: string): OrderImportRejection {
  const error = new OrderConflictError(orderId);
  return { index, orderId, code: error.code, field: 'order_id', reason: error.message };
}
