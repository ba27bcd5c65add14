import { type Expectation, type RowCondition, type SetMember } from '../../domain/expectation/expectation';
import { MAX_SAMPLE_ROWS } from '../../domain/result/expectation-result';
import { quoteIdentifier as q, quoteTable } from '../../domain/identifier/sql-identifier';

/**
 * Compiles an expectation into one set-based query returning a single row:
 *   element_count bigint, unexpected_count bigint, metrics json, sample json (≤ MAX_SAMPLE_ROWS rows)
 * Identifiers are validated and quoted; every value travels as a bind parameter (its type inferred
 * by PostgreSQL from the column it is compared with). Aliases of our own are capitalised, so they
 * can never collide with a (lower-case) column name.
 */
export interface CompiledQuery {
  text: string;
  values: unknown[];
}

class Parameters {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Set members travel as text; PostgreSQL parses them as the column's type. */
function asText(value: SetMember): string {
  return String(value);
}

function compileConditions(conditions: readonly RowCondition[] | undefined, parameters: Parameters, alias?: string): string[] {
  const prefix = alias ? `${alias}.` : '';
  return (conditions ?? []).map((condition) => {
    const column = prefix + q(condition.column, 'rowCondition column');
    switch (condition.op) {
      case 'is_null':
        return `${column} IS NULL`;
      case 'is_not_null':
        return `${column} IS NOT NULL`;
      case 'in':
        return `${column} = ANY(${parameters.add((condition.value as SetMember[]).map(asText))})`;
      default: {
        const operator = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' }[condition.op];
        if (!operator) throw new Error(`unknown rowCondition operator ${JSON.stringify(condition.op)}`);
        return `${column} ${operator} ${parameters.add(asText(condition.value as SetMember))}`;
      }
    }
  });
}

function where(predicates: readonly string[]): string {
  return predicates.length > 0 ? `WHERE ${predicates.map((p) => `(${p})`).join(' AND ')}` : '';
}

const EMPTY_SAMPLE = `'[]'::json`;
const NO_METRICS = `'{}'::json`;

function sampleOf(select: string): string {
  return `(SELECT coalesce(json_agg(s), '[]'::json) FROM (${select} LIMIT ${MAX_SAMPLE_ROWS}) s)`;
}

function sampleColumns(expectation: Expectation, alias?: string): string {
  const prefix = alias ? `${alias}.` : '';
  const columns = [...new Set([...(expectation.sampleColumns ?? []), ...expectation.columns])];
  return columns.map((column) => `${prefix}${q(column)}::text AS ${q(column)}`).join(', ');
}

/** Row-level kinds judged one row at a time: count the rows, count the unexpected, sample them. */
function rowLevel(expectation: Expectation, parameters: Parameters, element: string[], unexpected: string): CompiledQuery {
  const table = quoteTable(expectation.table);
  const filter = [...compileConditions(expectation.rowCondition, parameters), ...element];
  const text = `SELECT count(*) AS element_count,
  count(*) FILTER (WHERE ${unexpected}) AS unexpected_count,
  ${NO_METRICS} AS metrics,
  ${sampleOf(`SELECT ${sampleColumns(expectation)} FROM ${table} ${where([...filter, unexpected])}`)} AS sample
FROM ${table} ${where(filter)}`;
  return { text, values: parameters.values };
}

function notNull(columns: readonly string[]): string[] {
  return columns.map((column) => `${q(column)} IS NOT NULL`);
}

function unique(expectation: Expectation, parameters: Parameters): CompiledQuery {
  const table = quoteTable(expectation.table);
  const columns = expectation.columns.map((c) => q(c)).join(', ');
  const filter = [...compileConditions(expectation.rowCondition, parameters), ...notNull(expectation.columns)];
  const text = `WITH g AS (SELECT ${columns}, count(*) AS "Rows" FROM ${table} ${where(filter)} GROUP BY ${columns})
SELECT coalesce(sum("Rows"), 0) AS element_count,
  coalesce(sum("Rows") FILTER (WHERE "Rows" > 1), 0) AS unexpected_count,
  ${NO_METRICS} AS metrics,
  ${sampleOf(`SELECT ${expectation.columns.map((c) => `${q(c)}::text AS ${q(c)}`).join(', ')}, "Rows"::text AS "Rows" FROM g WHERE "Rows" > 1`)} AS sample
FROM g`;
  return { text, values: parameters.values };
}

function between(column: string, minValue: unknown, maxValue: unknown, strictMin: boolean, strictMax: boolean, parameters: Parameters, cast = ''): string {
  const checks: string[] = [];
  if (minValue !== undefined) checks.push(`${column} ${strictMin ? '>' : '>='} ${parameters.add(String(minValue))}${cast}`);
  if (maxValue !== undefined) checks.push(`${column} ${strictMax ? '<' : '<='} ${parameters.add(String(maxValue))}${cast}`);
  return `NOT (${checks.join(' AND ')})`;
}

function tableLevel(metrics: string, from: string, elementCount = 'NULL::bigint'): string {
  return `SELECT ${elementCount} AS element_count, NULL::bigint AS unexpected_count, ${metrics} AS metrics, ${EMPTY_SAMPLE} AS sample ${from}`;
}

function foreignKeys(expectation: Expectation<'expect_foreign_keys_to_exist'>, parameters: Parameters): CompiledQuery {
  const { referenceTable, referenceColumns, inferredColumn } = expectation.parameters;
  const table = quoteTable(expectation.table);
  const reference = quoteTable(referenceTable);
  const referenceList = referenceColumns.map((c) => q(c)).join(', ');
  const inferred = inferredColumn ? `bool_or(${q(inferredColumn)})` : 'false';
  const join = expectation.columns.map((column, i) => `r.${q(referenceColumns[i]!)} = t.${q(column)}`).join(' AND ');
  const filter = [...compileConditions(expectation.rowCondition, parameters, 't'), ...expectation.columns.map((c) => `t.${q(c)} IS NOT NULL`)];
  const orphan = `NOT EXISTS (SELECT 1 FROM ${reference} r WHERE ${join})`;
  const text = `SELECT count(*) AS element_count,
  count(*) FILTER (WHERE r."Present" IS NULL) AS unexpected_count,
  json_build_object('inferred', count(*) FILTER (WHERE r."Inferred")) AS metrics,
  ${sampleOf(`SELECT ${sampleColumns(expectation, 't')} FROM ${table} t ${where([...filter, orphan])}`)} AS sample
FROM ${table} t
LEFT JOIN (SELECT ${referenceList}, ${inferred} AS "Inferred", true AS "Present" FROM ${reference} GROUP BY ${referenceList}) r ON ${join}
${where(filter)}`;
  return { text, values: parameters.values };
}

function sumsMatch(expectation: Expectation<'expect_column_sums_to_match_other_table'>, parameters: Parameters): CompiledQuery {
  const { sumColumns, otherTable, otherKeyColumns, otherSumColumns, tolerance } = expectation.parameters;
  const keys = expectation.columns.map((c) => q(c));
  const total = (columns: readonly string[]) => `sum(${columns.map((c) => `coalesce(${q(c)}, 0)`).join(' + ')})`;
  const tol = parameters.add(tolerance);
  const filter = compileConditions(expectation.rowCondition, parameters);
  // The other side's key columns are renamed to this side's, so the two join USING the same names.
  const otherKeys = otherKeyColumns.map((c, i) => `${q(c)} AS ${keys[i]}`);
  const text = `WITH l AS (SELECT ${keys.join(', ')}, ${total(sumColumns)} AS "Sum" FROM ${quoteTable(expectation.table)} ${where(filter)} GROUP BY ${keys.join(', ')}),
r AS (SELECT ${otherKeys.join(', ')}, ${total(otherSumColumns)} AS "Other sum" FROM ${quoteTable(otherTable)} GROUP BY ${otherKeyColumns.map((c) => q(c)).join(', ')}),
j AS (SELECT ${keys.join(', ')}, l."Sum", r."Other sum", abs(l."Sum" - r."Other sum") AS "Difference" FROM l JOIN r USING (${keys.join(', ')}))
SELECT count(*) AS element_count,
  count(*) FILTER (WHERE "Difference" > ${tol}::numeric) AS unexpected_count,
  ${NO_METRICS} AS metrics,
  ${sampleOf(`SELECT ${keys.map((k) => `${k}::text AS ${k}`).join(', ')}, "Sum"::text AS "Sum", "Other sum"::text AS "Other sum", "Difference"::text AS "Difference" FROM j WHERE "Difference" > ${tol}::numeric`)} AS sample
FROM j`;
  return { text, values: parameters.values };
}

function newest(expectation: Expectation<'expect_column_newest_value_to_be_recent'>, parameters: Parameters): CompiledQuery {
  const { maxAgeSeconds, groupBy = [] } = expectation.parameters;
  const column = q(expectation.columns[0]!);
  const groups = groupBy.map((c) => q(c));
  const maxAge = parameters.add(String(maxAgeSeconds));
  const filter = compileConditions(expectation.rowCondition, parameters);
  const stale = `"Newest" IS NULL OR "Age" > ${maxAge}::numeric`;
  // now() is the snapshot transaction's start: one reference instant for every check of a run.
  const text = `WITH g AS (SELECT ${[...groups, `max(${column}) AS "Newest"`].join(', ')} FROM ${quoteTable(expectation.table)} ${where(filter)} ${groups.length > 0 ? `GROUP BY ${groups.join(', ')}` : ''}),
a AS (SELECT g.*, extract(epoch FROM (now() - "Newest")) AS "Age" FROM g)
SELECT count(*) AS element_count,
  count(*) FILTER (WHERE ${stale}) AS unexpected_count,
  json_build_object('newest', max("Newest"), 'ageSeconds', max("Age")) AS metrics,
  ${sampleOf(`SELECT ${[...groups.map((g) => `${g}::text AS ${g}`), `"Newest"::text AS "Newest"`, `round("Age")::text AS "Age seconds"`].join(', ')} FROM a WHERE ${stale}`)} AS sample
FROM a`;
  return { text, values: parameters.values };
}

/** Compiles one expectation; `params` are not needed by any query (run values are judged in the domain). */
export function compileExpectation(expectation: Expectation): CompiledQuery {
  const parameters = new Parameters();
  const table = quoteTable(expectation.table);
  const column = expectation.columns[0] === undefined ? '' : q(expectation.columns[0]);
  switch (expectation.kind) {
    case 'expect_column_values_to_not_be_null':
      return rowLevel(expectation, parameters, [], `${column} IS NULL`);
    case 'expect_column_values_to_be_unique':
    case 'expect_compound_columns_to_be_unique':
      return unique(expectation, parameters);
    case 'expect_column_values_to_be_between': {
      const { minValue, maxValue, strictMin = false, strictMax = false } = expectation.parameters;
      // The bounds are bound before the filter's values: compile the predicate first.
      const unexpected = between(column, minValue, maxValue, strictMin, strictMax, parameters);
      return rowLevel(expectation, parameters, notNull(expectation.columns), unexpected);
    }
    case 'expect_column_values_to_be_in_set': {
      const unexpected = `NOT (${column} = ANY(${parameters.add(expectation.parameters.valueSet.map(asText))}))`;
      return rowLevel(expectation, parameters, notNull(expectation.columns), unexpected);
    }
    case 'expect_column_values_to_match_regex': {
      const unexpected = `NOT (${column}::text ~ ${parameters.add(expectation.parameters.regex)}::text)`;
      return rowLevel(expectation, parameters, notNull(expectation.columns), unexpected);
    }
    case 'expect_column_value_lengths_to_be_between': {
      const { minValue, maxValue } = expectation.parameters;
      const unexpected = between(`char_length(${column}::text)`, minValue, maxValue, false, false, parameters, '::integer');
      return rowLevel(expectation, parameters, notNull(expectation.columns), unexpected);
    }
    case 'expect_column_pair_values_a_to_be_greater_than_b': {
      const [a, b] = expectation.columns.map((c) => q(c));
      return rowLevel(expectation, parameters, notNull(expectation.columns), `NOT (${a} ${expectation.parameters.orEqual ? '>=' : '>'} ${b})`);
    }
    case 'expect_table_row_count_to_be_between':
    case 'expect_table_row_count_to_equal': {
      const filter = compileConditions(expectation.rowCondition, parameters);
      return { text: tableLevel(`json_build_object('rows', count(*))`, `FROM ${table} ${where(filter)}`), values: parameters.values };
    }
    case 'expect_table_row_count_to_equal_other_table': {
      const { otherTable, otherRowCondition } = expectation.parameters;
      const filter = compileConditions(expectation.rowCondition, parameters);
      const otherFilter = compileConditions(otherRowCondition, parameters);
      const metrics = `json_build_object('rows', (SELECT count(*) FROM ${table} ${where(filter)}), 'otherRows', (SELECT count(*) FROM ${quoteTable(otherTable)} ${where(otherFilter)}))`;
      return { text: tableLevel(metrics, ''), values: parameters.values };
    }
    case 'expect_foreign_keys_to_exist':
      return foreignKeys(expectation, parameters);
    case 'expect_column_sums_to_match_other_table':
      return sumsMatch(expectation, parameters);
    case 'expect_column_newest_value_to_be_recent':
      return newest(expectation, parameters);
    case 'expect_column_mean_to_be_between': {
      const filter = compileConditions(expectation.rowCondition, parameters);
      return { text: tableLevel(`json_build_object('mean', avg(${column}))`, `FROM ${table} ${where(filter)}`, `count(${column})`), values: parameters.values };
    }
    case 'expect_column_value_proportion_to_be_between': {
      const value = parameters.add(asText(expectation.parameters.value));
      const filter = compileConditions(expectation.rowCondition, parameters);
      const matching = `count(*) FILTER (WHERE ${column} = ${value})`;
      const metrics = `json_build_object('proportion', ${matching}::numeric / nullif(count(${column}), 0), 'matching', ${matching})`;
      return { text: tableLevel(metrics, `FROM ${table} ${where(filter)}`, `count(${column})`), values: parameters.values };
    }
    case 'expect_run_parameter_ratio_to_be_between':
      // Judged from the run's parameters alone; the query only keeps every check one round trip.
      return { text: tableLevel(NO_METRICS, ''), values: parameters.values };
    default: {
      const unknown: never = expectation;
      throw new Error(`no SQL for kind ${JSON.stringify((unknown as Expectation).kind)}`);
    }
  }
}
