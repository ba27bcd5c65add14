import { type ExpectationKind, type Severity } from '../expectation/expectation';
import { type ExpectationResult, type JsonValue } from '../result/expectation-result';

/**
 * An error-severity expectation weighs three times a warning of the same weight: breaking a key or a
 * foreign key matters more than a drifting distribution.
 */
export const SEVERITY_FACTOR: Readonly<Record<Severity, number>> = Object.freeze({ error: 3, warning: 1 });

export interface FailingExpectation {
  suite: string;
  expectationId: string;
  kind: ExpectationKind;
  table: string;
  severity: Severity;
  status: 'failed' | 'error';
  /** weight × severity factor: what this expectation took off the score's numerator. */
  effectiveWeight: number;
  unexpectedCount: number | null;
  elementCount: number | null;
  observedValue: Record<string, JsonValue>;
  error?: string;
}

/**
 *   score = Σ wᵢ·sᵢ·pᵢ / Σ wᵢ·sᵢ   over the evaluated expectations i
 * wᵢ the expectation's weight, sᵢ its severity factor (error 3, warning 1), pᵢ 1 when it passed and 0
 * when it failed or its check errored. Skipped expectations are left out; with none evaluated the
 * score is 1 and `evaluated` is 0 (the gate refuses that).
 */
export interface Score {
  value: number;
  evaluated: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
  passedWeight: number;
  totalWeight: number;
  /** Failed and errored expectations, heaviest first. */
  failing: FailingExpectation[];
}

export interface SuiteResults {
  suite: string;
  results: readonly ExpectationResult[];
}

export function effectiveWeight(result: Pick<ExpectationResult, 'weight' | 'severity'>): number {
  return result.weight * SEVERITY_FACTOR[result.severity];
}

/** Scores results pooled from one suite or many (the overall score pools every suite's results). */
export function scoreResults(groups: readonly SuiteResults[]): Score {
  const score: Score = { value: 1, evaluated: 0, passed: 0, failed: 0, errored: 0, skipped: 0, passedWeight: 0, totalWeight: 0, failing: [] };
  for (const { suite, results } of groups) {
    for (const result of results) {
      if (result.status === 'skipped') {
        score.skipped++;
        continue;
      }
      const weight = effectiveWeight(result);
      score.evaluated++;
      score.totalWeight += weight;
      if (result.status === 'passed') {
        score.passed++;
        score.passedWeight += weight;
        continue;
      }
      if (result.status === 'error') score.errored++;
      else score.failed++;
      const failing: FailingExpectation = {
        suite,
        expectationId: result.expectationId,
        kind: result.kind,
        table: result.table,
        severity: result.severity,
        status: result.status,
        effectiveWeight: weight,
        unexpectedCount: result.unexpectedCount,
        elementCount: result.elementCount,
        observedValue: result.observedValue,
      };
      if (result.error !== undefined) failing.error = result.error;
      score.failing.push(failing);
    }
  }
  if (score.totalWeight > 0) score.value = score.passedWeight / score.totalWeight;
  score.failing.sort((a, b) => b.effectiveWeight - a.effectiveWeight || a.suite.localeCompare(b.suite) || a.expectationId.localeCompare(b.expectationId));
  return score;
}

export function scoreSuite(suite: string, results: readonly ExpectationResult[]): Score {
  return scoreResults([{ suite, results }]);
}
