import { FulfillmentDomainError } from '../../../domain/shared/fulfillment-domain-error';
import {
  diffImportedFacts,
  type ImportedShipmentFacts,
} from '../../../domain/shipment/imported-shipment-facts';
import { Shipment } from '../../../domain/shipment/shipment.aggregate';
import { ImportedFactsConflictError } from '../../../domain/shipment/shipment.errors';
import { type UnitOfWork } from '../../ports/unit-of-work.port';
import { type ImportShipmentsCommand, type RecordSource } from './import-shipments.command';
import { parseOlistOrderRow } from './olist-order-row.parser';

/** A record that was not taken, with the reason; the rest of the batch goes on. */
export interface ImportReject {
  source: RecordSource | null;
  orderId: string | null;
  /** The Olist column at fault, when one is. */
  field: string | null;
  code: string;
  reason: string;
}

export interface ImportShipmentsResult {
  received: number;
  /** New shipments opened from their history. */
  created: number;
  /** Existing shipments (opened live) completed with the history. */
  merged: number;
  /** Records already imported with the same facts (or repeated in the batch). */
  unchanged: number;
  rejected: ImportReject[];
}

interface Accepted {
  source: RecordSource | null;
  facts: ImportedShipmentFacts;
}

/**
 * Imports a batch of Olist's orders file as shipment histories, in one unit of work. Idempotent: a
 * record imported again with the same facts changes nothing; the same order with different facts is
 * rejected as a conflict (`import-conflict`), as is a second, different record of an order within the
 * batch. An order whose placement reached fulfillment first gets its sellers' limits from it; an
 * order approved live first is merged (see Shipment.mergeImportedFacts).
 */
export class ImportShipmentsHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async execute(command: ImportShipmentsCommand): Promise<ImportShipmentsResult> {
    const result: ImportShipmentsResult = {
      received: command.records.length,
      created: 0,
      merged: 0,
      unchanged: 0,
      rejected: [],
    };
    const accepted = new Map<string, Accepted>();
    for (const record of command.records) {
      const source = record.source ?? null;
      let facts: ImportedShipmentFacts;
      try {
        facts = parseOlistOrderRow(record.row);
      } catch (error) {
        result.rejected.push(rejectOf(source, record.row?.order_id ?? null, error));
        continue;
      }
      const earlier = accepted.get(facts.orderId);
      if (!earlier) {
        accepted.set(facts.orderId, { source, facts });
        continue;
      }
      const differences = diffImportedFacts(earlier.facts, facts);
      if (differences.length === 0) result.unchanged += 1;
      else
        result.rejected.push(
          rejectOf(source, facts.orderId, new ImportedFactsConflictError(facts.orderId, differences)),
        );
    }
    if (accepted.size === 0) return result;

    await this.unitOfWork.run(async (tx) => {
      const orderIds = [...accepted.keys()];
      const existing = new Map((await tx.shipments.findByOrderIds(orderIds)).map((s) => [s.orderId, s]));
      const pending = new Map((await tx.pendingOrders.findMany(orderIds)).map((o) => [o.orderId, o]));
      const changed: Shipment[] = [];
      const placedTaken: string[] = [];
      for (const [orderId, { source, facts }] of accepted) {
        try {
          const shipment = existing.get(orderId);
          if (shipment) {
            if (shipment.mergeImportedFacts(facts) === 'unchanged') {
              result.unchanged += 1;
              continue;
            }
            result.merged += 1;
            changed.push(shipment);
          } else {
            const order = pending.get(orderId) ?? null;
            changed.push(Shipment.importHistory(facts, order));
            if (order) placedTaken.push(orderId);
            result.created += 1;
          }
        } catch (error) {
          result.rejected.push(rejectOf(source, orderId, error));
        }
      }
      if (changed.length === 0) return;
      await tx.shipments.save(changed);
      await tx.outbox.append(changed.flatMap((shipment) => shipment.pullEvents()));
      if (placedTaken.length > 0) await tx.pendingOrders.delete(placedTaken);
    });
    return result;
  }
}

function rejectOf(source: RecordSource | null, orderId: string | null, error: unknown): ImportReject {
  if (error instanceof FulfillmentDomainError) {
    return { source, orderId, field: error.field ?? null, code: error.code, reason: error.message };
  }
  // Anything else is a defect or an infrastructure failure: it must fail the batch, not hide in a report.
  throw error;
}
