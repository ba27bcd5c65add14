import {
  type CategoryTranslation,
  type ResolvedCategory,
  resolveCategory,
} from '../category-translation/category-translation.entity';
import { requireId } from '../shared/marketplace-domain-error';
import { type ProductAnomaly, productAnomalies } from './product-anomaly';
import { changedDetails, type ProductDetails, productDetails } from './product-details';
import { type MarketplaceOrigin, type ProductDomainEvent, type ProductUpdated } from './product.events';

/** The full state of a product, as events and read models carry it. */
export interface ProductState extends ProductDetails, ResolvedCategory {
  productId: string;
  anomalies: ProductAnomaly[];
}

/** The persisted form: the state plus the optimistic-concurrency version (0 before the first save). */
export interface ProductSnapshot extends ProductState {
  version: number;
}

/** The answer of an intent method: whether it changed the product or was an idempotent repeat. */
export type ProductChange = 'changed' | 'unchanged';

/**
 * A product of the catalogue, keyed by Olist's product id. Its English category name is resolved
 * from the translations when it is listed or updated, and again whenever its category's translation
 * changes (applyTranslation).
 */
export class Product {
  private events: ProductDomainEvent[] = [];

  private constructor(
    readonly productId: string,
    private details: ProductDetails,
    private category: ResolvedCategory,
    readonly version: number,
  ) {}

  /** A new product, with its category's translation (null when there is none or no category). */
  static list(
    productId: string,
    details: ProductDetails,
    translation: CategoryTranslation | null,
    occurredAt: Date,
    origin: MarketplaceOrigin = 'live',
  ): Product {
    const checked = productDetails(details);
    const product = new Product(
      requireId(productId, 'product_id'),
      checked,
      resolveCategory(checked.categoryName, translation),
      0,
    );
    product.events.push({ type: 'ProductListed', productId, occurredAt, origin, product: product.state });
    return product;
  }

  static restore(snapshot: ProductSnapshot): Product {
    const { productId, categoryNameEnglish, translationMissing, version, categoryName } = snapshot;
    return new Product(
      productId,
      {
        categoryName,
        nameLength: snapshot.nameLength,
        descriptionLength: snapshot.descriptionLength,
        photosQty: snapshot.photosQty,
        weightG: snapshot.weightG,
        lengthCm: snapshot.lengthCm,
        heightCm: snapshot.heightCm,
        widthCm: snapshot.widthCm,
      },
      { categoryName, categoryNameEnglish, translationMissing },
      version,
    );
  }

  get categoryName(): string | null {
    return this.details.categoryName;
  }

  get state(): ProductState {
    return {
      productId: this.productId,
      ...this.details,
      categoryNameEnglish: this.category.categoryNameEnglish,
      translationMissing: this.category.translationMissing,
      anomalies: productAnomalies(this.details),
    };
  }

  /**
   * Replaces the details (with the translation of the new category). The same details and English
   * name again change nothing; otherwise ProductUpdated names what changed.
   */
  update(
    details: ProductDetails,
    translation: CategoryTranslation | null,
    occurredAt: Date,
    origin: MarketplaceOrigin = 'live',
  ): ProductChange {
    const checked = productDetails(details);
    const category = resolveCategory(checked.categoryName, translation);
    const changed: ProductUpdated['changedFields'][number][] = [
      ...changedDetails(this.details, checked),
      ...this.categoryChanges(category),
    ];
    if (changed.length === 0) return 'unchanged';
    this.details = checked;
    this.category = category;
    this.recordUpdated(changed, occurredAt, origin);
    return 'changed';
  }

  /**
   * Re-resolves the English name after its category's translation was added or changed (or removed:
   * null). Nothing happens when the name stays the same.
   */
  applyTranslation(
    translation: CategoryTranslation | null,
    occurredAt: Date,
    origin: MarketplaceOrigin = 'live',
  ): ProductChange {
    const category = resolveCategory(this.details.categoryName, translation);
    const changed = this.categoryChanges(category);
    if (changed.length === 0) return 'unchanged';
    this.category = category;
    this.recordUpdated(changed, occurredAt, origin);
    return 'changed';
  }

  pullEvents(): ProductDomainEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  get hasChanges(): boolean {
    return this.events.length > 0;
  }

  toSnapshot(): ProductSnapshot {
    return { ...this.state, version: this.version };
  }

  private categoryChanges(category: ResolvedCategory): ('categoryNameEnglish' | 'translationMissing')[] {
    const changes: ('categoryNameEnglish' | 'translationMissing')[] = [];
    if (category.categoryNameEnglish !== this.category.categoryNameEnglish)
      changes.push('categoryNameEnglish');
    if (category.translationMissing !== this.category.translationMissing) changes.push('translationMissing');
    return changes;
  }

  private recordUpdated(
    changedFields: ProductUpdated['changedFields'],
    occurredAt: Date,
    origin: MarketplaceOrigin,
  ): void {
    this.events.push({
      type: 'ProductUpdated',
      productId: this.productId,
      occurredAt,
      origin,
      product: this.state,
      changedFields,
    });
  }
}
