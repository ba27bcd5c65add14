import { catalog, type EventEnvelope } from '@mercado/contracts';
import { toOutboxBatchJson, toOutboxRecord } from '../../domain/outbox-record';
import { traceHeaders } from '../tracing/trace-headers';
import { OUTBOX_CHANNEL } from './messaging-schema';
import { type SqlExecutor } from './sql-executor';

export interface OutboxWriterOptions {
  /** The topic of an event; by default the topic its (type, version) has in the event catalog. */
  topicOf?: (envelope: EventEnvelope) => string;
}

const APPEND_SQL = `
WITH appended AS (
  INSERT INTO messaging_outbox (event_id, topic, key, envelope, headers)
  SELECT (row->>'event_id')::uuid, row->>'topic', row->>'key', row->'envelope', row->'headers'
  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS batch (row, ordinal)
  ORDER BY ordinal
  RETURNING 1
)
SELECT pg_notify('${OUTBOX_CHANNEL}', count(*)::text) FROM appended`;

/**
 * Writes integration events to the outbox inside the caller's transaction, so that they are published
 * if and only if the state change that caused them commits. One statement for the whole batch (its
 * rows travel as one JSON array, unnested by PostgreSQL); the NOTIFY it sends reaches the relay when
 * the transaction commits.
 */
export class OutboxWriter {
  private readonly topicOf: (envelope: EventEnvelope) => string;

  constructor(options: OutboxWriterOptions = {}) {
    this.topicOf = options.topicOf ?? catalogTopicOf;
  }

  /**
   * @param tx a client inside the caller's open transaction (pg PoolClient, typeorm QueryRunner...)
   * @param envelopes in the order they must be published
   */
  async append(tx: SqlExecutor, envelopes: readonly EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    const trace = traceHeaders();
    const records = envelopes.map((envelope) => toOutboxRecord(envelope, this.topicOf(envelope), trace));
    await tx.query(APPEND_SQL, [toOutboxBatchJson(records)]);
  }
}

function catalogTopicOf(envelope: EventEnvelope): string {
  const definition = catalog.find(envelope.type, envelope.dataversion);
  if (!definition) {
    throw new Error(`${envelope.type} v${envelope.dataversion} is not in the event catalog: no topic to publish it on`);
  }
  return definition.topic;
}
