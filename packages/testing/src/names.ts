import { randomBytes } from 'node:crypto';

/** A name unique to this test run: prefix, process id and random suffix, safe for topics and databases. */
export function uniqueName(prefix: string): string {
  const clean = prefix.toLowerCase().replace(/[^a-z0-9_]+/g, '_').slice(0, 30);
  return `${clean}_${process.pid}_${randomBytes(4).toString('hex')}`;
}
