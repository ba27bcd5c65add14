import { InvalidFieldError } from '../shared/domain-error';
import {
  type CustomerMetrics,
  assess,
  computeBoundaries,
  frequencyScore,
  monetaryScore,
  newestPurchase,
  recencyDays,
  recencyScore,
} from './rfm-scoring.service';

const AS_OF = new Date('2018-09-01T03:00:00Z');
const daysBefore = (days: number) => new Date(AS_OF.getTime() - days * 86_400_000);

function base(values: { days: number; cents: number; frequency?: number }[]): CustomerMetrics[] {
  return values.map((value, index) => ({
    customerUniqueId: `c${index}`,
    lastPurchaseAt: daysBefore(value.days),
    frequency: value.frequency ?? 1,
    monetaryCents: value.cents,
  }));
}

/** The definition, computed the slow way: 1 + floor(5 × (share strictly worse + half the share equal)). */
function rankScore(value: number, all: number[], worse: (other: number) => boolean): number {
  const equal = all.filter((other) => other === value).length;
  return 1 + Math.floor((5 * (2 * all.filter(worse).length + equal)) / (2 * all.length));
}

describe('recencyDays', () => {
  it('counts whole days and never goes below zero', () => {
    expect(recencyDays(daysBefore(0), AS_OF)).toBe(0);
    expect(recencyDays(new Date(AS_OF.getTime() - 86_399_999), AS_OF)).toBe(0);
    expect(recencyDays(daysBefore(1), AS_OF)).toBe(1);
    expect(recencyDays(daysBefore(474.5), AS_OF)).toBe(474);
    expect(recencyDays(new Date(AS_OF.getTime() + 86_400_000 * 3), AS_OF)).toBe(0);
  });
});

describe('frequencyScore: absolute thresholds 1, 2, 3, 4, 5+', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [5, 5],
    [17, 5],
  ])('%i orders score %i', (orders, score) => {
    expect(frequencyScore(orders)).toBe(score);
  });
});

describe('computeBoundaries: rank-percentile quintiles with ties sharing a score', () => {
  it('documents the worked example: ten monetary values', () => {
    const cents = [1000, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000];
    const boundaries = computeBoundaries(base(cents.map((c) => ({ days: 10, cents: c }))), AS_OF);
    expect(boundaries.monetaryCents).toEqual([2000, 4000, 6000, 8000]);
    expect(cents.map((c) => monetaryScore(c, boundaries))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('documents the worked example: recency, where fewer days is better', () => {
    const days = [400, 300, 300, 200, 100, 50, 40, 30, 20, 10];
    const boundaries = computeBoundaries(base(days.map((d) => ({ days: d, cents: 1 }))), AS_OF);
    expect(boundaries.recencyDays).toEqual([300, 100, 40, 20]);
    expect(days.map((d) => recencyScore(d, boundaries))).toEqual([1, 2, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('gives every tied value the same score, and an all-equal base the middle score 3', () => {
    const boundaries = computeBoundaries(
      base(Array.from({ length: 7 }, () => ({ days: 3, cents: 5000 }))),
      AS_OF,
    );
    expect(boundaries).toEqual({ recencyDays: [3, 3, null, null], monetaryCents: [5000, 5000, null, null] });
    expect(recencyScore(3, boundaries)).toBe(3);
    expect(monetaryScore(5000, boundaries)).toBe(3);
  });

  it('puts a large block of equal values on the score of its middle, not at the bottom', () => {
    // 10 customers, 6 of them spent exactly 49.90: their mid-rank percentile is (2 + 3) / 10 = 50%.
    const cents = [100, 200, 4990, 4990, 4990, 4990, 4990, 4990, 9000, 9900];
    const boundaries = computeBoundaries(base(cents.map((c) => ({ days: 1, cents: c }))), AS_OF);
    expect(cents.map((c) => monetaryScore(c, boundaries))).toEqual([1, 1, 3, 3, 3, 3, 3, 3, 5, 5]);
  });

  it('handles an empty base and a base of one', () => {
    expect(computeBoundaries([], AS_OF)).toEqual({
      recencyDays: [null, null, null, null],
      monetaryCents: [null, null, null, null],
    });
    const one = computeBoundaries(base([{ days: 5, cents: 100 }]), AS_OF);
    expect(monetaryScore(100, one)).toBe(3);
    expect(recencyScore(5, one)).toBe(3);
  });

  it('reproduces the rank definition for every member of a skewed base with many ties', () => {
    // Deterministic pseudo-random base shaped like Olist: many equal small amounts, a long tail.
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const values = Array.from({ length: 503 }, () => ({
      days: next() % 40,
      cents: next() % 3 === 0 ? 4990 : (next() % 200) * 100,
    }));
    const metrics = base(values);
    const boundaries = computeBoundaries(metrics, AS_OF);
    const allDays = values.map((v) => v.days);
    const allCents = values.map((v) => v.cents);
    for (const value of values) {
      expect(recencyScore(value.days, boundaries)).toBe(
        rankScore(value.days, allDays, (other) => other > value.days),
      );
      expect(monetaryScore(value.cents, boundaries)).toBe(
        rankScore(value.cents, allCents, (other) => other < value.cents),
      );
    }
    const scores = values.map((v) => monetaryScore(v.cents, boundaries));
    for (let score = 1; score <= 5; score++) expect(scores).toContain(score);
  });

  it('scores a value outside the base between the boundaries (batch recomputation)', () => {
    const boundaries = { recencyDays: [300, 100, 40, 20], monetaryCents: [2000, 4000, 6000, 8000] };
    expect(monetaryScore(1999, boundaries)).toBe(1);
    expect(monetaryScore(2000, boundaries)).toBe(2);
    expect(monetaryScore(3999, boundaries)).toBe(2);
    expect(monetaryScore(4000, boundaries)).toBe(3);
    expect(monetaryScore(7999, boundaries)).toBe(4);
    expect(monetaryScore(8000, boundaries)).toBe(5);
    expect(monetaryScore(1_000_000, boundaries)).toBe(5);
    expect(recencyScore(301, boundaries)).toBe(1);
    expect(recencyScore(300, boundaries)).toBe(2);
    expect(recencyScore(101, boundaries)).toBe(2);
    expect(recencyScore(100, boundaries)).toBe(3);
    expect(recencyScore(41, boundaries)).toBe(3);
    expect(recencyScore(40, boundaries)).toBe(4);
    expect(recencyScore(21, boundaries)).toBe(4);
    expect(recencyScore(20, boundaries)).toBe(5);
    expect(recencyScore(0, boundaries)).toBe(5);
  });
});

describe('assess', () => {
  const boundaries = { recencyDays: [300, 100, 40, 20], monetaryCents: [2000, 4000, 6000, 8000] };

  it('scores R, F and M and places the person on the grid', () => {
    const metrics = {
      customerUniqueId: 'p',
      lastPurchaseAt: daysBefore(10),
      frequency: 3,
      monetaryCents: 9000,
    };
    expect(assess(metrics, boundaries, AS_OF)).toEqual({
      asOf: AS_OF,
      recencyDays: 10,
      frequency: 3,
      monetaryCents: 9000,
      recencyScore: 5,
      frequencyScore: 3,
      monetaryScore: 5,
      segment: 'champions',
    });
  });

  it('makes a recent one-time small buyer new and an old one lost', () => {
    const recent = { customerUniqueId: 'p', lastPurchaseAt: daysBefore(1), frequency: 1, monetaryCents: 100 };
    expect(assess(recent, boundaries, AS_OF).segment).toBe('new');
    const old = { ...recent, lastPurchaseAt: daysBefore(500) };
    expect(assess(old, boundaries, AS_OF).segment).toBe('lost');
  });

  it('refuses to score a person without a counted order', () => {
    const none = { customerUniqueId: 'p', lastPurchaseAt: daysBefore(1), frequency: 0, monetaryCents: 0 };
    expect(() => assess(none, boundaries, AS_OF)).toThrow(InvalidFieldError);
  });
});

describe('newestPurchase', () => {
  it('is the default reference date: the newest last purchase of the base', () => {
    expect(
      newestPurchase(
        base([
          { days: 5, cents: 1 },
          { days: 2, cents: 1 },
          { days: 9, cents: 1 },
        ]),
      ),
    ).toEqual(daysBefore(2));
    expect(newestPurchase([])).toBeNull();
  });
});
