/** No parameters: the summary covers the whole base. */
export type SegmentSummaryQuery = Record<string, never>;
