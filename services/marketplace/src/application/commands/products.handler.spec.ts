import { InvalidFieldError } from '../../domain/shared/marketplace-domain-error';
import { type ProductDetails } from '../../domain/product/product-details';
import { ProductNotFoundError } from '../shared/application.errors';
import { FixedClock, InMemoryMarketplaceUnitOfWork } from '../testing/in-memory-marketplace.test-double';
import { ListProductHandler } from './list-product/list-product.handler';
import { UpdateProductHandler } from './update-product/update-product.handler';

const NOW = new Date('2018-09-01T12:00:00Z');
const ID = '1e9e8ef04dbcff4541ed26657ea517e5';
const details: ProductDetails = {
  categoryName: 'perfumaria',
  nameLength: 40,
  descriptionLength: 287,
  photosQty: 1,
  weightG: 225,
  lengthCm: 16,
  heightCm: 10,
  widthCm: 14,
};

describe('list-product and update-product', () => {
  let uow: InMemoryMarketplaceUnitOfWork;
  let list: ListProductHandler;
  let update: UpdateProductHandler;

  beforeEach(() => {
    uow = new InMemoryMarketplaceUnitOfWork();
    uow.translations.rows.set('perfumaria', 'perfumery');
    list = new ListProductHandler(uow, new FixedClock(NOW));
    update = new UpdateProductHandler(uow, new FixedClock(NOW));
  });

  it('lists a new product with its English category and records ProductListed', async () => {
    const result = await list.execute({ productId: ID, ...details });
    expect(result.outcome).toBe('listed');
    expect(result.product).toEqual(
      expect.objectContaining({ categoryNameEnglish: 'perfumery', translationMissing: false }),
    );
    expect(uow.outbox.events).toEqual([
      expect.objectContaining({ type: 'ProductListed', productId: ID, occurredAt: NOW, origin: 'live' }),
    ]);
    expect(uow.products.rows.get(ID)?.version).toBe(1);
  });

  it('upserts: the same details are a no-op, other details an update', async () => {
    await list.execute({ productId: ID, ...details });
    expect((await list.execute({ productId: ID, ...details })).outcome).toBe('unchanged');
    expect(uow.outbox.events).toHaveLength(1);
    const changed = await list.execute({ productId: ID, ...details, photosQty: 3 });
    expect(changed.outcome).toBe('updated');
    expect(uow.outbox.events.at(-1)).toEqual(
      expect.objectContaining({ type: 'ProductUpdated', changedFields: ['photosQty'] }),
    );
    expect(uow.products.rows.get(ID)?.version).toBe(2);
  });

  it('lists a category without translation with the fallback name', async () => {
    const result = await list.execute({ productId: ID, ...details, categoryName: 'pc_gamer' });
    expect(result.product).toEqual(
      expect.objectContaining({ categoryNameEnglish: 'pc_gamer', translationMissing: true }),
    );
  });

  it('refuses bad details before opening a transaction', async () => {
    await expect(list.execute({ productId: ID, ...details, weightG: -5 })).rejects.toBeInstanceOf(
      InvalidFieldError,
    );
    expect(uow.transactions).toBe(0);
  });

  it('updates only the fields given; null clears a figure; same values are a no-op', async () => {
    await list.execute({ productId: ID, ...details });
    const result = await update.execute({ productId: ID, changes: { weightG: null, categoryName: null } });
    expect(result.outcome).toBe('updated');
    expect(result.product).toEqual(
      expect.objectContaining({ weightG: null, categoryName: null, categoryNameEnglish: null, lengthCm: 16 }),
    );
    expect((await update.execute({ productId: ID, changes: { lengthCm: 16 } })).outcome).toBe('unchanged');
    const back = await update.execute({ productId: ID, changes: { categoryName: 'perfumaria' } });
    expect(back.product.categoryNameEnglish).toBe('perfumery');
  });

  it('refuses to update a product never listed, and rolls back a refused change', async () => {
    await expect(update.execute({ productId: 'nope', changes: {} })).rejects.toBeInstanceOf(
      ProductNotFoundError,
    );
    await list.execute({ productId: ID, ...details });
    await expect(update.execute({ productId: ID, changes: { photosQty: 1.5 } })).rejects.toMatchObject({
      field: 'photos_qty',
    });
    expect(uow.products.rows.get(ID)?.photosQty).toBe(1);
  });
});
