import { CategoryTranslation, resolveCategory } from '../category-translation/category-translation.entity';
import { InvalidFieldError, MissingFieldError } from '../shared/marketplace-domain-error';
import { Product } from './product.aggregate';
import { type ProductDetails } from './product-details';

const AT = new Date('2018-01-01T12:00:00Z');
const ID = '1e9e8ef04dbcff4541ed26657ea517e5';
const perfumery = CategoryTranslation.of('perfumaria', 'perfumery');
const details = (overrides: Partial<ProductDetails> = {}): ProductDetails => ({
  categoryName: 'perfumaria',
  nameLength: 40,
  descriptionLength: 287,
  photosQty: 1,
  weightG: 225,
  lengthCm: 16,
  heightCm: 10,
  widthCm: 14,
  ...overrides,
});

describe('Product.list', () => {
  it('lists the product with its English category and records ProductListed with the full state', () => {
    const product = Product.list(ID, details(), perfumery, AT);
    expect(product.state).toEqual({
      productId: ID,
      ...details(),
      categoryNameEnglish: 'perfumery',
      translationMissing: false,
      anomalies: [],
    });
    expect(product.pullEvents()).toEqual([
      { type: 'ProductListed', productId: ID, occurredAt: AT, origin: 'live', product: product.state },
    ]);
    expect(product.hasChanges).toBe(false);
  });

  it('falls back to the Portuguese name, flagged, when the category has no translation', () => {
    const product = Product.list(ID, details({ categoryName: 'pc_gamer' }), null, AT, 'import');
    expect(product.state).toEqual(
      expect.objectContaining({
        categoryName: 'pc_gamer',
        categoryNameEnglish: 'pc_gamer',
        translationMissing: true,
      }),
    );
  });

  it('keeps a product without category: no English name, no translation flag', () => {
    const product = Product.list(
      ID,
      details({ categoryName: null, nameLength: null, descriptionLength: null, photosQty: null }),
      null,
      AT,
    );
    expect(product.state).toEqual(
      expect.objectContaining({
        categoryName: null,
        categoryNameEnglish: null,
        translationMissing: false,
        nameLength: null,
        anomalies: ['CATEGORY_MISSING', 'LISTING_DETAILS_MISSING'],
      }),
    );
  });

  it('keeps missing measures null and a real 0 weight as 0, flagged', () => {
    const missing = Product.list(ID, details({ weightG: null, lengthCm: null }), perfumery, AT);
    expect(missing.state).toEqual(
      expect.objectContaining({ weightG: null, lengthCm: null, anomalies: ['MEASURES_MISSING'] }),
    );
    const zero = Product.list(ID, details({ weightG: 0, heightCm: 0 }), perfumery, AT);
    expect(zero.state).toEqual(
      expect.objectContaining({ weightG: 0, heightCm: 0, anomalies: ['ZERO_WEIGHT', 'ZERO_DIMENSION'] }),
    );
  });

  it('refuses negative or fractional figures and a bad category, naming the field', () => {
    const fieldOf = (d: ProductDetails) => {
      try {
        Product.list(ID, d, null, AT);
      } catch (error) {
        return (error as InvalidFieldError).field;
      }
      return null;
    };
    expect(fieldOf(details({ weightG: -1 }))).toBe('weight_g');
    expect(fieldOf(details({ photosQty: 1.5 }))).toBe('photos_qty');
    expect(fieldOf(details({ categoryName: 'Cama Mesa' }))).toBe('category_name');
    expect(fieldOf(details({ categoryName: '' }))).toBe('category_name');
    expect(() => Product.list('', details(), null, AT)).toThrow(MissingFieldError);
  });
});

describe('Product.update', () => {
  it('is a no-op for the same details', () => {
    const product = Product.list(ID, details(), perfumery, AT);
    product.pullEvents();
    expect(product.update(details(), perfumery, AT)).toBe('unchanged');
    expect(product.pullEvents()).toEqual([]);
  });

  it('records ProductUpdated with the full new state and what changed', () => {
    const product = Product.list(ID, details(), perfumery, AT);
    product.pullEvents();
    expect(product.update(details({ photosQty: 5, weightG: null }), perfumery, AT, 'import')).toBe('changed');
    expect(product.pullEvents()).toEqual([
      {
        type: 'ProductUpdated',
        productId: ID,
        occurredAt: AT,
        origin: 'import',
        product: expect.objectContaining({ photosQty: 5, weightG: null }),
        changedFields: ['photosQty', 'weightG'],
      },
    ]);
  });

  it('resolves the new category’s translation on a change of category', () => {
    const product = Product.list(ID, details(), perfumery, AT);
    product.pullEvents();
    product.update(details({ categoryName: 'pc_gamer' }), null, AT);
    expect(product.categoryName).toBe('pc_gamer');
    expect(product.pullEvents()[0]).toEqual(
      expect.objectContaining({
        changedFields: ['categoryName', 'categoryNameEnglish', 'translationMissing'],
      }),
    );
  });
});

describe('Product.applyTranslation', () => {
  it('re-emits the English name when its translation arrives or changes, and only then', () => {
    const product = Product.list(ID, details({ categoryName: 'pc_gamer' }), null, AT);
    product.pullEvents();
    const translation = CategoryTranslation.of('pc_gamer', 'pc_gamer_en');
    expect(product.applyTranslation(translation, AT)).toBe('changed');
    expect(product.pullEvents()).toEqual([
      expect.objectContaining({
        type: 'ProductUpdated',
        changedFields: ['categoryNameEnglish', 'translationMissing'],
        product: expect.objectContaining({ categoryNameEnglish: 'pc_gamer_en', translationMissing: false }),
      }),
    ]);
    expect(product.applyTranslation(translation, AT)).toBe('unchanged');
    expect(product.applyTranslation(CategoryTranslation.of('pc_gamer', 'gaming_pc'), AT)).toBe('changed');
    expect(product.pullEvents()[0]).toEqual(
      expect.objectContaining({ changedFields: ['categoryNameEnglish'] }),
    );
  });
});

describe('Product snapshots', () => {
  it('restores what it saved', () => {
    const product = Product.list(ID, details({ categoryName: 'pc_gamer', weightG: 0 }), null, AT);
    const restored = Product.restore({ ...product.toSnapshot(), version: 4 });
    expect(restored.version).toBe(4);
    expect(restored.state).toEqual(product.state);
    expect(restored.update(details({ categoryName: 'pc_gamer', weightG: 0 }), null, AT)).toBe('unchanged');
  });
});

describe('CategoryTranslation', () => {
  it('is snake_case on both sides and compares by value', () => {
    expect(CategoryTranslation.of(' cama_mesa_banho ', 'bed_bath_table').categoryName).toBe(
      'cama_mesa_banho',
    );
    expect(CategoryTranslation.of('a', 'b').equals(CategoryTranslation.of('a', 'b'))).toBe(true);
    expect(CategoryTranslation.of('a', 'b').equals(CategoryTranslation.of('a', 'c'))).toBe(false);
    expect(() => CategoryTranslation.of('a', 'Bed Bath')).toThrow(InvalidFieldError);
    expect(() => CategoryTranslation.of('a', 'x'.repeat(101))).toThrow(InvalidFieldError);
  });

  it('resolves only a translation of the same category', () => {
    expect(resolveCategory('artes', CategoryTranslation.of('perfumaria', 'perfumery'))).toEqual({
      categoryName: 'artes',
      categoryNameEnglish: 'artes',
      translationMissing: true,
    });
  });
});
