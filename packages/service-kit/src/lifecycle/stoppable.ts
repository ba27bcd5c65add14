/** Something a service started and must stop on shutdown: a server, a consumer, the outbox relay, a pool. */
export interface Stoppable {
  /** Resolves once stopped; consumers and relays finish their current batch first. */
  stop(): Promise<void>;
  /** For the shutdown log. */
  name?: string;
}

/** A stoppable from a name and a stop function (`stoppable('pg pool', () => pool.end())`). */
export function stoppable(name: string, stop: () => Promise<unknown> | unknown): Stoppable {
  return { name, stop: async () => void (await stop()) };
}
