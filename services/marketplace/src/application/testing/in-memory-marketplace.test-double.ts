// In-memory adapters of the marketplace ports, for unit tests of the use cases. They keep the ports'
// documented semantics (version checks, ordering, filters, rollback).
import { CategoryTranslation } from '../../domain/category-translation/category-translation.entity';
import { type MarketplaceDomainEvent } from '../../domain/marketplace.events';
import { Product, type ProductSnapshot } from '../../domain/product/product.aggregate';
import { Seller, type SellerSnapshot } from '../../domain/seller/seller.aggregate';
import { type CategoryTranslationRepository } from '../ports/category-translation.repository.port';
import { type Clock } from '../ports/clock.port';
import { type MarketplaceEventOutbox } from '../ports/marketplace-event.outbox.port';
import { type ProductListCriteria, type ProductRepository } from '../ports/product.repository.port';
import { type SellerListCriteria, type SellerRepository } from '../ports/seller.repository.port';
import { type MarketplaceTransaction, type MarketplaceUnitOfWork } from '../ports/unit-of-work.port';
import { ConcurrentModificationError } from '../shared/application.errors';

export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
}

function checkVersion(stored: { version: number } | undefined, version: number, id: string): void {
  if ((stored?.version ?? 0) !== version) throw new ConcurrentModificationError(id);
}

export class InMemoryProductRepository implements ProductRepository {
  rows = new Map<string, ProductSnapshot>();

  async findById(productId: string): Promise<Product | null> {
    const row = this.rows.get(productId);
    return row ? Product.restore(structuredClone(row)) : null;
  }

  async findByIds(productIds: readonly string[]): Promise<Product[]> {
    return productIds.flatMap((id) => {
      const row = this.rows.get(id);
      return row ? [Product.restore(structuredClone(row))] : [];
    });
  }

  async findByCategory(categoryName: string): Promise<Product[]> {
    return [...this.rows.values()]
      .filter((row) => row.categoryName === categoryName)
      .map((row) => Product.restore(structuredClone(row)));
  }

  async save(products: readonly Product[]): Promise<void> {
    for (const product of products) {
      checkVersion(this.rows.get(product.productId), product.version, product.productId);
      this.rows.set(product.productId, { ...product.toSnapshot(), version: product.version + 1 });
    }
  }

  async list(criteria: ProductListCriteria): Promise<ProductSnapshot[]> {
    return [...this.rows.values()]
      .filter((row) => criteria.categoryName === undefined || row.categoryName === criteria.categoryName)
      .filter((row) => criteria.afterProductId === null || row.productId > criteria.afterProductId)
      .sort((a, b) => (a.productId < b.productId ? -1 : 1))
      .slice(0, criteria.limit)
      .map((row) => structuredClone(row));
  }
}

export class InMemorySellerRepository implements SellerRepository {
  rows = new Map<string, SellerSnapshot>();

  async findById(sellerId: string): Promise<Seller | null> {
    const row = this.rows.get(sellerId);
    return row ? Seller.restore(structuredClone(row)) : null;
  }

  async findByIds(sellerIds: readonly string[]): Promise<Seller[]> {
    return sellerIds.flatMap((id) => {
      const row = this.rows.get(id);
      return row ? [Seller.restore(structuredClone(row))] : [];
    });
  }

  async save(sellers: readonly Seller[]): Promise<void> {
    for (const seller of sellers) {
      checkVersion(this.rows.get(seller.sellerId), seller.version, seller.sellerId);
      this.rows.set(seller.sellerId, { ...seller.toSnapshot(), version: seller.version + 1 });
    }
  }

  async list(criteria: SellerListCriteria): Promise<SellerSnapshot[]> {
    return [...this.rows.values()]
      .filter((row) => criteria.state === undefined || row.state === criteria.state)
      .filter((row) => criteria.afterSellerId === null || row.sellerId > criteria.afterSellerId)
      .sort((a, b) => (a.sellerId < b.sellerId ? -1 : 1))
      .slice(0, criteria.limit)
      .map((row) => structuredClone(row));
  }
}

export class InMemoryCategoryTranslationRepository implements CategoryTranslationRepository {
  rows = new Map<string, string>();

  async find(categoryName: string): Promise<CategoryTranslation | null> {
    const english = this.rows.get(categoryName);
    return english === undefined ? null : CategoryTranslation.of(categoryName, english);
  }

  async findMany(categoryNames: readonly string[]): Promise<CategoryTranslation[]> {
    return categoryNames.flatMap((name) => {
      const english = this.rows.get(name);
      return english === undefined ? [] : [CategoryTranslation.of(name, english)];
    });
  }

  async findAll(): Promise<CategoryTranslation[]> {
    return [...this.rows.keys()].sort().map((name) => CategoryTranslation.of(name, this.rows.get(name)!));
  }

  async save(translations: readonly CategoryTranslation[]): Promise<void> {
    for (const translation of translations) this.rows.set(translation.categoryName, translation.englishName);
  }
}

export class RecordingOutbox implements MarketplaceEventOutbox {
  events: MarketplaceDomainEvent[] = [];

  async append(events: readonly MarketplaceDomainEvent[]): Promise<void> {
    this.events.push(...events);
  }

  ofType<T extends MarketplaceDomainEvent['type']>(type: T): Extract<MarketplaceDomainEvent, { type: T }>[] {
    return this.events.filter(
      (event): event is Extract<MarketplaceDomainEvent, { type: T }> => event.type === type,
    );
  }
}

/** One "database": a transaction works on it and is undone when the work throws. */
export class InMemoryMarketplaceUnitOfWork implements MarketplaceUnitOfWork {
  readonly products = new InMemoryProductRepository();
  readonly sellers = new InMemorySellerRepository();
  readonly translations = new InMemoryCategoryTranslationRepository();
  readonly outbox = new RecordingOutbox();
  transactions = 0;

  async run<T>(work: (tx: MarketplaceTransaction) => Promise<T>): Promise<T> {
    this.transactions += 1;
    // Rows are replaced on save, never changed in place: copying the maps is enough to roll back.
    const saved = {
      products: new Map(this.products.rows),
      sellers: new Map(this.sellers.rows),
      translations: new Map(this.translations.rows),
      events: this.outbox.events.length,
    };
    try {
      return await work(this);
    } catch (error) {
      this.products.rows = saved.products;
      this.sellers.rows = saved.sellers;
      this.translations.rows = saved.translations;
      this.outbox.events.length = saved.events;
      throw error;
    }
  }
}
