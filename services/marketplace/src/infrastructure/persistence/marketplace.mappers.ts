import { CategoryTranslation } from '../../domain/category-translation/category-translation.entity';
import { PRODUCT_ANOMALIES, type ProductAnomaly } from '../../domain/product/product-anomaly';
import { type ProductSnapshot } from '../../domain/product/product.aggregate';
import { isBrazilianState } from '../../domain/seller/brazilian-state';
import { SELLER_ANOMALIES, type SellerAnomaly, type SellerSnapshot } from '../../domain/seller/seller.aggregate';
import { type CategoryTranslationOrmEntity } from './category-translation.orm-entity';
import { type ProductOrmEntity } from './product.orm-entity';
import { type SellerOrmEntity } from './seller.orm-entity';

/** A stored value the domain does not know: the database was changed behind the service's back. */
export class CorruptRowError extends Error {
  constructor(table: string, id: string, column: string, value: unknown) {
    super(`${table} ${id}: ${column} holds ${JSON.stringify(value)}, which the service does not know`);
    this.name = 'CorruptRowError';
  }
}

function flags<T extends string>(known: readonly T[], values: readonly string[], onUnknown: (value: string) => Error): T[] {
  return values.map((value) => {
    if (!(known as readonly string[]).includes(value)) throw onUnknown(value);
    return value as T;
  });
}

/** Product snapshot ⇄ `product` row. */
export const productMapper = {
  toRow(snapshot: ProductSnapshot): ProductOrmEntity {
    return {
      productId: snapshot.productId,
      categoryName: snapshot.categoryName,
      categoryNameEnglish: snapshot.categoryNameEnglish,
      translationMissing: snapshot.translationMissing,
      nameLength: snapshot.nameLength,
      descriptionLength: snapshot.descriptionLength,
      photosQty: snapshot.photosQty,
      weightG: snapshot.weightG,
      lengthCm: snapshot.lengthCm,
      heightCm: snapshot.heightCm,
      widthCm: snapshot.widthCm,
      anomalies: [...snapshot.anomalies],
      version: snapshot.version,
    };
  },

  toSnapshot(row: ProductOrmEntity): ProductSnapshot {
    return {
      productId: row.productId,
      categoryName: row.categoryName,
      categoryNameEnglish: row.categoryNameEnglish,
      translationMissing: row.translationMissing,
      nameLength: row.nameLength,
      descriptionLength: row.descriptionLength,
      photosQty: row.photosQty,
      weightG: row.weightG,
      lengthCm: row.lengthCm,
      heightCm: row.heightCm,
      widthCm: row.widthCm,
      anomalies: flags<ProductAnomaly>(
        PRODUCT_ANOMALIES,
        row.anomalies,
        (value) => new CorruptRowError('product', row.productId, 'anomalies', value),
      ),
      version: row.version,
    };
  },
};

/** Seller snapshot ⇄ `seller` row. */
export const sellerMapper = {
  toRow(snapshot: SellerSnapshot): SellerOrmEntity {
    return {
      sellerId: snapshot.sellerId,
      zipPrefix: snapshot.zipPrefix,
      city: snapshot.city,
      normalizedCity: snapshot.normalizedCity,
      cityIsNumeric: snapshot.cityIsNumeric,
      state: snapshot.state,
      anomalies: [...snapshot.anomalies],
      version: snapshot.version,
    };
  },

  toSnapshot(row: SellerOrmEntity): SellerSnapshot {
    if (!isBrazilianState(row.state)) throw new CorruptRowError('seller', row.sellerId, 'state', row.state);
    return {
      sellerId: row.sellerId,
      zipPrefix: row.zipPrefix,
      city: row.city,
      normalizedCity: row.normalizedCity,
      cityIsNumeric: row.cityIsNumeric,
      state: row.state,
      anomalies: flags<SellerAnomaly>(
        SELLER_ANOMALIES,
        row.anomalies,
        (value) => new CorruptRowError('seller', row.sellerId, 'anomalies', value),
      ),
      version: row.version,
    };
  },
};

/** CategoryTranslation ⇄ `category_translation` row. */
export const categoryTranslationMapper = {
  toRow(translation: CategoryTranslation): CategoryTranslationOrmEntity {
    return { categoryName: translation.categoryName, englishName: translation.englishName };
  },
  toDomain(row: CategoryTranslationOrmEntity): CategoryTranslation {
    return CategoryTranslation.of(row.categoryName, row.englishName);
  },
};
