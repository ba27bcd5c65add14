import { createEnvelope, salesOrderApprovedV1, type EventEnvelope } from '@mercado/contracts';
import { type EventLog, type EventReplay, type PartitionOffsets, type ReplayedBatch } from '../../ports/event-log.port';
import { type BatchApplier, type WarehouseSchemas } from '../../ports/warehouse-schemas.port';
import { applyIsolating } from './apply-isolating';
import { rebuildIdOf, RebuildWarehouse } from './rebuild-warehouse.handler';

const event = (n: number): EventEnvelope =>
  createEnvelope(salesOrderApprovedV1, { order_id: `o${n}`, approved_at: '2018-01-01T00:00:00Z' }, { source: '/t', time: '2018-01-01T00:00:00Z' });

class Poison extends Error {}
const isPermanent = (error: unknown) => error instanceof Poison;

/** A one-partition log in memory; `arrive` appends while a rebuild runs. */
class MemoryLog implements EventLog {
  readonly batches: ReplayedBatch[] = [];
  groups: string[] = [];
  closed = 0;
  constructor(batches: ReplayedBatch[]) {
    this.batches.push(...batches);
  }
  arrive(batch: ReplayedBatch) {
    this.batches.push(batch);
  }
  async openReplay(group: string): Promise<EventReplay> {
    this.groups.push(group);
    let position = 0;
    return {
      endOffsets: async (): Promise<PartitionOffsets> => ({ t: { 0: String(this.batches.length) } }),
      readUntil: async (until, apply) => {
        while (position < Number(until.t![0])) await apply(this.batches[position++]!);
      },
      close: async () => void this.closed++,
    };
  }
}

class MemorySchemas implements WarehouseSchemas {
  readonly live = 'dw';
  readonly created: string[] = [];
  readonly dropped: string[] = [];
  readonly completed: string[] = [];
  completedAtSwap: string[] = [];
  readonly applied = new Map<string, string[]>();
  swapped: string | undefined;
  poison = new Set<string>();
  onSwap: () => void = () => undefined;

  async create(schema: string) {
    this.created.push(schema);
    this.applied.set(schema, []);
  }
  applierFor(schema: string): BatchApplier {
    return async (envelopes) => {
      if (envelopes.some((e) => this.poison.has(e.id))) throw new Poison('bad event');
      this.applied.get(schema)!.push(...envelopes.map((e) => e.id));
    };
  }
  async complete(schema: string) {
    this.completed.push(schema);
  }
  async swapIn(schema: string, catchUp: (apply: BatchApplier) => Promise<void>) {
    this.completedAtSwap = [...this.completed];
    this.onSwap();
    await catchUp(this.applierFor(schema));
    this.swapped = schema;
  }
  async drop(schema: string) {
    this.dropped.push(schema);
  }
}

describe('rebuilding the warehouse by replay', () => {
  const events = Array.from({ length: 7 }, (_, i) => event(i));
  const clock = (...times: string[]) => {
    const queue = times.map((t) => new Date(t));
    return () => queue.shift() ?? new Date(times.at(-1)!);
  };

  it('replays every batch into a new schema, catches up inside the swap, and swaps it in', async () => {
    const log = new MemoryLog([
      { envelopes: events.slice(0, 3), rejected: 0 },
      { envelopes: events.slice(3, 5), rejected: 1 },
    ]);
    const schemas = new MemorySchemas();
    // Two more events arrive while the bulk is replayed; they must be applied before the swap.
    schemas.onSwap = () => log.arrive({ envelopes: events.slice(5), rejected: 0 });
    const progress: string[] = [];
    const rebuild = new RebuildWarehouse({
      schemas,
      log,
      isPermanent,
      clock: clock('2024-05-01T12:00:00Z', '2024-05-01T12:00:00Z', '2024-05-01T12:00:09Z'),
      onProgress: (p) => progress.push(`${p.phase}:${p.events}`),
    });

    const report = await rebuild.execute();

    expect(report).toEqual({
      rebuildId: '20240501t120000',
      builtSchema: 'dw_rebuild_20240501t120000',
      events: 7,
      batches: 3,
      rejected: 1,
      skipped: [],
      caughtUp: 2,
      seconds: 9,
    });
    expect(schemas.created).toEqual(['dw_rebuild_20240501t120000']);
    expect(schemas.applied.get('dw_rebuild_20240501t120000')).toEqual(events.map((e) => e.id));
    // The marts the replay deferred are complete before the swap's incremental catch-up.
    expect(schemas.completedAtSwap).toEqual(['dw_rebuild_20240501t120000']);
    expect(schemas.swapped).toBe('dw_rebuild_20240501t120000');
    expect(schemas.dropped).toEqual([]);
    expect(log.groups).toEqual(['dw-rebuild-20240501t120000']);
    expect(log.closed).toBe(1);
    expect(progress).toEqual(['replay:3', 'replay:5', 'catch-up:7']);
  });

  it('skips the events that can never be applied, as the live consumer dead-letters them', async () => {
    const log = new MemoryLog([{ envelopes: events, rejected: 0 }]);
    const schemas = new MemorySchemas();
    schemas.poison = new Set([events[2]!.id, events[6]!.id]);
    const report = await new RebuildWarehouse({ schemas, log, isPermanent }).execute('x1');
    expect(report.events).toBe(5);
    expect(report.skipped).toEqual([
      { id: events[2]!.id, type: 'sales.order.approved', error: 'bad event' },
      { id: events[6]!.id, type: 'sales.order.approved', error: 'bad event' },
    ]);
    expect(schemas.applied.get('dw_rebuild_x1')).toEqual([0, 1, 3, 4, 5].map((i) => events[i]!.id));
    expect(schemas.swapped).toBe('dw_rebuild_x1');
  });

  it('drops the new schema and leaves the live one when a failure is not the events’ fault', async () => {
    const log = new MemoryLog([{ envelopes: events, rejected: 0 }]);
    const schemas = new MemorySchemas();
    schemas.applierFor = () => async () => {
      throw new Error('database away');
    };
    await expect(new RebuildWarehouse({ schemas, log, isPermanent }).execute('x2')).rejects.toThrow('database away');
    expect(schemas.dropped).toEqual(['dw_rebuild_x2']);
    expect(schemas.swapped).toBeUndefined();
    expect(log.closed).toBe(1);
  });

  it('reads the next batch while the database applies one, and applies them one at a time', async () => {
    const log = new MemoryLog([
      { envelopes: events.slice(0, 2), rejected: 0 },
      { envelopes: events.slice(2, 4), rejected: 0 },
      { envelopes: events.slice(4), rejected: 0 },
    ]);
    const timeline: string[] = [];
    const read = log.openReplay.bind(log);
    log.openReplay = async (group) => {
      const replay = await read(group);
      return {
        ...replay,
        readUntil: (until, apply) => replay.readUntil(until, async (batch) => {
          timeline.push(`read ${batch.envelopes[0]!.id === events[0]!.id ? 1 : batch.envelopes[0]!.id === events[2]!.id ? 2 : 3}`);
          await apply(batch);
        }),
      };
    };
    const schemas = new MemorySchemas();
    let running = 0;
    schemas.applierFor = () => async (envelopes) => {
      running++;
      timeline.push(`apply ${envelopes.length} (${running} running)`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      timeline.push('applied');
    };
    const report = await new RebuildWarehouse({ schemas, log, isPermanent }).execute('x3');
    expect(report.events).toBe(7);
    expect(timeline).toEqual(['read 1', 'apply 2 (1 running)', 'read 2', 'applied', 'apply 2 (1 running)', 'read 3', 'applied', 'apply 3 (1 running)', 'applied']);
  });

  it('throws the failure of a batch applied in the background, after it has settled', async () => {
    const log = new MemoryLog([
      { envelopes: events.slice(0, 3), rejected: 0 },
      { envelopes: events.slice(3), rejected: 0 },
    ]);
    const schemas = new MemorySchemas();
    let calls = 0;
    schemas.applierFor = () => async () => {
      if (++calls === 2) throw new Error('database away');
    };
    await expect(new RebuildWarehouse({ schemas, log, isPermanent }).execute('x4')).rejects.toThrow('database away');
    expect(schemas.dropped).toEqual(['dw_rebuild_x4']);
    expect(schemas.completed).toEqual([]);
  });

  it('names rebuilds after their start time', () => {
    expect(rebuildIdOf(new Date('2018-12-31T23:59:59.123Z'))).toBe('20181231t235959');
  });

  it('isolates nothing in an empty batch', async () => {
    expect(await applyIsolating([], async () => undefined, isPermanent)).toEqual({ applied: 0, skipped: [] });
  });
});
