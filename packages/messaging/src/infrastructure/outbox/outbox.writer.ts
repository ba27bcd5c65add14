import { catalog, type EventEnvelope } from '@mercado/contracts';
import { copyRows } from '@mercado/postgres';
import { type OutboxRecord, toOutboxBatchJson, toOutboxCopyRow, toOutboxRecord } from '../../domain/outbox-record';
import { traceHeaders } from '../tracing/trace-headers';
import { OUTBOX_CHANNEL } from './messaging-schema';
import { copyConnectionOf, type SqlExecutor } from './sql-executor';

export interface OutboxWriterOptions {
  /** The topic of an event; by default the topic its (type, version) has in the event catalog. */
  topicOf?: (envelope: EventEnvelope) => string;
}

const APPEND_SQL = `
WITH appended AS (
  INSERT INTO messaging_outbox (event_id, topic, key, envelope, headers)
  SELECT (row->>'event_id')::uuid, row->>'topic', row->>'key', row->'envelope', row->'headers'
  FROM json_array_elements($1::json) WITH ORDINALITY AS batch (row, ordinal)
  ORDER BY ordinal
  RETURNING 1
)
SELECT pg_notify('${OUTBOX_CHANNEL}', count(*)::text) FROM appended`;

const COPY_COLUMNS = ['event_id', 'topic', 'key', 'envelope', 'headers'] as const;
const NOTIFY_SQL = `SELECT pg_notify('${OUTBOX_CHANNEL}', $1)`;

/**
 * Writes integration events to the outbox inside the caller's transaction, so that they are published
 * if and only if the state change that caused them commits. Given one connection (a pg client, a
 * typeorm QueryRunner or a transaction's EntityManager) the rows are streamed with COPY, in order
 * (positions follow the stream); given anything else (a Pool) one statement takes the whole batch as
 * a JSON array. COPY costs PostgreSQL about a third less per event than unnesting one big JSON
 * parameter, which it must parse whole and then copy apart. The NOTIFY reaches the relay when the
 * transaction commits.
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
    const connection = copyConnectionOf(tx);
    if (!connection) {
      await tx.query(APPEND_SQL, [toOutboxBatchJson(records)]);
      return;
    }
    // Rows are serialised as the stream asks for them: a chunk's events never exist twice as text.
    await copyRows(connection, 'messaging_outbox', COPY_COLUMNS, copyRowsOf(records));
    await tx.query(NOTIFY_SQL, [String(records.length)]);
  }
}

function* copyRowsOf(records: readonly OutboxRecord[]): Generator<string[]> {
  for (const record of records) yield toOutboxCopyRow(record);
}

function catalogTopicOf(envelope: EventEnvelope): string {
  const definition = catalog.find(envelope.type, envelope.dataversion);
  if (!definition) {
    throw new Error(`${envelope.type} v${envelope.dataversion} is not in the event catalog: no topic to publish it on`);
  }
  return definition.topic;
}
