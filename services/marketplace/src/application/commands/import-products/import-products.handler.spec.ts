import { FixedClock, InMemoryMarketplaceUnitOfWork } from '../../testing/in-memory-marketplace.test-double';
import { type OlistProductRow } from './import-products.command';
import { ImportProductsHandler } from './import-products.handler';

const NOW = new Date('2018-09-01T12:00:00Z');
const row = (overrides: Partial<OlistProductRow> = {}): OlistProductRow => ({
  product_id: '1e9e8ef04dbcff4541ed26657ea517e5',
  product_category_name: 'perfumaria',
  product_name_lenght: '40',
  product_description_lenght: '287',
  product_photos_qty: '1',
  product_weight_g: '225',
  product_length_cm: '16',
  product_height_cm: '10',
  product_width_cm: '14',
  ...overrides,
});
const source = (line: number) => ({ file: 'olist_products_dataset.csv', line });

describe('ImportProductsHandler', () => {
  let uow: InMemoryMarketplaceUnitOfWork;
  let handler: ImportProductsHandler;

  beforeEach(() => {
    uow = new InMemoryMarketplaceUnitOfWork();
    uow.translations.rows.set('perfumaria', 'perfumery');
    handler = new ImportProductsHandler(uow, new FixedClock(NOW));
  });

  it('lists new products with their translation, keeping empty figures null and a 0 weight 0', async () => {
    const result = await handler.execute({
      records: [
        { row: row() },
        {
          row: row({
            product_id: 'a41e356c76fab66334f36de622ecbd3a',
            product_category_name: '',
            product_name_lenght: '',
            product_description_lenght: ' ',
            product_photos_qty: null,
            product_weight_g: '0',
            product_length_cm: '17.0',
          }),
        },
      ],
    });
    expect(result).toEqual({ received: 2, listed: 2, updated: 0, unchanged: 0, rejected: [] });
    expect(uow.products.rows.get('1e9e8ef04dbcff4541ed26657ea517e5')?.categoryNameEnglish).toBe('perfumery');
    expect(uow.products.rows.get('a41e356c76fab66334f36de622ecbd3a')).toEqual(
      expect.objectContaining({
        categoryName: null,
        categoryNameEnglish: null,
        nameLength: null,
        descriptionLength: null,
        photosQty: null,
        weightG: 0,
        lengthCm: 17,
        anomalies: ['CATEGORY_MISSING', 'LISTING_DETAILS_MISSING', 'ZERO_WEIGHT'],
      }),
    );
    expect(uow.outbox.events.every((e) => e.type === 'ProductListed' && e.origin === 'import')).toBe(true);
  });

  it('is idempotent, and an existing id with other content is an update', async () => {
    await handler.execute({ records: [{ row: row() }] });
    expect(await handler.execute({ records: [{ row: row() }] })).toEqual(
      expect.objectContaining({ unchanged: 1, listed: 0, updated: 0 }),
    );
    const result = await handler.execute({ records: [{ row: row({ product_photos_qty: '4' }) }] });
    expect(result.updated).toBe(1);
    expect(uow.outbox.events.map((e) => e.type)).toEqual(['ProductListed', 'ProductUpdated']);
  });

  it('applies rows of the same id in file order within a batch', async () => {
    const result = await handler.execute({
      records: [{ row: row() }, { row: row() }, { row: row({ product_weight_g: '300' }) }],
    });
    expect(result).toEqual(expect.objectContaining({ listed: 1, unchanged: 1, updated: 1 }));
    expect(uow.products.rows.get('1e9e8ef04dbcff4541ed26657ea517e5')).toEqual(
      expect.objectContaining({ weightG: 300, version: 1 }),
    );
  });

  it('rejects bad rows naming the Olist column, while good rows go on', async () => {
    const result = await handler.execute({
      records: [
        { source: source(2), row: row({ product_id: '' }) },
        { source: source(3), row: row({ product_id: 'p3', product_weight_g: '12.5' }) },
        { source: source(4), row: row({ product_id: 'p4', product_name_lenght: '-1' }) },
        { source: source(5), row: row({ product_id: 'p5', product_category_name: 'Cama Mesa' }) },
        { source: source(6), row: row({ product_id: 'p6', product_photos_qty: '1e3' }) },
        { source: source(7), row: row({ product_id: 'p7' }) },
      ],
    });
    expect(result.listed).toBe(1);
    expect(result.rejected.map((r) => [r.source?.line, r.id, r.field, r.code])).toEqual([
      [2, '', 'product_id', 'missing-field'],
      [3, 'p3', 'product_weight_g', 'invalid-field'],
      [4, 'p4', 'product_name_lenght', 'invalid-field'],
      [5, 'p5', 'product_category_name', 'invalid-field'],
      [6, 'p6', 'product_photos_qty', 'invalid-field'],
    ]);
  });

  it('opens no transaction for a batch of bad rows only', async () => {
    await handler.execute({ records: [{ row: row({ product_id: '' }) }] });
    expect(uow.transactions).toBe(0);
  });

  it('refuses a figure beyond the safe integer range rather than round it', async () => {
    const result = await handler.execute({
      records: [{ source: source(2), row: row({ product_weight_g: '99999999999999999999' }) }],
    });
    expect(result.rejected.map((r) => r.field)).toEqual(['product_weight_g']);
  });
});
