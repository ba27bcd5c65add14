import { type CategoryTranslation } from '../../../domain/category-translation/category-translation.entity';
import { type CategoryTranslationUpserted } from '../../../domain/category-translation/category-translation.events';
import { type MarketplaceOrigin } from '../../../domain/product/product.events';
import { type Product } from '../../../domain/product/product.aggregate';
import { type MarketplaceTransaction } from '../../ports/unit-of-work.port';

export type TranslationOutcome = 'added' | 'changed' | 'unchanged';

export interface AppliedTranslations {
  /** One per translation given, in order. */
  outcomes: TranslationOutcome[];
  /** The products whose English category name changed (each recorded a ProductUpdated). */
  updatedProductIds: string[];
}

/**
 * Saves new and changed translations (the same English name again is a no-op) and re-emits the
 * English name of every product of each added or changed category through ProductUpdated, in the
 * caller's transaction. Of several translations of one category, the last wins.
 */
export async function applyTranslations(
  tx: MarketplaceTransaction,
  translations: readonly CategoryTranslation[],
  now: Date,
  origin: MarketplaceOrigin,
): Promise<AppliedTranslations> {
  const known = new Map(
    (await tx.translations.findMany([...new Set(translations.map((t) => t.categoryName))])).map((t) => [
      t.categoryName,
      t,
    ]),
  );
  const outcomes: TranslationOutcome[] = [];
  const changed = new Map<string, CategoryTranslation>();
  const events: CategoryTranslationUpserted[] = [];
  for (const translation of translations) {
    const previous = known.get(translation.categoryName);
    if (previous?.equals(translation)) {
      outcomes.push('unchanged');
      continue;
    }
    outcomes.push(previous ? 'changed' : 'added');
    known.set(translation.categoryName, translation);
    changed.set(translation.categoryName, translation);
    events.push({
      type: 'CategoryTranslationUpserted',
      categoryName: translation.categoryName,
      englishName: translation.englishName,
      previousEnglishName: previous?.englishName ?? null,
      occurredAt: now,
    });
  }
  if (changed.size === 0) return { outcomes, updatedProductIds: [] };

  await tx.translations.save([...changed.values()]);
  await tx.outbox.append(events);
  const updated: Product[] = [];
  for (const translation of changed.values()) {
    for (const product of await tx.products.findByCategory(translation.categoryName)) {
      if (product.applyTranslation(translation, now, origin) === 'changed') updated.push(product);
    }
  }
  if (updated.length > 0) {
    await tx.products.save(updated);
    await tx.outbox.append(updated.flatMap((product) => product.pullEvents()));
  }
  return { outcomes, updatedProductIds: updated.map((product) => product.productId) };
}
