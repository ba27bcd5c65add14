import { type EventEnvelope } from '@mercado/contracts';

/** Applies a batch; throws to refuse it (the caller isolates the events at fault). */
export type BatchApplier = (envelopes: readonly EventEnvelope[]) => Promise<void>;

/** The warehouse's schemas: the live one (`dw`) and the ones a rebuild builds beside it. */
export interface WarehouseSchemas {
  /** The live schema's name. */
  readonly live: string;
  /** Creates and migrates an empty schema, with the reference data no event carries (geolocation). */
  create(schema: string): Promise<void>;
  /**
   * An applier writing into `schema`, each batch in its own transaction. It may leave the derived
   * facts, summaries and marts to `complete`, which must run after the last of its batches.
   */
  applierFor(schema: string): BatchApplier;
  /** Derives, once for all keys, what the applier of `schema` left out (facts, summaries, marts). */
  complete(schema: string): Promise<void>;
  /**
   * In one transaction: holds off the live consumer's batches, lets `catchUp` apply the last events
   * to `schema` (with the applier it is given), then puts `schema` in the live one's place and drops
   * the old one. Readers see the old warehouse or the new, never a half-built one.
   */
  swapIn(schema: string, catchUp: (apply: BatchApplier) => Promise<void>): Promise<void>;
  drop(schema: string): Promise<void>;
}

/** Tells an event that can never be applied (to skip, as the live consumer dead-letters it) from a passing failure. */
export type PermanentFailure = (error: unknown) => boolean;
