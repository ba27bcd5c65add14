import { randomBytes } from 'node:crypto';

// patches/kafkajs@2.2.4.patch: kafkajs' Encoder takes its buffers from Buffer.allocUnsafe (no zero
// fill). What it encodes must not depend on what those buffers held before.
/* eslint-disable @typescript-eslint/no-require-imports */
const Record = require('kafkajs/src/protocol/recordBatch/record/v0') as (record: object) => { buffer: Buffer };
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0') as { RecordBatch: (batch: object) => Promise<{ buffer: Buffer }> };
/* eslint-enable @typescript-eslint/no-require-imports */

const headers = {
  'content-type': 'application/cloudevents+json; charset=utf-8',
  ce_id: '0190e3c4-5b7a-7c3e-9d4f-1a2b3c4d5e6f',
  ce_type: 'sales.order.approved',
  ce_source: '/mercado/sales',
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
};
const records = () =>
  Array.from({ length: 50 }, (_, i) =>
    Record({ key: `order-${i}`, value: JSON.stringify({ i, text: 'é'.repeat(i * 40) }), headers, offsetDelta: i, timestampDelta: i }),
  );
const batch = async () => (await RecordBatch({ records: records(), firstTimestamp: 1_700_000_000_000, maxTimestamp: 1_700_000_000_049 })).buffer;

describe('kafkajs Encoder (patched to skip zero-filling)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('takes unfilled buffers, and encodes the same bytes as with zeroed ones', async () => {
    const unsafe = jest.spyOn(Buffer, 'allocUnsafe');
    // Leave garbage in the pool the unfilled buffers come from.
    for (let i = 0; i < 200; i++) Buffer.allocUnsafe(512).fill(0xa5);
    unsafe.mockClear();
    const fast = await batch();
    expect(unsafe).toHaveBeenCalled();
    unsafe.mockImplementation((size: number) => Buffer.alloc(size));
    const zeroed = await batch();
    expect(fast.equals(zeroed)).toBe(true);
    expect(fast.length).toBeGreaterThan(50 * 300);
  });

  it('encodes random payloads identically whatever the pool held', async () => {
    for (let round = 0; round < 20; round++) {
      Buffer.allocUnsafe(4000).set(randomBytes(4000));
      const value = randomBytes(round * 97);
      const first = Record({ key: 'k', value, headers, offsetDelta: round, timestampDelta: 0 }).buffer;
      Buffer.allocUnsafe(4000).fill(round);
      const second = Record({ key: 'k', value, headers, offsetDelta: round, timestampDelta: 0 }).buffer;
      expect(first.equals(second)).toBe(true);
    }
  });
});
