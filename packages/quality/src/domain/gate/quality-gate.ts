import { type QualityRun, type RunInputs } from '../run/quality-run';
import { type FailingExpectation, type Score } from '../score/score';

export const DEFAULT_QUALITY_THRESHOLD = 0.95;
const LISTED = 50;

export class QualityGateError extends Error {
  constructor(
    readonly score: Score,
    readonly threshold: number,
    readonly inputs: RunInputs | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'QualityGateError';
  }

  get failing(): FailingExpectation[] {
    return this.score.failing;
  }
}

function describe(failing: FailingExpectation): string {
  const where = `${failing.suite}/${failing.expectationId} (${failing.kind} on ${failing.table})`;
  if (failing.status === 'error') return `[${failing.severity}] ${where}: the check failed to run: ${failing.error ?? 'unknown error'}`;
  const counts = failing.unexpectedCount !== null ? `${failing.unexpectedCount} of ${failing.elementCount ?? 0} unexpected` : `observed ${JSON.stringify(failing.observedValue)}`;
  return `[${failing.severity}] ${where}: ${counts}`;
}

function isRun(subject: Score | QualityRun): subject is QualityRun {
  return 'suites' in subject && 'score' in subject;
}

/**
 * Passes when the score reaches the threshold; otherwise throws a QualityGateError whose message lists
 * the failing expectations (heaviest first) and, given a run, the rejected rows and dead letters.
 * A score over no evaluated expectation never passes: nothing was checked.
 */
export function assertQualityGate(subject: Score | QualityRun, threshold = DEFAULT_QUALITY_THRESHOLD): void {
  if (!(typeof threshold === 'number' && threshold >= 0 && threshold <= 1)) throw new RangeError(`quality threshold must be between 0 and 1, got ${threshold}`);
  const score = isRun(subject) ? subject.score : subject;
  const inputs = isRun(subject) ? subject.inputs : undefined;
  if (score.evaluated > 0 && score.value >= threshold) return;
  const lines = [
    score.evaluated === 0
      ? 'quality gate failed: no expectation was evaluated'
      : `quality gate failed: score ${score.value.toFixed(4)} is below the threshold ${threshold.toFixed(4)} (${score.passed} passed, ${score.failed} failed, ${score.errored} errored, ${score.skipped} skipped)`,
  ];
  if (inputs) lines.push(`inputs: ${inputs.rejectedRows} rejected CSV rows, ${inputs.deadLetters} dead-lettered events`);
  if (score.failing.length > 0) {
    lines.push('failing expectations:');
    for (const failing of score.failing.slice(0, LISTED)) lines.push(`  - ${describe(failing)}`);
    if (score.failing.length > LISTED) lines.push(`  ... and ${score.failing.length - LISTED} more`);
  }
  throw new QualityGateError(score, threshold, inputs, lines.join('\n'));
}
