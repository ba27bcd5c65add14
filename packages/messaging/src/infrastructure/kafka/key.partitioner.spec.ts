import { randomBytes } from 'node:crypto';
import { Partitioners, type PartitionerArgs } from 'kafkajs';
import { KeyPartitioner, murmur2 } from './key.partitioner';

// kafkajs' own implementation is the oracle: same hash, same partition for every key.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const kafkajsMurmur2 = require('kafkajs/src/producer/partitioners/default/murmur2') as (key: Buffer | string) => number;

const partitions = (count: number, leaderless: number[] = []) =>
  Array.from({ length: count }, (_, partitionId) => ({ partitionErrorCode: 0, partitionId, leader: leaderless.includes(partitionId) ? -1 : 1, replicas: [1], isr: [1] }));

describe('murmur2', () => {
  it('matches the Java client on its published test vectors', () => {
    // org.apache.kafka.common.utils.UtilsTest#testMurmur2
    expect(murmur2('21')).toBe(-973932308);
    expect(murmur2('foobar')).toBe(-790332482);
    expect(murmur2('a-little-bit-long-string')).toBe(-985981536);
    expect(murmur2('a-little-bit-longer-string')).toBe(-1486304829);
    expect(murmur2('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8')).toBe(-58897971);
    expect(murmur2('abc')).toBe(479470107);
  });

  it('gives kafkajs’ value for ids, every tail length, non-ASCII text and raw bytes', () => {
    const keys: (string | Buffer)[] = ['', 'a', 'ab', 'abc', 'abcd', 'e481f51cbdc54678b7cc49136f2d6af7', '0190e3c4-5b7a-7c3e-9d4f-1a2b3c4d5e6f', 'são paulo', 'ünïcødé 日本'];
    for (let i = 0; i < 500; i++) keys.push(randomBytes(i % 40).toString('hex').slice(0, i % 37), randomBytes(i % 23));
    for (const key of keys) expect([key, murmur2(key)]).toEqual([key, kafkajsMurmur2(key)]);
  });
});

describe('KeyPartitioner', () => {
  const ours = KeyPartitioner();
  const theirs = Partitioners.DefaultPartitioner();
  const args = (key: string | Buffer | null, partition?: number, partitionMetadata = partitions(6)): PartitionerArgs => ({
    topic: 't',
    partitionMetadata,
    message: { key, value: 'v', ...(partition === undefined ? {} : { partition }) },
  });

  it('puts every key on the partition kafkajs’ DefaultPartitioner chooses', () => {
    for (let i = 0; i < 1000; i++) {
      const key = randomBytes(16).toString('hex');
      for (const count of [1, 3, 6, 7]) expect(ours(args(key, undefined, partitions(count)))).toBe(theirs(args(key, undefined, partitions(count))));
    }
  });

  it('keeps an explicit partition, and spreads keyless messages over the partitions with a leader', () => {
    expect(ours(args('k', 4))).toBe(4);
    const chosen = new Set(Array.from({ length: 60 }, () => ours(args(null, undefined, partitions(6, [1, 3])))));
    expect([...chosen].sort()).toEqual([0, 2, 4, 5]);
    expect(ours(args(null, undefined, partitions(2, [0, 1])))).toBeGreaterThanOrEqual(0);
  });
});
