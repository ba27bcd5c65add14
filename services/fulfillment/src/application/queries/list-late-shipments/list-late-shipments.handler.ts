import { type ShipmentSnapshot } from '../../../domain/shipment/shipment.aggregate';
import { type ShipmentRepository } from '../../ports/shipment.repository.port';
import { InvalidCursorError } from '../../shared/application.errors';
import { decodeCursor, type Page, pageLimit, pageOf } from '../../shared/pagination';
import { type ListLateShipmentsQuery } from './list-late-shipments.query';

/** Shipments delivered after their promised date, in delivery order. */
export class ListLateShipmentsHandler {
  constructor(private readonly shipments: ShipmentRepository) {}

  async execute(query: ListLateShipmentsQuery): Promise<Page<ShipmentSnapshot>> {
    const limit = pageLimit(query.limit);
    let after = null;
    if (query.cursor != null) {
      after = decodeCursor(query.cursor, ['deliveredAt', 'orderId'] as const);
      if (Number.isNaN(Date.parse(after.deliveredAt))) throw new InvalidCursorError(query.cursor);
    }
    const rows = await this.shipments.findLate({
      deliveredFrom: query.deliveredFrom ?? null,
      deliveredTo: query.deliveredTo ?? null,
      after,
      limit: limit + 1,
    });
    return pageOf(
      rows,
      limit,
      (row) => ({ deliveredAt: row.deliveredAt!.toISOString(), orderId: row.orderId }),
      (row) => row,
    );
  }
}
