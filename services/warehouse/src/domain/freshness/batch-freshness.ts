/** What a batch says about how fresh the warehouse is, per topic and overall. */
export interface TopicFreshness {
  topic: string;
  events: number;
  /** The newest event time of the topic in the batch (ISO-8601). */
  newestEventTime: string;
}

export interface LatencyStats {
  /** Seconds from the event's time to the moment its marts were refreshed. */
  min: number;
  max: number;
  mean: number;
}

export interface BatchFreshness {
  events: number;
  topics: TopicFreshness[];
  latency: LatencyStats | null;
  /** One latency figure per event, for a histogram. */
  latencies: number[];
}

export interface TimedEvent {
  type: string;
  time: string;
}

/**
 * Sums up a batch: per topic the number of events and the newest event time; per event the
 * event-to-mart latency (now − event time). Events whose type maps to no topic are left out.
 */
export function batchFreshness(events: readonly TimedEvent[], topicOf: (type: string) => string | undefined, now: Date): BatchFreshness {
  const byTopic = new Map<string, { events: number; newest: number; newestText: string }>();
  const latencies: number[] = [];
  for (const event of events) {
    const topic = topicOf(event.type);
    const at = Date.parse(event.time);
    if (topic === undefined || Number.isNaN(at)) continue;
    latencies.push((now.getTime() - at) / 1000);
    const entry = byTopic.get(topic);
    if (!entry) byTopic.set(topic, { events: 1, newest: at, newestText: event.time });
    else {
      entry.events++;
      if (at > entry.newest) {
        entry.newest = at;
        entry.newestText = event.time;
      }
    }
  }
  const topics = [...byTopic.entries()]
    .map(([topic, entry]) => ({ topic, events: entry.events, newestEventTime: new Date(entry.newest).toISOString() }))
    .sort((a, b) => (a.topic < b.topic ? -1 : 1));
  return { events: latencies.length, topics, latency: latencyStats(latencies), latencies };
}

export function latencyStats(latencies: readonly number[]): LatencyStats | null {
  if (latencies.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const value of latencies) {
    if (value < min) min = value;
    if (value > max) max = value;
    sum += value;
  }
  return { min, max, mean: sum / latencies.length };
}
