/** The triggers the warehouse starts by itself; on-demand runs come through `exclusive`. */
export type ScheduledTrigger = 'batch' | 'schedule';

/** Time and timers, injected so the debouncing is tested on a fake clock. */
export interface SchedulerTimers {
  now(): number;
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface QualityRunSchedulerOptions {
  /** Runs the suites for a trigger (the cheap subset for `batch`); stores the run. */
  run: (trigger: ScheduledTrigger) => Promise<unknown>;
  /** Cheap runs after applied batches start at most once per interval; null turns them off. */
  batchIntervalMs: number | null;
  /** How long after a first batch its cheap run starts, so that a burst of batches shares one run. */
  batchDelayMs?: number;
  /** Full runs every interval from start; null turns them off. */
  scheduleIntervalMs: number | null;
  timers: SchedulerTimers;
  /** A run that failed (the database down): reported, and the next trigger tries again. */
  onError?: (trigger: ScheduledTrigger, error: unknown) => void;
}

const DEFAULT_BATCH_DELAY_MS = 1_000;

/**
 * Decides when the warehouse checks its data. `batchApplied()` is called by the consumer after each
 * committed batch and returns at once: it never runs a check in the apply path and never blocks the
 * consumer. The cheap run it asks for is debounced (at most one per `batchIntervalMs`, batches
 * arriving meanwhile share the next one), full runs come every `scheduleIntervalMs`, and every run,
 * on-demand ones included, goes one at a time, so the checks hold at most one database connection.
 */
export class QualityRunScheduler {
  private batchTimer: unknown;
  private scheduleTimer: unknown;
  private lastBatchStartedAt: number | undefined;
  /** A batch run is queued or running: a batch arriving now needs a run after it. */
  private batchPending = false;
  private batchAgain = false;
  private queue: Promise<unknown> = Promise.resolve();
  private running = false;
  private stopped = false;

  constructor(private readonly options: QualityRunSchedulerOptions) {
    for (const [name, value] of [
      ['batchIntervalMs', options.batchIntervalMs],
      ['scheduleIntervalMs', options.scheduleIntervalMs],
      ['batchDelayMs', options.batchDelayMs ?? DEFAULT_BATCH_DELAY_MS],
    ] as const) {
      if (value !== null && !(Number.isFinite(value) && value >= 0)) throw new RangeError(`${name} must be a non-negative number or null`);
    }
  }

  /** Arms the schedule of full runs (the first one interval after start). */
  start(): void {
    this.stopped = false;
    this.armSchedule();
  }

  /** Called after each applied batch; asks for a cheap run, debounced. Never throws, never waits. */
  batchApplied(): void {
    const interval = this.options.batchIntervalMs;
    if (this.stopped || interval === null) return;
    if (this.batchPending) {
      this.batchAgain = true;
      return;
    }
    if (this.batchTimer !== undefined) return;
    const delay = this.options.batchDelayMs ?? DEFAULT_BATCH_DELAY_MS;
    const wait = this.lastBatchStartedAt === undefined ? delay : Math.max(delay, this.lastBatchStartedAt + interval - this.options.timers.now());
    this.batchTimer = this.options.timers.setTimeout(() => {
      this.batchTimer = undefined;
      this.batchPending = true;
      void this.enqueue('batch', () => {
        this.lastBatchStartedAt = this.options.timers.now();
        return this.options.run('batch');
      }).finally(() => {
        this.batchPending = false;
        if (this.batchAgain) {
          this.batchAgain = false;
          this.batchApplied();
        }
      });
    }, wait);
  }

  /** Runs `work` (an on-demand run) when no other run is going, and answers with its result. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(async () => {
      this.running = true;
      try {
        return await work();
      } finally {
        this.running = false;
      }
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** True while a run executes (for tests and logs). */
  get busy(): boolean {
    return this.running;
  }

  /** Clears the timers and waits for the run under way, if any. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of [this.batchTimer, this.scheduleTimer]) if (timer !== undefined) this.options.timers.clearTimeout(timer);
    this.batchTimer = undefined;
    this.scheduleTimer = undefined;
    await this.queue;
  }

  private armSchedule(): void {
    const interval = this.options.scheduleIntervalMs;
    if (this.stopped || interval === null) return;
    this.scheduleTimer = this.options.timers.setTimeout(() => {
      this.scheduleTimer = undefined;
      void this.enqueue('schedule', () => this.options.run('schedule')).finally(() => this.armSchedule());
    }, interval);
  }

  private enqueue(trigger: ScheduledTrigger, work: () => Promise<unknown>): Promise<unknown> {
    return this.exclusive(work).catch((error: unknown) => this.options.onError?.(trigger, error));
  }
}
