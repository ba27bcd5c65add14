/** One environment variable that is missing or wrong, and what it expects. */
export interface ConfigProblem {
  variable: string;
  expected: string;
}

/** Start-up configuration is missing or wrong. The message names every bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: ConfigProblem[]) {
    super(
      [
        `Invalid configuration (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):`,
        ...problems.map((p) => `  - ${p.variable}: ${p.expected}`),
      ].join('\n'),
    );
  }
}
