import { Seller, sellerAddress, type SellerAddress } from '../../../domain/seller/seller.aggregate';
import { requireId } from '../../../domain/shared/marketplace-domain-error';
import { type Clock } from '../../ports/clock.port';
import { type MarketplaceUnitOfWork } from '../../ports/unit-of-work.port';
import { type ImportReject, type RecordSource, rejectOf } from '../../shared/import-reject';
import { type ImportSellersCommand } from './import-sellers.command';

/** The domain's field names → Olist's columns, for rejects. */
export const SELLER_COLUMNS: Readonly<Record<string, string>> = {
  seller_id: 'seller_id',
  zip_prefix: 'seller_zip_code_prefix',
  city: 'seller_city',
  state: 'seller_state',
};

export interface ImportSellersResult {
  received: number;
  onboarded: number;
  relocated: number;
  unchanged: number;
  rejected: ImportReject[];
}

/**
 * Imports a batch of Olist's sellers file in one unit of work. A new id is onboarded; a known id at the
 * same address is a no-op; a known id at another address is relocated (SellerRelocated), as for
 * products the file is the latest word. A zip prefix that lost its leading zeros is rejected.
 */
export class ImportSellersHandler {
  constructor(
    private readonly unitOfWork: MarketplaceUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: ImportSellersCommand): Promise<ImportSellersResult> {
    const result: ImportSellersResult = {
      received: command.records.length,
      onboarded: 0,
      relocated: 0,
      unchanged: 0,
      rejected: [],
    };
    const parsed: { source: RecordSource | null; sellerId: string; address: SellerAddress }[] = [];
    for (const record of command.records) {
      const source = record.source ?? null;
      const row = record.row;
      try {
        parsed.push({
          source,
          sellerId: requireId(row.seller_id?.trim(), 'seller_id'),
          address: sellerAddress({
            zipPrefix: row.seller_zip_code_prefix,
            city: row.seller_city,
            state: row.seller_state,
          }),
        });
      } catch (error) {
        result.rejected.push(rejectOf(source, row?.seller_id ?? null, error, SELLER_COLUMNS));
      }
    }
    if (parsed.length === 0) return result;

    await this.unitOfWork.run(async (tx) => {
      const sellers = new Map(
        (await tx.sellers.findByIds([...new Set(parsed.map((p) => p.sellerId))])).map((s) => [s.sellerId, s]),
      );
      const changed = new Set<Seller>();
      const now = this.clock.now();
      for (const { sellerId, address } of parsed) {
        const existing = sellers.get(sellerId);
        if (!existing) {
          const seller = Seller.onboard(sellerId, address, now, 'import');
          sellers.set(sellerId, seller);
          changed.add(seller);
          result.onboarded += 1;
        } else if (existing.relocate(address, now, 'import') === 'changed') {
          changed.add(existing);
          result.relocated += 1;
        } else {
          result.unchanged += 1;
        }
      }
      if (changed.size === 0) return;
      await tx.sellers.save([...changed]);
      await tx.outbox.append([...changed].flatMap((seller) => seller.pullEvents()));
    });
    return result;
  }
}
