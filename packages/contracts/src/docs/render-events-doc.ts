import path from 'node:path';
import type Joi from 'joi';
import { type Catalog } from '../catalog/catalog';
import { type AnyEventDefinition } from '../catalog/event-definition';
import { dlqTopicName } from '../catalog/topics';
import { createEnvelope } from '../envelope/create-envelope';
import { ANOMALY_FLAGS } from '../schemas/common.schema';

/** docs/events.md at the repository root (the same depth from src/docs and dist/docs). */
export const EVENTS_DOC_PATH = path.resolve(__dirname, '..', '..', '..', '..', 'docs', 'events.md');

export const DOCS_COMMAND = 'pnpm --filter @mercado/contracts docs:events';

interface FieldRow {
  path: string;
  type: string;
  required: boolean;
  notes: string;
}

const FORMATS: Record<string, string> = {
  timestamp: 'timestamp (ISO-8601 with offset)',
  date: 'date (YYYY-MM-DD)',
  id: 'id',
  cents: 'integer cents',
  'zip-prefix': 'zip prefix (5 digits, text)',
  state: 'state (UF, 2 letters)',
  anomalies: 'anomaly flags (kebab-case strings)',
};

type Rule = { name: string; args?: Record<string, unknown> };

function ruleArg(description: Joi.Description, name: string, arg: string): unknown {
  const rules = (description['rules'] ?? []) as Rule[];
  return rules.find((rule) => rule.name === name)?.args?.[arg];
}

function hasRule(description: Joi.Description, name: string): boolean {
  return ((description['rules'] ?? []) as Rule[]).some((rule) => rule.name === name);
}

function range(min: unknown, max: unknown): string {
  if (min !== undefined && max !== undefined) return ` ${String(min)}..${String(max)}`;
  if (min !== undefined) return ` ≥ ${String(min)}`;
  return max !== undefined ? ` ≤ ${String(max)}` : '';
}

function typeOf(description: Joi.Description): string {
  const metas = (description['metas'] ?? []) as { format?: string }[];
  const format = metas.find((meta) => meta.format)?.format;
  const flags = (description.flags ?? {}) as { only?: boolean };
  const allowed = ((description['allow'] ?? []) as unknown[]).filter((value) => value !== null);
  const nullable = ((description['allow'] ?? []) as unknown[]).includes(null) ? ' or null' : '';

  if (format && FORMATS[format]) return FORMATS[format] + nullable;
  if (flags.only) return allowed.map((value) => `\`${String(value)}\``).join(', ') + nullable;
  switch (description.type) {
    case 'string': {
      const pattern = ruleArg(description, 'pattern', 'options') as { name?: string } | undefined;
      const length = range(ruleArg(description, 'min', 'limit'), ruleArg(description, 'max', 'limit'));
      const shape = pattern?.name ? ` (${pattern.name})` : '';
      return `string${shape}${length ? `, length${length}` : ''}${nullable}`;
    }
    case 'number': {
      const kind = hasRule(description, 'integer') ? 'integer' : 'number';
      return `${kind}${range(ruleArg(description, 'min', 'limit'), ruleArg(description, 'max', 'limit'))}${nullable}`;
    }
    case 'array': {
      const items = (description['items'] ?? []) as Joi.Description[];
      const item = items[0] ? (items[0].type === 'object' ? 'objects' : typeOf(items[0])) : 'anything';
      const min = ruleArg(description, 'min', 'limit');
      const comparator = ruleArg(description, 'unique', 'comparator');
      const unique = hasRule(description, 'unique')
        ? `, unique${typeof comparator === 'string' ? ` by ${comparator}` : ''}`
        : '';
      return `array of ${item}${min !== undefined ? `, at least ${String(min)}` : ''}${unique}${nullable}`;
    }
    default:
      return `${description.type}${nullable}`;
  }
}

function fieldRows(description: Joi.Description, prefix = ''): FieldRow[] {
  const keys = (description['keys'] ?? {}) as Record<string, Joi.Description>;
  return Object.entries(keys).flatMap(([name, field]) => {
    const flags = (field.flags ?? {}) as { presence?: string; description?: string };
    const fieldPath = `${prefix}${name}`;
    const row: FieldRow = {
      path: fieldPath,
      type: typeOf(field),
      required: flags.presence === 'required',
      notes: flags.description ?? '',
    };
    if (field.type === 'object') return [row, ...fieldRows(field, `${fieldPath}.`)];
    const item = ((field['items'] ?? []) as Joi.Description[])[0];
    if (field.type === 'array' && item?.type === 'object')
      return [row, ...fieldRows(item, `${fieldPath}[].`)];
    return [row];
  });
}

const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The first timestamp found in the data, so that the example envelope time matches the fact. */
function firstTimestamp(value: unknown): string | undefined {
  if (typeof value === 'string') return TIMESTAMP.test(value) ? value : undefined;
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) {
      const found = firstTimestamp(inner);
      if (found) return found;
    }
  }
  return undefined;
}

function exampleEnvelope(definition: AnyEventDefinition, index: number): string {
  const data = definition.fixtures[0];
  const envelope = createEnvelope(definition, data, {
    id: `0190e8f0-0000-7000-8000-${String(index + 1).padStart(12, '0')}`,
    source: `/mercado/${definition.type.split('.')[0]}`,
    time: firstTimestamp(data) ?? '2018-09-01T00:00:00-03:00',
    correlationid: `0190e8f0-0000-7000-9000-${String(index + 1).padStart(12, '0')}`,
  });
  return JSON.stringify(envelope, null, 2);
}

const anchor = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replaceAll(' ', '-');

/** Renders the catalog as Markdown. docs/events.md is this output; a unit test keeps them equal. */
export function renderEventsDoc(catalog: Catalog): string {
  const out: string[] = [];
  const line = (text = '') => out.push(text);

  line('# Integration events');
  line();
  line(`<!-- Generated from packages/contracts by \`${DOCS_COMMAND}\`. Do not edit by hand. -->`);
  line();
  line("The published contract between Mercado's services: every event that crosses a service boundary, on");
  line('which Kafka topic, keyed by what, with which fields. The source of truth is `@mercado/contracts`');
  line('(`packages/contracts/src/events`); this page is rendered from it.');
  line();
  line('## Conventions');
  line();
  line('- **Envelope.** Every message value is a JSON envelope with CloudEvents 1.0 attribute names: `id`');
  line('  (UUIDv7, the deduplication key), `type`, `source` (the producing service, e.g. `/mercado/sales`),');
  line('  `subject` (the aggregate id, equal to the Kafka message key), `time`, `specversion` `1.0`,');
  line('  `datacontenttype` `application/json`, `dataschema` `urn:mercado:<type>:<version>`, `dataversion`,');
  line('  optional `correlationid`, `causationid`, `traceparent` (W3C), and `data`. Other attributes are');
  line('  accepted only as CloudEvents extensions (lowercase letters and digits, at most 20 characters).');
  line('- **Key and order.** The key is the aggregate id, so all events of one order (or customer, product,');
  line('  seller) land on one partition, in order.');
  line(
    '- **Money** is an integer number of cents (BRL centavos): `price_cents: 11890` is R$ 118,90. Never a',
  );
  line('  float, never a string.');
  line("- **Instants** are ISO-8601 strings with their offset (`2018-06-12T09:51:55-03:00`). Olist's local");
  line("  times are America/Sao_Paulo and carry that zone's offset of the day (-03:00, or -02:00 during");
  line('  Brazilian summer time, until 2019). **Dates** are `YYYY-MM-DD`. Calendar-day rules (such as');
  line('  `days_late`) count days in America/Sao_Paulo.');
  line('- **Zip prefixes** are text of five digits, leading zeros kept (`"01151"`). **Ids** are Olist\'s');
  line('  natural ids (32 hex characters); Mercado mints ids of the same shape.');
  line('- **Missing is null**, never 0 or an empty string. Optional fields are omitted when absent.');
  line(
    '- **Anomaly flags.** Events imported from the historical Olist data may carry `anomalies`, a list of',
  );
  line('  kebab-case flags saying what was odd or derived. The vocabulary is open (consumers must accept');
  line("  unknown flags); today's flags:");
  line();
  line('  | flag | meaning |');
  line('  |---|---|');
  for (const [flag, meaning] of Object.entries(ANOMALY_FLAGS)) line(`  | \`${flag}\` | ${cell(meaning)} |`);
  line();
  line('- **Strict producers, tolerant consumers.** `createEnvelope` rejects data with unknown keys (a typo');
  line('  never reaches a topic); `validateEnvelope` accepts unknown keys inside `data`, so that a producer');
  line('  may add an optional field to an existing version without poisoning older consumers. Anything else');
  line("  that breaks the schema is rejected, and the consumer parks the message on the topic's dead-letter");
  line('  topic (`<topic>.dlq`) with the error.');
  line('- **Versions never break.** A published (type, version) only ever gains optional fields. Anything');
  line('  else (a new required field, a narrower range, a removed or renamed field, a new meaning) is a new');
  line('  version, published alongside the old one. The examples of every published version are frozen');
  line('  under `packages/contracts/fixtures/<type>.v<version>.json` and a test checks that the current');
  line('  schema still accepts all of them.');
  line('- **Retention** is infinite on every topic (delete policy, no compaction): the topics are the');
  line('  history the warehouse and any new consumer rebuild from by replaying from the beginning.');
  line();
  line('## Topics');
  line();
  line('| topic | partitions | key | retention | cleanup | dead-letter topic | events |');
  line('|---|---|---|---|---|---|---|');
  for (const topic of catalog.topics()) {
    const retention = topic.retentionMs === -1 ? 'forever' : `${topic.retentionMs} ms`;
    const events = topic.events.map((type) => `[\`${type}\`](#${anchor(type)})`).join('<br>');
    line(
      `| \`${topic.name}\` | ${topic.partitions} | \`${topic.key}\` | ${retention} | ${topic.cleanupPolicy} | ` +
        `\`${dlqTopicName(topic.name)}\` | ${events} |`,
    );
  }
  line();
  for (const topic of catalog.topics()) line(`- \`${topic.name}\`: ${topic.description}`);
  line();
  line('## Events');
  catalog.events.forEach((definition, index) => {
    const topic = catalog.topic(definition.topic);
    line();
    line(`### ${definition.type}`);
    line();
    line(
      `Version **${definition.version}** · topic \`${definition.topic}\` · key \`${topic?.key ?? '?'}\` · ` +
        `dataschema \`urn:mercado:${definition.type}:${definition.version}\``,
    );
    line();
    line(definition.description);
    line();
    line('| field | type | required | notes |');
    line('|---|---|---|---|');
    for (const row of fieldRows(definition.schema.describe())) {
      line(`| \`${row.path}\` | ${cell(row.type)} | ${row.required ? 'yes' : 'no'} | ${cell(row.notes)} |`);
    }
    line();
    line('Example:');
    line();
    line('```json');
    line(exampleEnvelope(definition, index));
    line('```');
  });
  return `${out.join('\n')}\n`;
}
