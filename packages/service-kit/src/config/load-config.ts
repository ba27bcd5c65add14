import type Joi from 'joi';
import { ConfigError, type ConfigProblem } from './config.error';

/**
 * Validates environment variables against a joi schema once, at start-up, and returns the converted
 * values (numbers, lists, defaults applied). Unknown variables are dropped; every bad or missing one
 * is reported together in a ConfigError. Values are never echoed, since some are secrets.
 */
export function loadConfig<T extends object>(schema: Joi.ObjectSchema<T>, env: NodeJS.ProcessEnv = process.env): T {
  const { error, value } = schema.validate(
    // Empty strings count as unset, as a shell `FOO= node …` means.
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
    { abortEarly: false, allowUnknown: true, stripUnknown: true, convert: true, errors: { wrap: { label: false } } },
  );
  if (error) {
    const problems: ConfigProblem[] = [];
    for (const detail of error.details) {
      const variable = variableOf(detail);
      problems.push({ variable, expected: expectation(detail, variable) });
    }
    throw new ConfigError(problems);
  }
  return value;
}

function variableOf(detail: Joi.ValidationErrorItem): string {
  if (detail.path.length > 0) return detail.path.map(String).join('.');
  // Object-level rules (one of two variables) name their peers.
  const peers = (detail.context?.peers ?? detail.context?.present) as unknown;
  return Array.isArray(peers) && peers.length > 0 ? peers.map(String).join(' / ') : '(configuration)';
}

function expectation(detail: Joi.ValidationErrorItem, variable: string): string {
  // joi's message starts with the label ("PORT must be a valid port"); keep the part after it.
  const message = detail.message.startsWith(`${variable} `) ? detail.message.slice(variable.length + 1) : detail.message;
  return message;
}

export interface ExitOptions {
  /** Where the message goes (default stderr). */
  write?: (text: string) => void;
  /** How the process ends (default process.exit). */
  exit?: (code: number) => never;
}

/**
 * For main.ts: a ConfigError is printed and the process exits 1 at once (nothing else has started
 * yet); any other error is rethrown.
 */
export function exitOnConfigError(error: unknown, options: ExitOptions = {}): never {
  if (!(error instanceof ConfigError)) throw error;
  (options.write ?? ((text) => process.stderr.write(text)))(`${error.message}\n`);
  return (options.exit ?? ((code: number) => process.exit(code)))(1);
}

/** loadConfig, exiting 1 with the message on a ConfigError. */
export function loadConfigOrExit<T extends object>(
  schema: Joi.ObjectSchema<T>,
  env: NodeJS.ProcessEnv = process.env,
  options: ExitOptions = {},
): T {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    return exitOnConfigError(error, options);
  }
}
