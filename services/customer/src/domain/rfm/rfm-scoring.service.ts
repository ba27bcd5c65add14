import { InvalidFieldError } from '../shared/domain-error';
import { type Score, type Segment, segmentFor } from './segment';

/** What RFM is computed from, per person (see docs/domain/customer.md for how each is defined). */
export interface CustomerMetrics {
  customerUniqueId: string;
  /** The latest purchase among the person's counted (non-canceled) orders. */
  lastPurchaseAt: Date;
  /** Number of counted orders, ≥ 1. */
  frequency: number;
  /** Sum of the payments of the counted orders, in cents. */
  monetaryCents: number;
}

/**
 * Quintile boundaries over a customer base. Index 0..3 holds the threshold of scores 2..5:
 * `recencyDays[i]`: at most this many days since the last purchase scores ≥ i + 2;
 * `monetaryCents[i]`: at least this much spent scores ≥ i + 2. Null: no one in the base reached it.
 */
export interface RfmBoundaries {
  recencyDays: readonly (number | null)[];
  monetaryCents: readonly (number | null)[];
}

export interface RfmAssessment {
  /** The reference instant the recency is measured to. */
  asOf: Date;
  recencyDays: number;
  frequency: number;
  monetaryCents: number;
  recencyScore: Score;
  frequencyScore: Score;
  monetaryScore: Score;
  segment: Segment;
}

const DAY_MS = 86_400_000;

/** Whole days from the last purchase to `asOf` (0 when the purchase is at or after it). */
export function recencyDays(lastPurchaseAt: Date, asOf: Date): number {
  return Math.max(0, Math.floor((asOf.getTime() - lastPurchaseAt.getTime()) / DAY_MS));
}

/** The default reference: the newest purchase in the base; null for an empty base. */
export function newestPurchase(base: readonly CustomerMetrics[]): Date | null {
  let newest: number | null = null;
  for (const metrics of base) {
    const time = metrics.lastPurchaseAt.getTime();
    if (newest === null || time > newest) newest = time;
  }
  return newest === null ? null : new Date(newest);
}

/**
 * Frequency is scored on absolute thresholds, not quintiles: 1, 2, 3, 4, 5+ orders score 1..5.
 * (97% of Olist's buyers bought once, so frequency quintiles would be meaningless.)
 */
export function frequencyScore(frequency: number): Score {
  return Math.min(5, Math.max(1, Math.floor(frequency))) as Score;
}

/**
 * Rank-percentile quintiles with ties sharing a score (mid-rank). A value's percentile is the
 * share of the base strictly worse than it plus half the share equal to it; its score is
 * 1 + floor(5 × percentile): the best fifth scores 5, equal values always score the same, a large
 * block of equal values lands on the score of its middle (an all-equal base scores 3). The
 * boundaries reproduce exactly these scores for the base and place any new value among them.
 */
export function computeBoundaries(base: readonly CustomerMetrics[], asOf: Date): RfmBoundaries {
  // Recency: fewer days is better, so "worse" means more days: sort descending.
  const days = base.map((metrics) => recencyDays(metrics.lastPurchaseAt, asOf)).sort((a, b) => b - a);
  const cents = base.map((metrics) => metrics.monetaryCents).sort((a, b) => a - b);
  return { recencyDays: thresholds(days), monetaryCents: thresholds(cents) };
}

/**
 * For scores 2..5, the first value (worst first) whose mid-rank percentile reaches (score - 1) / 5.
 * In integers: a block of `equal` values starting at `index` has 5 × (2 × index + equal) / (2n).
 */
function thresholds(sortedWorstFirst: readonly number[]): (number | null)[] {
  const n = sortedWorstFirst.length;
  const result: (number | null)[] = [null, null, null, null];
  let index = 0;
  while (index < n) {
    const value = sortedWorstFirst[index]!;
    let end = index;
    while (end < n && sortedWorstFirst[end] === value) end++;
    const scaled = 5 * (2 * index + (end - index));
    for (let score = 2; score <= 5; score++) {
      if (result[score - 2] === null && scaled >= (score - 1) * 2 * n) result[score - 2] = value;
    }
    index = end;
  }
  return result;
}

export function recencyScore(days: number, boundaries: RfmBoundaries): Score {
  return (1 + boundaries.recencyDays.filter((limit) => limit !== null && days <= limit).length) as Score;
}

export function monetaryScore(cents: number, boundaries: RfmBoundaries): Score {
  return (1 + boundaries.monetaryCents.filter((limit) => limit !== null && cents >= limit).length) as Score;
}

/** Scores one person against the boundaries of the base and places them on the R × FM grid. */
export function assess(metrics: CustomerMetrics, boundaries: RfmBoundaries, asOf: Date): RfmAssessment {
  if (!Number.isSafeInteger(metrics.frequency) || metrics.frequency < 1) {
    throw new InvalidFieldError('frequency', metrics.frequency, 'must be at least 1 to be scored');
  }
  const days = recencyDays(metrics.lastPurchaseAt, asOf);
  const r = recencyScore(days, boundaries);
  const f = frequencyScore(metrics.frequency);
  const m = monetaryScore(metrics.monetaryCents, boundaries);
  return {
    asOf,
    recencyDays: days,
    frequency: metrics.frequency,
    monetaryCents: metrics.monetaryCents,
    recencyScore: r,
    frequencyScore: f,
    monetaryScore: m,
    segment: segmentFor(r, f, m),
  };
}
