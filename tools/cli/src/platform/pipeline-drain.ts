// Decides when the platform has caught up after an import: every service's outbox is empty, every
// consumer (the warehouse's included) reports no lag, and that holds on consecutive looks, since the
// contexts react to each other's events in chains (sales → fulfillment → sales → warehouse).

/** Sums of the messaging gauges in one Prometheus text exposition. */
export function messagingBacklog(metricsText: string): {
  outbox: number;
  consumerLag: number;
  series: number;
} {
  let outbox = 0;
  let consumerLag = 0;
  let series = 0;
  for (const line of metricsText.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^(messaging_outbox_backlog|messaging_consumer_lag)(?:\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const value = Number(match[2]);
    if (!Number.isFinite(value)) continue;
    series++;
    if (match[1] === 'messaging_outbox_backlog') outbox += value;
    else consumerLag += value;
  }
  return { outbox, consumerLag, series };
}

export interface DrainOptions {
  serviceUrls: string[];
  timeoutMs: number;
  /** Consecutive quiet looks required. */
  quietLooks?: number;
  intervalMs?: number;
  onLook?: (look: { outbox: number; consumerLag: number }) => void;
  /**
   * Messages not yet committed by the platform's consumer groups, read from the broker. The services'
   * lag gauges are set when a batch ends, from the high watermark of its fetch: a consumer in the
   * middle of a long batch still shows the 0 of its last one, so the gauges alone can look quiet
   * while it is behind. When given, a look is quiet only when this is 0 too.
   */
  committedLag?: () => Promise<number>;
}

/** Resolves with the seconds it took once the pipeline is quiet; rejects on timeout. */
export async function waitForPipelineDrain(options: DrainOptions): Promise<number> {
  const started = Date.now();
  const needed = options.quietLooks ?? 3;
  const interval = options.intervalMs ?? 500;
  let quiet = 0;
  while (Date.now() - started < options.timeoutMs) {
    const looks = await Promise.all(
      options.serviceUrls.map(async (url) => messagingBacklog(await (await fetch(`${url}/metrics`)).text())),
    );
    const total = looks.reduce(
      (sum, l) => ({ outbox: sum.outbox + l.outbox, consumerLag: sum.consumerLag + l.consumerLag }),
      {
        outbox: 0,
        consumerLag: 0,
      },
    );
    options.onLook?.(total);
    const gaugesQuiet = total.outbox === 0 && total.consumerLag === 0;
    const committedQuiet = !gaugesQuiet || !options.committedLag || (await options.committedLag()) === 0;
    quiet = gaugesQuiet && committedQuiet ? quiet + 1 : 0;
    if (quiet >= needed) return (Date.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  throw new Error(
    `the platform did not catch up within ${options.timeoutMs / 1000} s (outboxes or consumers still behind)`,
  );
}
