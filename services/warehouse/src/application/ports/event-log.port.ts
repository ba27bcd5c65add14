import { type EventEnvelope } from '@mercado/contracts';

/** Per topic and partition, an offset (a decimal string: offsets can exceed 2^53). */
export type PartitionOffsets = Record<string, Record<number, string>>;

/** One batch read back from the log: the events it held, and how many messages were not events. */
export interface ReplayedBatch {
  envelopes: EventEnvelope[];
  /** Messages that are not valid events of the catalog (the live consumer dead-lettered them). */
  rejected: number;
}

/** A read of every topic from its earliest offset, by a consumer group of its own. */
export interface EventReplay {
  /** The end of every partition now: the offset the next message will get. */
  endOffsets(): Promise<PartitionOffsets>;
  /**
   * Hands over batches in partition order until every partition has been read up to `until`
   * (a batch may go past it). Resolves at once when there is nothing left to read.
   */
  readUntil(until: PartitionOffsets, apply: (batch: ReplayedBatch) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export interface EventLog {
  openReplay(consumerGroup: string): Promise<EventReplay>;
}
