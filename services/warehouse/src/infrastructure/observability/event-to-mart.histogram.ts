import { Histogram, type Registry } from 'prom-client';
import { type LatencyObserver } from '../../application/ports/warehouse-writer.port';

/**
 * From a second (live events) to ten years (a historical import, whose event times are the history's):
 * the buckets are wide on purpose.
 */
export const EVENT_TO_MART_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 86_400, 604_800, 2_592_000, 31_536_000, 315_360_000];

/**
 * `warehouse_event_to_mart_seconds`: per event applied, the seconds from the event's time (envelope
 * `time`) to the refresh of the marts it changed, registered in the service's registry.
 */
export function eventToMartHistogram(registry: Registry): LatencyObserver {
  const existing = registry.getSingleMetric('warehouse_event_to_mart_seconds');
  const histogram =
    (existing as Histogram | undefined) ??
    new Histogram({
      name: 'warehouse_event_to_mart_seconds',
      help: 'Seconds from an event (its envelope time) to the refresh of the warehouse marts it changed',
      buckets: EVENT_TO_MART_BUCKETS,
      registers: [registry],
    });
  return (seconds) => histogram.observe(Math.max(0, seconds));
}
