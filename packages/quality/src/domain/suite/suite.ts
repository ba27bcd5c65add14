import { type Expectation, InvalidExpectationError, validateExpectation } from '../expectation/expectation';
import { assertIdentifier } from '../identifier/sql-identifier';

export type Layer = 'raw' | 'staging' | 'dimension' | 'fact' | 'mart';
export const LAYERS: readonly Layer[] = ['raw', 'staging', 'dimension', 'fact', 'mart'];

/** What started a run: a batch just applied (the cheap subset), the schedule or a person (everything). */
export type Trigger = 'batch' | 'schedule' | 'on-demand';
export const TRIGGERS: readonly Trigger[] = ['batch', 'schedule', 'on-demand'];

export interface Suite {
  /** Unique across suites; the label of the quality_score gauge. */
  name: string;
  layer: Layer;
  description?: string;
  expectations: readonly Expectation[];
}

export interface SuiteDefinition {
  name: string;
  layer: Layer;
  /** The schema of tables named without one. */
  schema?: string;
  description?: string;
  expectations: readonly Expectation[];
}

export class InvalidSuiteError extends Error {
  constructor(
    readonly suite: string,
    readonly problems: string[],
  ) {
    super(`suite ${JSON.stringify(suite)} is invalid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'InvalidSuiteError';
  }
}

/**
 * Validates a suite (name, layer, unique expectation ids, every expectation) and qualifies its tables
 * with the suite's schema. Every problem is reported at once.
 */
export function defineSuite(definition: SuiteDefinition): Suite {
  const problems: string[] = [];
  if (typeof definition.name !== 'string' || !/^[A-Za-z0-9_.-]{1,100}$/.test(definition.name)) problems.push('name must be 1-100 characters of letters, digits, _ . -');
  if (!LAYERS.includes(definition.layer)) problems.push(`layer must be one of ${LAYERS.join(', ')}`);
  if (definition.schema !== undefined) {
    try {
      assertIdentifier(definition.schema, 'schema');
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  const seen = new Set<string>();
  const expectations: Expectation[] = [];
  for (const expectation of definition.expectations) {
    if (seen.has(expectation.id)) problems.push(`expectation id ${JSON.stringify(expectation.id)} is used twice`);
    seen.add(expectation.id);
    try {
      expectations.push(Object.freeze(validateExpectation(expectation, definition.schema)));
    } catch (error) {
      if (!(error instanceof InvalidExpectationError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new InvalidSuiteError(String(definition.name), problems);
  const suite: Suite = { name: definition.name, layer: definition.layer, expectations: Object.freeze(expectations) };
  if (definition.description !== undefined) suite.description = definition.description;
  return Object.freeze(suite);
}

/** The expectations a trigger runs: the cheap subset after a batch, all of them otherwise. */
export function expectationsFor(suite: Suite, trigger: Trigger): readonly Expectation[] {
  return trigger === 'batch' ? suite.expectations.filter((e) => e.cheap) : suite.expectations;
}

/** Suite names must be unique across a set of suites (they key the stored scores and the gauge). */
export function assertDistinctSuites(suites: readonly Suite[]): void {
  const names = new Set<string>();
  for (const suite of suites) {
    if (names.has(suite.name)) throw new InvalidSuiteError(suite.name, ['another suite has the same name']);
    names.add(suite.name);
  }
}
