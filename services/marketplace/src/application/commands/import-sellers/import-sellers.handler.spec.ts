import { FixedClock, InMemoryMarketplaceUnitOfWork } from '../../testing/in-memory-marketplace.test-double';
import { type OlistSellerRow } from './import-sellers.command';
import { ImportSellersHandler } from './import-sellers.handler';

const NOW = new Date('2018-09-01T12:00:00Z');
const row = (overrides: Partial<OlistSellerRow> = {}): OlistSellerRow => ({
  seller_id: 'c0f3eea2e14555b6faeea3dd58c1b1c3',
  seller_zip_code_prefix: '04195',
  seller_city: 'sao paulo',
  seller_state: 'SP',
  ...overrides,
});
const source = (line: number) => ({ file: 'olist_sellers_dataset.csv', line });

describe('ImportSellersHandler', () => {
  let uow: InMemoryMarketplaceUnitOfWork;
  let handler: ImportSellersHandler;

  beforeEach(() => {
    uow = new InMemoryMarketplaceUnitOfWork();
    handler = new ImportSellersHandler(uow, new FixedClock(NOW));
  });

  it('onboards, keeps leading zeros, is idempotent, and relocates on another address', async () => {
    expect(await handler.execute({ records: [{ row: row() }] })).toEqual({
      received: 1,
      onboarded: 1,
      relocated: 0,
      unchanged: 0,
      rejected: [],
    });
    expect(uow.sellers.rows.get('c0f3eea2e14555b6faeea3dd58c1b1c3')?.zipPrefix).toBe('04195');
    expect((await handler.execute({ records: [{ row: row() }] })).unchanged).toBe(1);
    const moved = await handler.execute({ records: [{ row: row({ seller_city: 'sao paulo / sp' }) }] });
    expect(moved.relocated).toBe(1);
    expect(uow.outbox.events.map((e) => [e.type, 'origin' in e ? e.origin : null])).toEqual([
      ['SellerOnboarded', 'import'],
      ['SellerRelocated', 'import'],
    ]);
  });

  it('applies rows of the same id in file order within a batch', async () => {
    const result = await handler.execute({
      records: [{ row: row() }, { row: row({ seller_zip_code_prefix: '04196' }) }],
    });
    expect(result).toEqual(expect.objectContaining({ onboarded: 1, relocated: 1 }));
    expect(uow.sellers.rows.get('c0f3eea2e14555b6faeea3dd58c1b1c3')?.version).toBe(1);
  });

  it('rejects damaged rows naming the Olist column, while good rows go on', async () => {
    const result = await handler.execute({
      records: [
        { source: source(2), row: row({ seller_id: 's1', seller_zip_code_prefix: '4195' }) },
        { source: source(3), row: row({ seller_id: 's2', seller_city: '' }) },
        { source: source(4), row: row({ seller_id: 's3', seller_state: 'São Paulo' }) },
        { source: source(5), row: row({ seller_id: '' }) },
        { source: source(6), row: row({ seller_id: 's4' }) },
      ],
    });
    expect(result.onboarded).toBe(1);
    expect(result.rejected.map((r) => [r.source?.line, r.id, r.field, r.code])).toEqual([
      [2, 's1', 'seller_zip_code_prefix', 'invalid-field'],
      [3, 's2', 'seller_city', 'missing-field'],
      [4, 's3', 'seller_state', 'invalid-field'],
      [5, '', 'seller_id', 'missing-field'],
    ]);
    expect(result.rejected[0]!.reason).toContain('leading zeros');
  });

  it('opens no transaction for a batch of bad rows only', async () => {
    await handler.execute({ records: [{ row: row({ seller_id: '' }) }] });
    expect(uow.transactions).toBe(0);
  });
});
