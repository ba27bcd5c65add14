import { randomInt } from 'node:crypto';
import { type ICustomPartitioner, type PartitionerArgs } from 'kafkajs';

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/**
 * Kafka's murmur2 (the Java client's `Utils.murmur2`) in 32-bit integer arithmetic. kafkajs'
 * own version computes it with a Long object per step, which was a tenth of the relay's CPU; this
 * one gives the same value for every key (a unit test holds it to kafkajs').
 */
export function murmur2(key: Buffer | string): number {
  const data = typeof key === 'string' ? asciiOrUtf8(key) : key;
  const length = data.length;
  let h = SEED ^ length;
  const length4 = length >>> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k = (data[i4]! & 0xff) | ((data[i4 + 1]! & 0xff) << 8) | ((data[i4 + 2]! & 0xff) << 16) | ((data[i4 + 3]! & 0xff) << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  // The last one to three bytes (Java's switch falls through from the highest).
  const tail = length & ~3;
  const rest = length & 3;
  if (rest > 0) {
    if (rest === 3) h ^= (data[tail + 2]! & 0xff) << 16;
    if (rest >= 2) h ^= (data[tail + 1]! & 0xff) << 8;
    h ^= data[tail]! & 0xff;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** The key's UTF-8 bytes; an ASCII key (every id we send) is read as its char codes. */
function asciiOrUtf8(key: string): ArrayLike<number> {
  const codes = new Array<number>(key.length);
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code > 0x7f) return Buffer.from(key, 'utf8');
    codes[i] = code;
  }
  return codes;
}

const toPositive = (value: number): number => value & 0x7fffffff;

/**
 * kafkajs' DefaultPartitioner (the Java client's): an explicit partition as given, a key by its
 * murmur2 hash over all the topic's partitions (so a key lands where any Kafka client puts it, and
 * its events stay in order), no key round-robin over the partitions that have a leader. Same
 * choices, without a Long per hash step or a filtered copy of the partition list per message.
 */
export const KeyPartitioner: ICustomPartitioner = () => {
  const counters = new Map<string, number>();
  return ({ topic, partitionMetadata, message }: PartitionerArgs): number => {
    if (message.partition !== null && message.partition !== undefined) return message.partition;
    if (message.key !== null && message.key !== undefined) return toPositive(murmur2(message.key)) % partitionMetadata.length;
    const counter = (counters.get(topic) ?? randomInt(2 ** 31)) + 1;
    counters.set(topic, counter);
    const available = partitionMetadata.filter((partition) => partition.leader >= 0);
    if (available.length > 0) return available[toPositive(counter) % available.length]!.partitionId;
    return toPositive(counter) % partitionMetadata.length;
  };
};
