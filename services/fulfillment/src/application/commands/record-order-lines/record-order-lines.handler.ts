import { OrderLinesConflictError } from '../../../domain/shipment/shipment.errors';
import { pendingOrder } from '../../../domain/pending-order/pending-order';
import { type ShipmentSnapshot } from '../../../domain/shipment/shipment.aggregate';
import { type UnitOfWork } from '../../ports/unit-of-work.port';
import { type RecordOrderLinesCommand } from './record-order-lines.command';

/**
 * - `added-to-shipment`: the shipment existed (e.g. imported first) and took the sellers' limits;
 * - `kept-pending`: no shipment yet; the details wait for the approval or the import;
 * - `unchanged`: the same placement again.
 */
export type RecordOrderLinesOutcome = 'added-to-shipment' | 'kept-pending' | 'unchanged';

export interface RecordOrderLinesResult {
  outcome: RecordOrderLinesOutcome;
  shipment: ShipmentSnapshot | null;
}

export class RecordOrderLinesHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async execute(command: RecordOrderLinesCommand): Promise<RecordOrderLinesResult> {
    const order = pendingOrder({ ...command, lines: command.lines });
    return this.unitOfWork.run(async (tx) => {
      const shipment = await tx.shipments.findByOrderId(order.orderId);
      if (shipment) {
        const change = shipment.recordOrderLines(order);
        if (change === 'unchanged') return { outcome: 'unchanged', shipment: shipment.toSnapshot() };
        await tx.shipments.save([shipment]);
        await tx.outbox.append(shipment.pullEvents());
        return { outcome: 'added-to-shipment', shipment: shipment.toSnapshot() };
      }
      const known = await tx.pendingOrders.find(order.orderId);
      if (known) {
        if (samePlacement(known, order)) return { outcome: 'unchanged', shipment: null };
        throw new OrderLinesConflictError(
          order.orderId,
          'the order was already placed with different details',
        );
      }
      await tx.pendingOrders.save(order);
      return { outcome: 'kept-pending', shipment: null };
    });
  }
}

function samePlacement(a: RecordOrderLinesCommand, b: RecordOrderLinesCommand): boolean {
  return (
    a.customerId === b.customerId &&
    a.imported === b.imported &&
    a.purchasedAt.getTime() === b.purchasedAt.getTime() &&
    a.lines.length === b.lines.length &&
    byLineNumber(a.lines).every((line, index) => {
      const other = byLineNumber(b.lines)[index]!;
      return (
        line.lineNumber === other.lineNumber &&
        line.sellerId === other.sellerId &&
        line.shippingLimitAt.getTime() === other.shippingLimitAt.getTime()
      );
    })
  );
}

function byLineNumber<T extends { lineNumber: number }>(lines: readonly T[]): T[] {
  return [...lines].sort((x, y) => x.lineNumber - y.lineNumber);
}
