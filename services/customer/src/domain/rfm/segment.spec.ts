import { type Score, SEGMENTS, fmScore, isSegment, segmentFor } from './segment';

const scores: Score[] = [1, 2, 3, 4, 5];

describe('fmScore (mean of F and M, rounded half up)', () => {
  it.each([
    [1, 1, 1],
    [1, 2, 2],
    [1, 3, 2],
    [1, 4, 3],
    [1, 5, 3],
    [2, 2, 2],
    [2, 5, 4],
    [3, 4, 4],
    [4, 5, 5],
    [5, 5, 5],
  ] as [Score, Score, Score][])('F %i and M %i give FM %i', (f, m, fm) => {
    expect(fmScore(f, m)).toBe(fm);
    expect(fmScore(m, f)).toBe(fm);
  });
});

describe('segmentFor: every cell of the R × FM grid', () => {
  // Expected grid, rows R 5..1, columns FM 1..5 (docs/domain/customer.md).
  const expected: Record<Score, string[]> = {
    5: ['new', 'potential-loyalist', 'potential-loyalist', 'champions', 'champions'],
    4: ['promising', 'potential-loyalist', 'potential-loyalist', 'loyal', 'loyal'],
    3: ['hibernating', 'need-attention', 'need-attention', 'loyal', 'loyal'],
    2: ['hibernating', 'hibernating', 'at-risk', 'at-risk', 'cannot-lose'],
    1: ['lost', 'lost', 'at-risk', 'at-risk', 'cannot-lose'],
  };
  const cells = scores.flatMap((r) => scores.map((fm) => [r, fm, expected[r][fm - 1]] as const));

  it.each(cells)('R %i, FM %i is %s', (r, fm, segment) => {
    // F = M = fm gives exactly that FM.
    expect(segmentFor(r, fm, fm)).toBe(segment);
  });

  it('uses all ten segments', () => {
    const used = new Set(cells.map(([, , segment]) => segment));
    expect([...used].sort()).toEqual([...SEGMENTS].sort());
  });

  it('places a one-time buyer by recency and spend only (F = 1)', () => {
    expect(segmentFor(5, 1, 1)).toBe('new');
    expect(segmentFor(5, 1, 5)).toBe('potential-loyalist');
    expect(segmentFor(1, 1, 5)).toBe('at-risk');
    expect(segmentFor(1, 1, 2)).toBe('lost');
    expect(segmentFor(3, 1, 3)).toBe('need-attention');
  });

  it('recognizes segment names', () => {
    expect(isSegment('champions')).toBe(true);
    expect(isSegment('Champions')).toBe(false);
    expect(isSegment(undefined)).toBe(false);
  });
});
