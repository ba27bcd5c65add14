import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type Joi from 'joi';
import { type AnyEventDefinition } from '../catalog/event-definition';
import { violationDetails, type ContractViolationDetail } from '../envelope/contract-violation.error';

/**
 * Frozen fixtures are the schema-registry "backward" rule made executable: the data examples of every
 * published (type, version) are committed under fixtures/<type>.v<version>.json, and the current schema
 * of that version must still accept every one of them. A change that would reject data already
 * published (a new required field, a narrower range, a removed field) fails the test; such a change
 * belongs in a new version.
 */

/** packages/contracts/fixtures (the same depth from src/compat and dist/compat). */
export const FROZEN_FIXTURES_DIR = path.resolve(__dirname, '..', '..', 'fixtures');

export interface FrozenFixtures {
  type: string;
  version: number;
  file: string;
  fixtures: unknown[];
}

export interface CompatibilityViolation {
  type: string;
  version: number;
  fixtureIndex: number;
  details: ContractViolationDetail[];
}

const FILE_PATTERN = /^([a-z][a-z0-9.-]*)\.v([1-9]\d*)\.json$/;

export function frozenFixtureFileName(type: string, version: number): string {
  return `${type}.v${version}.json`;
}

export function parseFrozenFixtureFileName(file: string): { type: string; version: number } | undefined {
  const match = FILE_PATTERN.exec(file);
  return match ? { type: match[1]!, version: Number(match[2]) } : undefined;
}

export function readFrozenFixtures(dir: string = FROZEN_FIXTURES_DIR): FrozenFixtures[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const name = parseFrozenFixtureFileName(file);
      if (!name) throw new Error(`${file}: frozen fixture files are named <type>.v<version>.json`);
      const fixtures: unknown = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
      if (!Array.isArray(fixtures)) throw new Error(`${file}: a frozen fixture file holds a JSON array`);
      return { ...name, file, fixtures };
    });
}

/**
 * Validates frozen fixtures against a schema as a producer would (unknown keys rejected, no type
 * conversion): a field removed from the schema is caught as well as a new constraint.
 */
export function checkBackwardCompatibility(
  schema: Joi.ObjectSchema,
  frozen: Pick<FrozenFixtures, 'type' | 'version' | 'fixtures'>,
): CompatibilityViolation[] {
  return frozen.fixtures.flatMap((fixture, fixtureIndex) => {
    const { error } = schema.validate(fixture, { abortEarly: false, convert: false, allowUnknown: false });
    return error
      ? [{ type: frozen.type, version: frozen.version, fixtureIndex, details: violationDetails(error) }]
      : [];
  });
}

/**
 * Adds the current fixtures of every definition to its frozen file, creating it if needed. Append-only:
 * a frozen fixture is never changed or removed. Returns the files written.
 */
export function freezeFixtures(
  events: readonly AnyEventDefinition[],
  dir: string = FROZEN_FIXTURES_DIR,
): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const definition of events) {
    const file = path.join(dir, frozenFixtureFileName(definition.type, definition.version));
    const frozen: unknown[] = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
    const known = new Set(frozen.map((fixture) => JSON.stringify(fixture)));
    const added = definition.fixtures.filter((fixture) => !known.has(JSON.stringify(fixture)));
    if (added.length === 0 && existsSync(file)) continue;
    writeFileSync(file, `${JSON.stringify([...frozen, ...added], null, 2)}\n`);
    written.push(file);
  }
  return written;
}
