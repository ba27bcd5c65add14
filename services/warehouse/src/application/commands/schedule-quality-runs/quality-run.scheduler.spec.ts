import { QualityRunScheduler, type ScheduledTrigger, type SchedulerTimers } from './quality-run.scheduler';

/** A clock that moves only when told: timers fire in due order as it advances. */
class FakeTimers implements SchedulerTimers {
  private time = 0;
  private nextId = 1;
  private readonly due = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, delayMs: number): unknown {
    const id = this.nextId++;
    this.due.set(id, { at: this.time + delayMs, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number);
  }

  get pending(): number[] {
    return [...this.due.values()].map((t) => t.at - this.time).sort((a, b) => a - b);
  }

  /** Advances to `ms` later, firing each timer at its time and letting the promises it starts settle. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const next = [...this.due.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!next) break;
      this.due.delete(next[0]);
      this.time = next[1].at;
      next[1].callback();
      await settle();
    }
    this.time = end;
    await settle();
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** Runs that finish when the test says so, recording when each started. */
function runs(timers: FakeTimers) {
  const started: Array<{ trigger: ScheduledTrigger; at: number }> = [];
  const open: Array<{ finish: () => void; fail: (error: Error) => void }> = [];
  const run = (trigger: ScheduledTrigger) =>
    new Promise<void>((resolve, reject) => {
      started.push({ trigger, at: timers.now() });
      open.push({ finish: resolve, fail: reject });
    });
  const finishAll = async () => {
    while (open.length > 0) open.shift()!.finish();
    await settle();
  };
  return { started, open, run, finishAll };
}

function setup(options: { batchIntervalMs?: number | null; scheduleIntervalMs?: number | null; batchDelayMs?: number } = {}) {
  const timers = new FakeTimers();
  const recorder = runs(timers);
  const errors: Array<[ScheduledTrigger, string]> = [];
  const scheduler = new QualityRunScheduler({
    run: recorder.run,
    batchIntervalMs: options.batchIntervalMs === undefined ? 5_000 : options.batchIntervalMs,
    scheduleIntervalMs: options.scheduleIntervalMs === undefined ? null : options.scheduleIntervalMs,
    ...(options.batchDelayMs === undefined ? {} : { batchDelayMs: options.batchDelayMs }),
    timers,
    onError: (trigger, error) => errors.push([trigger, (error as Error).message]),
  });
  return { timers, scheduler, errors, ...recorder };
}

describe('QualityRunScheduler', () => {
  it('runs the cheap checks shortly after a batch, one run for a burst of batches', async () => {
    const { timers, scheduler, started, finishAll } = setup();
    scheduler.start();
    for (let i = 0; i < 10; i++) scheduler.batchApplied();
    expect(started).toEqual([]);
    await timers.advance(999);
    expect(started).toEqual([]);
    await timers.advance(1);
    expect(started).toEqual([{ trigger: 'batch', at: 1_000 }]);
    await finishAll();
    await timers.advance(60_000);
    expect(started).toHaveLength(1);
  });

  it('starts cheap runs at most once per interval while batches keep coming', async () => {
    const { timers, scheduler, started, finishAll } = setup({ batchIntervalMs: 5_000 });
    scheduler.start();
    for (let t = 0; t < 20_000; t += 250) {
      scheduler.batchApplied();
      await timers.advance(250);
      await finishAll();
    }
    const starts = started.map((s) => s.at);
    expect(starts).toEqual([1_000, 6_000, 11_000, 16_000]);
    await timers.advance(10_000);
    expect(started.map((s) => s.at)).toEqual([1_000, 6_000, 11_000, 16_000, 21_000]);
  });

  it('never starts a second cheap run while one is going; a batch meanwhile gets one run after it', async () => {
    const { timers, scheduler, started, finishAll } = setup({ batchIntervalMs: 2_000 });
    scheduler.start();
    scheduler.batchApplied();
    await timers.advance(1_000);
    expect(started).toHaveLength(1);
    // The run takes 30 s; batches keep arriving.
    for (let i = 0; i < 30; i++) {
      scheduler.batchApplied();
      await timers.advance(1_000);
    }
    expect(started).toHaveLength(1);
    expect(timers.pending).toEqual([]);
    await finishAll();
    await timers.advance(1_000);
    expect(started.map((s) => s.at)).toEqual([1_000, 32_000]);
  });

  it('runs the full suites every schedule interval, after the previous one ends, never two at once', async () => {
    const { timers, scheduler, started, finishAll } = setup({ batchIntervalMs: null, scheduleIntervalMs: 60_000 });
    scheduler.start();
    scheduler.batchApplied();
    await timers.advance(59_999);
    expect(started).toEqual([]);
    await timers.advance(1);
    expect(started).toEqual([{ trigger: 'schedule', at: 60_000 }]);
    await timers.advance(120_000);
    expect(started).toHaveLength(1);
    await finishAll();
    await timers.advance(60_000);
    expect(started.map((s) => [s.trigger, s.at])).toEqual([
      ['schedule', 60_000],
      ['schedule', 240_000],
    ]);
  });

  it('does nothing when both are off', async () => {
    const { timers, scheduler, started } = setup({ batchIntervalMs: null, scheduleIntervalMs: null });
    scheduler.start();
    scheduler.batchApplied();
    await timers.advance(1_000_000);
    expect(started).toEqual([]);
    expect(timers.pending).toEqual([]);
  });

  it('queues an on-demand run behind the run under way and answers with its result', async () => {
    const { timers, scheduler, started, finishAll } = setup();
    scheduler.start();
    scheduler.batchApplied();
    await timers.advance(1_000);
    expect(scheduler.busy).toBe(true);
    let answered: string | undefined;
    const onDemand = scheduler.exclusive(async () => {
      answered = `after ${started.length} run(s)`;
      return 42;
    });
    await settle();
    expect(answered).toBeUndefined();
    await finishAll();
    await expect(onDemand).resolves.toBe(42);
    expect(answered).toBe('after 1 run(s)');
    expect(scheduler.busy).toBe(false);
    await expect(scheduler.exclusive(() => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    await expect(scheduler.exclusive(async () => 'still serving')).resolves.toBe('still serving');
  });

  it('reports a failed run and tries again at the next trigger', async () => {
    const { timers, scheduler, started, open, errors, finishAll } = setup({ batchIntervalMs: 5_000, scheduleIntervalMs: 30_000 });
    scheduler.start();
    scheduler.batchApplied();
    await timers.advance(1_000);
    open.shift()!.fail(new Error('connection refused'));
    await settle();
    expect(errors).toEqual([['batch', 'connection refused']]);
    scheduler.batchApplied();
    await timers.advance(5_000);
    expect(started.map((s) => [s.trigger, s.at])).toEqual([
      ['batch', 1_000],
      ['batch', 6_000],
    ]);
    await finishAll();
    await timers.advance(24_000);
    expect(started.at(-1)).toEqual({ trigger: 'schedule', at: 30_000 });
  });

  it('stops: clears its timers, waits for the run under way, and ignores batches afterwards', async () => {
    const { timers, scheduler, started, finishAll } = setup({ scheduleIntervalMs: 10_000 });
    scheduler.start();
    scheduler.batchApplied();
    await timers.advance(1_000);
    scheduler.batchApplied();
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    await finishAll();
    await stopping;
    expect(timers.pending).toEqual([]);
    scheduler.batchApplied();
    await timers.advance(100_000);
    expect(started).toHaveLength(1);
  });

  it('refuses a bad interval', () => {
    expect(() => setup({ batchIntervalMs: -1 })).toThrow(/batchIntervalMs/);
    expect(() => setup({ scheduleIntervalMs: Number.NaN })).toThrow(/scheduleIntervalMs/);
  });
});
