import { type EventLog, type ReplayedBatch } from '../../ports/event-log.port';
import { type BatchApplier, type PermanentFailure, type WarehouseSchemas } from '../../ports/warehouse-schemas.port';
import { applyIsolating } from './apply-isolating';

export interface RebuildReport {
  rebuildId: string;
  /** The schema built and swapped in under the live name. */
  builtSchema: string;
  events: number;
  batches: number;
  /** Messages that were not valid events. */
  rejected: number;
  /** Events refused for good while applying (logged with their reason). */
  skipped: { id: string; type: string; error: string }[];
  /** Events applied inside the swap's transaction (arrived while the bulk was replayed). */
  caughtUp: number;
  seconds: number;
}

export interface RebuildProgress {
  (report: { phase: 'replay' | 'catch-up'; events: number; batches: number }): void;
}

export interface RebuildWarehouseOptions {
  schemas: WarehouseSchemas;
  log: EventLog;
  isPermanent: PermanentFailure;
  clock?: () => Date;
  onProgress?: RebuildProgress;
}

/**
 * Rebuilds the warehouse from the event log: builds a fresh schema beside the live one, replays every
 * topic into it from the earliest offset with a consumer group of its own (the same batch apply as
 * the live path, which may leave the marts to be computed once at the end), then, holding off the live consumer, applies what arrived meanwhile and swaps the
 * new schema in, all in one transaction. On failure the new schema is dropped and the live
 * warehouse is left as it was.
 */
export class RebuildWarehouse {
  private readonly clock: () => Date;

  constructor(private readonly options: RebuildWarehouseOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  async execute(rebuildId: string = rebuildIdOf(this.clock())): Promise<RebuildReport> {
    const started = this.clock().getTime();
    const { schemas, log } = this.options;
    const schema = `${schemas.live}_rebuild_${rebuildId}`;
    const report: RebuildReport = { rebuildId, builtSchema: schema, events: 0, batches: 0, rejected: 0, skipped: [], caughtUp: 0, seconds: 0 };

    // Each batch is handed back before it is applied, so that reading and decoding the next one
    // overlaps the database's work on this one (still one batch at a time in the database).
    const pipeline = new ApplyPipeline();
    const take = (phase: 'replay' | 'catch-up', apply: BatchApplier) => (batch: ReplayedBatch) =>
      pipeline.push(() => this.applyOne(report, phase, apply, batch));

    await schemas.create(schema);
    const replay = await log.openReplay(`${schemas.live}-rebuild-${rebuildId}`);
    try {
      await replay.readUntil(await replay.endOffsets(), take('replay', schemas.applierFor(schema)));
      await pipeline.drain();
      // Outside the swap's lock: the live consumer goes on meanwhile, and the catch-up is incremental.
      await schemas.complete(schema);
      await schemas.swapIn(schema, async (apply) => {
        await replay.readUntil(await replay.endOffsets(), take('catch-up', apply));
        await pipeline.drain();
      });
    } catch (error) {
      await pipeline.settle();
      await schemas.drop(schema).catch(() => undefined);
      throw error;
    } finally {
      await replay.close();
    }
    report.seconds = (this.clock().getTime() - started) / 1000;
    return report;
  }

  private async applyOne(report: RebuildReport, phase: 'replay' | 'catch-up', apply: BatchApplier, batch: ReplayedBatch): Promise<void> {
    const result = await applyIsolating(batch.envelopes, apply, this.options.isPermanent);
    report.events += result.applied;
    if (phase === 'catch-up') report.caughtUp += result.applied;
    report.batches++;
    report.rejected += batch.rejected;
    report.skipped.push(...result.skipped.map((s) => ({ id: s.event.id, type: s.event.type, error: s.error })));
    this.options.onProgress?.({ phase, events: report.events, batches: report.batches });
  }
}

/**
 * Runs the batches' applies one at a time, each started when the previous one is done, without making
 * the caller wait for the one it pushes: its failure is thrown at the next push or at drain.
 */
export class ApplyPipeline {
  private pending: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  async push(work: () => Promise<void>): Promise<void> {
    await this.drain();
    this.pending = work().catch((error: unknown) => {
      this.failure = { error };
    });
  }

  /** Waits for the apply in flight; throws its failure (once). */
  async drain(): Promise<void> {
    await this.pending;
    const failure = this.failure;
    this.failure = undefined;
    if (failure) throw failure.error;
  }

  /** Waits for the apply in flight, whatever its outcome. */
  async settle(): Promise<void> {
    await this.pending;
  }
}

/** A schema-name-safe id from a time: 20240501t120000. */
export function rebuildIdOf(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace('T', 't').slice(0, 15);
}
