/**
 * `touched`: re-score these persons against the current SegmentationSnapshot (falls back to a full
 * recomputation when there is none yet). `full`: recompute the boundaries over the whole base and
 * re-score everyone.
 */
export type RecomputeSegmentsCommand =
  | { scope: 'touched'; customerUniqueIds: readonly string[] }
  | {
      scope: 'full';
      /** The reference instant; defaults to the newest purchase in the base. */
      asOf?: Date;
    };
