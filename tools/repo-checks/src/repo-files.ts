import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/** The repository root (this package lives in tools/repo-checks). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export type Mapping = Record<string, unknown>;

export function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function mapping(value: unknown): Mapping {
  return isMapping(value) ? value : {};
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function fileExists(root: string, relative: string): boolean {
  return fs.existsSync(path.resolve(root, relative));
}

export function readText(root: string, relative: string): string {
  return fs.readFileSync(path.resolve(root, relative), 'utf8');
}

/** Parses one YAML document; `<<` merge keys are resolved, as docker compose does. */
export function parseYaml(source: string, fileName: string): unknown {
  try {
    return parse(source, { merge: true, prettyErrors: true });
  } catch (error) {
    throw new Error(`${fileName} is not valid YAML: ${(error as Error).message}`, { cause: error });
  }
}

export function readYaml(root: string, relative: string): unknown {
  return parseYaml(readText(root, relative), relative);
}

/** Parses every document of a multi-document YAML file; throws naming the file on the first error. */
export function parseYamlDocuments(source: string, fileName: string): unknown[] {
  const documents = parseAllDocuments(source, { merge: true, prettyErrors: true });
  const all = Array.isArray(documents) ? documents : [documents];
  const values: unknown[] = [];
  for (const document of all) {
    if (document.errors.length > 0) {
      throw new Error(`${fileName} is not valid YAML: ${document.errors.map((e) => e.message).join('; ')}`);
    }
    const value: unknown = document.toJS();
    if (value !== null && value !== undefined) values.push(value);
  }
  return values;
}

/** Files under `relativeDir` (recursively) whose names end with one of `extensions`, sorted. */
export function listFiles(root: string, relativeDir: string, extensions: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.resolve(root, dir), { withFileTypes: true })) {
      const child = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (extensions.some((extension) => entry.name.endsWith(extension))) found.push(child);
    }
  };
  if (fs.existsSync(path.resolve(root, relativeDir))) walk(relativeDir);
  return found.sort();
}

/**
 * Resolves compose-style interpolation: `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `$VAR` and
 * `$$`. Unset variables without a default become empty, as in docker compose.
 */
export function interpolate(value: string, env: Readonly<Record<string, string | undefined>> = {}): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (
      match,
      braced: string | undefined,
      operator: string | undefined,
      fallback: string | undefined,
      bare: string | undefined,
    ) => {
      if (match === '$$') return '$';
      const name = (braced ?? bare)!;
      const current = env[name];
      if (operator === ':-') return current ? current : (fallback ?? '');
      if (operator === '-') return current ?? fallback ?? '';
      return current ?? '';
    },
  );
}
