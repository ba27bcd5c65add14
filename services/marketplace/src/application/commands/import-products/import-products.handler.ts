import { type CategoryTranslation } from '../../../domain/category-translation/category-translation.entity';
import { Product } from '../../../domain/product/product.aggregate';
import { type ProductDetails } from '../../../domain/product/product-details';
import { type Clock } from '../../ports/clock.port';
import { type MarketplaceUnitOfWork } from '../../ports/unit-of-work.port';
import { type ImportReject, type RecordSource, rejectOf } from '../../shared/import-reject';
import { type ImportProductsCommand } from './import-products.command';
import { PRODUCT_COLUMNS, parseOlistProductRow } from './olist-product-row.parser';

export interface ImportProductsResult {
  received: number;
  listed: number;
  updated: number;
  unchanged: number;
  rejected: ImportReject[];
}

/**
 * Imports a batch of Olist's products file in one unit of work, with the same upsert semantics as the
 * live list-product: a new id is listed, a known id with the same details is a no-op, and a known id
 * with other details is an UPDATE (ProductUpdated), not a conflict — the catalogue file is the
 * sellers' latest word on their products, so loading a newer copy must bring the catalogue up to date.
 * Rows of the same id later in the batch apply in file order.
 */
export class ImportProductsHandler {
  constructor(
    private readonly unitOfWork: MarketplaceUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: ImportProductsCommand): Promise<ImportProductsResult> {
    const result: ImportProductsResult = {
      received: command.records.length,
      listed: 0,
      updated: 0,
      unchanged: 0,
      rejected: [],
    };
    const parsed: { source: RecordSource | null; productId: string; details: ProductDetails }[] = [];
    for (const record of command.records) {
      const source = record.source ?? null;
      try {
        parsed.push({ source, ...parseOlistProductRow(record.row) });
      } catch (error) {
        result.rejected.push(rejectOf(source, record.row?.product_id ?? null, error, PRODUCT_COLUMNS));
      }
    }
    if (parsed.length === 0) return result;

    await this.unitOfWork.run(async (tx) => {
      const categories = [
        ...new Set(parsed.flatMap((p) => (p.details.categoryName ? [p.details.categoryName] : []))),
      ];
      const translations = new Map<string, CategoryTranslation>(
        (await tx.translations.findMany(categories)).map((t) => [t.categoryName, t]),
      );
      const products = new Map(
        (await tx.products.findByIds([...new Set(parsed.map((p) => p.productId))])).map((p) => [
          p.productId,
          p,
        ]),
      );
      const changed = new Set<Product>();
      const now = this.clock.now();
      for (const { source, productId, details } of parsed) {
        const translation =
          details.categoryName === null ? null : (translations.get(details.categoryName) ?? null);
        try {
          const existing = products.get(productId);
          if (!existing) {
            const product = Product.list(productId, details, translation, now, 'import');
            products.set(productId, product);
            changed.add(product);
            result.listed += 1;
          } else if (existing.update(details, translation, now, 'import') === 'changed') {
            changed.add(existing);
            result.updated += 1;
          } else {
            result.unchanged += 1;
          }
        } catch (error) {
          result.rejected.push(rejectOf(source, productId, error, PRODUCT_COLUMNS));
        }
      }
      if (changed.size === 0) return;
      await tx.products.save([...changed]);
      await tx.outbox.append([...changed].flatMap((product) => product.pullEvents()));
    });
    return result;
  }
}
