import { randomFillSync } from 'node:crypto';
import { createEnvelope, dataSchemaUrn, type AnyEventDefinition, type EnvelopeMeta, type EventEnvelope } from '@mercado/contracts';

/** Wraps data in an envelope; `createEnvelope` (the default everywhere) checks it against the contract. */
export type EnvelopeFactory = (definition: AnyEventDefinition, data: unknown, meta: EnvelopeMeta) => EventEnvelope;

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const POOL_IDS = 4096;
const pool = Buffer.alloc(16 * POOL_IDS);
let next = POOL_IDS;

/**
 * A UUIDv7 (RFC 9562) like the contracts' `uuidv7`, drawing its random bits from a pooled buffer
 * refilled every 4,096 ids: a bulk import mints hundreds of thousands of event ids, and one
 * system call per id was a tenth of its time.
 */
export function pooledUuidv7(now: number = Date.now()): string {
  if (next === POOL_IDS) {
    randomFillSync(pool);
    next = 0;
  }
  const offset = 16 * next++;
  const bytes = pool.subarray(offset, offset + 16);
  // 48 bits of milliseconds, big-endian, without BigInt.
  const high = Math.floor(now / 2 ** 32);
  const low = now >>> 0;
  bytes[0] = (high >>> 8) & 0xff;
  bytes[1] = high & 0xff;
  bytes[2] = (low >>> 24) & 0xff;
  bytes[3] = (low >>> 16) & 0xff;
  bytes[4] = (low >>> 8) & 0xff;
  bytes[5] = low & 0xff;
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  let hex = '';
  for (let i = 0; i < 16; i++) {
    hex += HEX[bytes[i]!];
    if (i === 3 || i === 5 || i === 7 || i === 9) hex += '-';
  }
  return hex;
}

/**
 * An envelope factory for bulk imports. `createEnvelope` validates every event against its joi
 * schema, which costs more than everything else an imported record does (a historical order yields
 * seven events). This one assembles the envelope directly, so use it only where the data is valid
 * by construction: a mapper typed against the contract's data types, values from domain objects
 * that enforced their invariants, and ids checked against the contract's id pattern when the record
 * was read. As a guard against a mapping mistake, the first event of each type per factory (make one
 * per import chunk) still goes through `createEnvelope`: a violation throws and rolls the chunk back.
 */
export function trustedEnvelopeFactory(): EnvelopeFactory {
  const checked = new Set<string>();
  return (definition: AnyEventDefinition, data: unknown, meta: EnvelopeMeta): EventEnvelope => {
    if (!checked.has(definition.type)) {
      const envelope = createEnvelope(definition, data, { ...meta, id: meta.id ?? pooledUuidv7() });
      checked.add(definition.type);
      return envelope;
    }
    return {
      id: meta.id ?? pooledUuidv7(),
      type: definition.type,
      source: meta.source,
      subject: meta.subject ?? definition.key(data),
      time: typeof meta.time === 'string' ? meta.time : meta.time.toISOString(),
      specversion: '1.0',
      datacontenttype: 'application/json',
      dataschema: dataSchemaUrn(definition.type, definition.version),
      dataversion: definition.version,
      data,
    };
  };
}
