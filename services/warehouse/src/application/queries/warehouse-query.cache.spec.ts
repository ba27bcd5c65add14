import { type MartVersion } from '../ports/mart-version.port';
import { type DateRange, type MonthRange, type WarehouseQueries } from '../ports/warehouse-queries.port';
import { InvalidQueryError } from './invalid-query.error';
import { CachedWarehouseQueries } from './warehouse-query.cache';

/** Answers that say how many times they were computed, and a version the test moves. */
function fixture(maxEntries?: number) {
  const computed: string[] = [];
  let version = 'v1';
  let answerNumber = 0;
  const answer = (name: string) => {
    computed.push(name);
    answerNumber += 1;
    return answerNumber;
  };
  const inner = {
    executiveKpis: async (range: DateRange) => ({ from: range.from, n: answer('kpis') }),
    executiveSeries: async (metric: string, grain: string) => [{ period: `${metric}/${grain}`, n: answer('series') }],
    sellerPerformance: async (sellerId: string) => (sellerId === 'nobody' ? (answer('seller'), null) : { sellerId, n: answer('seller') }),
    sellerRanking: async (_months: MonthRange, by: string, limit: number, offset?: number) => {
      if (limit > 500) throw new InvalidQueryError([{ field: 'limit', message: 'too big' }]);
      return [{ rank: (offset ?? 0) + 1, by, n: answer('ranking') }];
    },
    segmentSummary: async () => ({ n: answer('segments') }),
    deliveryPerformance: async (_months: MonthRange, filter?: { sellerState?: string }) => [{ sellerState: filter?.sellerState, n: answer('deliveries') }],
    freshness: async () => ({ n: answer('freshness') }),
  } as unknown as WarehouseQueries;
  const versions: MartVersion = { current: async () => version };
  const cache = new CachedWarehouseQueries(inner, versions, maxEntries);
  return { cache, computed, setVersion: (v: string) => (version = v) };
}

const months = { from: '2018-01', to: '2018-03' };

describe('read answers cached until the marts change', () => {
  it('computes a repeated question once per version, each question apart', async () => {
    const { cache, computed, setVersion } = fixture();
    const first = await cache.executiveKpis({ from: '2018-01-01', to: '2018-01-31' });
    expect(await cache.executiveKpis({ from: '2018-01-01', to: '2018-01-31' })).toBe(first);
    expect(await cache.executiveKpis({ from: '2018-01-02', to: '2018-01-31' })).not.toEqual(first);
    await cache.executiveSeries('gmv', 'day', { from: '2018-01-01', to: '2018-01-31' });
    await cache.executiveSeries('gmv', 'month', { from: '2018-01-01', to: '2018-01-31' });
    await cache.executiveSeries('gmv', 'month', { from: '2018-01-01', to: '2018-01-31' });
    await cache.sellerRanking(months, 'revenue', 50, 0);
    await cache.sellerRanking(months, 'revenue', 50);
    await cache.sellerRanking(months, 'orders', 50, 0);
    await cache.sellerPerformance('s1', months);
    expect(await cache.sellerPerformance('nobody', months)).toBeNull();
    expect(await cache.sellerPerformance('nobody', months)).toBeNull();
    await cache.segmentSummary();
    await cache.segmentSummary();
    await cache.deliveryPerformance(months);
    await cache.deliveryPerformance(months, {});
    await cache.deliveryPerformance(months, { sellerState: 'SP' });
    expect(computed).toEqual(['kpis', 'kpis', 'series', 'series', 'ranking', 'ranking', 'seller', 'seller', 'segments', 'deliveries', 'deliveries']);

    // The next batch: everything is computed again, once.
    setVersion('v2');
    expect(await cache.executiveKpis({ from: '2018-01-01', to: '2018-01-31' })).not.toEqual(first);
    await cache.executiveKpis({ from: '2018-01-01', to: '2018-01-31' });
    await cache.segmentSummary();
    expect(computed.slice(11)).toEqual(['kpis', 'segments']);
  });

  it('shares one computation between concurrent identical questions', async () => {
    const { cache, computed } = fixture();
    const answers = await Promise.all(Array.from({ length: 20 }, () => cache.sellerRanking(months, 'revenue', 50, 1000)));
    expect(new Set(answers).size).toBe(1);
    expect(computed).toEqual(['ranking']);
  });

  it('never caches freshness, nor a failure', async () => {
    const { cache, computed } = fixture();
    await cache.freshness();
    await cache.freshness();
    await expect(cache.sellerRanking(months, 'revenue', 501)).rejects.toBeInstanceOf(InvalidQueryError);
    await expect(cache.sellerRanking(months, 'revenue', 501)).rejects.toBeInstanceOf(InvalidQueryError);
    expect(computed).toEqual(['freshness', 'freshness']);
  });

  it('reads freshness anew for each request once the previous read is done, shared while one is in flight', async () => {
    const { cache, computed } = fixture();
    const together = await Promise.all([cache.freshness(), cache.freshness(), cache.freshness()]);
    expect(new Set(together).size).toBe(1);
    expect(computed).toEqual(['freshness']);
    const after = await cache.freshness();
    expect(after).not.toBe(together[0]);
    expect(computed).toEqual(['freshness', 'freshness']);
  });

  it('drops every answer when invalidated, even with the version unchanged', async () => {
    const { cache, computed } = fixture();
    await cache.segmentSummary();
    cache.invalidate();
    await cache.segmentSummary();
    await cache.segmentSummary();
    expect(computed).toEqual(['segments', 'segments']);
  });

  it('keeps nothing computed by a request that read the version before an invalidation', async () => {
    const computed: string[] = [];
    let release!: () => void;
    const versionRead = new Promise<void>((resolve) => (release = resolve));
    const inner = { segmentSummary: async () => (computed.push('segments'), { n: computed.length }) } as unknown as WarehouseQueries;
    let reads = 0;
    const cache = new CachedWarehouseQueries(inner, {
      current: async () => {
        reads += 1;
        if (reads === 1) await versionRead;
        return 'v1';
      },
    });
    const early = cache.segmentSummary();
    cache.invalidate();
    release();
    expect(await early).toEqual({ n: 1 });
    expect(await cache.segmentSummary()).toEqual({ n: 2 });
    expect(await cache.segmentSummary()).toEqual({ n: 2 });
  });

  it('keeps at most the configured number of answers, the oldest dropped first', async () => {
    const { cache, computed } = fixture(2);
    await cache.sellerRanking(months, 'revenue', 10, 0);
    await cache.sellerRanking(months, 'revenue', 10, 10);
    await cache.sellerRanking(months, 'revenue', 10, 20);
    await cache.sellerRanking(months, 'revenue', 10, 20);
    await cache.sellerRanking(months, 'revenue', 10, 10);
    await cache.sellerRanking(months, 'revenue', 10, 0);
    expect(computed).toHaveLength(4);
  });
});
