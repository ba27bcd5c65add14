/** The RFM segments, from best to worst (kebab-case, as published in customer.segment.changed). */
export const SEGMENTS = [
  'champions',
  'loyal',
  'potential-loyalist',
  'new',
  'promising',
  'need-attention',
  'at-risk',
  'cannot-lose',
  'hibernating',
  'lost',
] as const;
export type Segment = (typeof SEGMENTS)[number];

export type Score = 1 | 2 | 3 | 4 | 5;

/**
 * The R × FM grid. Rows: recency score 5 (most recent) to 1; columns: FM score 1 to 5, where FM is
 * the mean of the frequency and monetary scores rounded half up.
 */
export const SEGMENT_GRID: Readonly<Record<Score, readonly [Segment, Segment, Segment, Segment, Segment]>> = {
  5: ['new', 'potential-loyalist', 'potential-loyalist', 'champions', 'champions'],
  4: ['promising', 'potential-loyalist', 'potential-loyalist', 'loyal', 'loyal'],
  3: ['hibernating', 'need-attention', 'need-attention', 'loyal', 'loyal'],
  2: ['hibernating', 'hibernating', 'at-risk', 'at-risk', 'cannot-lose'],
  1: ['lost', 'lost', 'at-risk', 'at-risk', 'cannot-lose'],
};

/** FM = round-half-up((F + M) / 2): F 1 & M 2 → 2, F 1 & M 4 → 3, F 5 & M 4 → 5. */
export function fmScore(frequency: Score, monetary: Score): Score {
  return Math.floor((frequency + monetary + 1) / 2) as Score;
}

export function segmentFor(recency: Score, frequency: Score, monetary: Score): Segment {
  return SEGMENT_GRID[recency][fmScore(frequency, monetary) - 1]!;
}

export function isSegment(value: unknown): value is Segment {
  return typeof value === 'string' && (SEGMENTS as readonly string[]).includes(value);
}
