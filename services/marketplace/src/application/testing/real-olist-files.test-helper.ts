// Reads Olist's real files for the tests that use them, from the folder @mercado/testing finds
// (shared/olist/real above the checkout, or OLIST_REAL_DIR). A missing folder fails the test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { olistRealDir } from '@mercado/testing';

export function readOlistRealFile(name: string): string {
  return readFileSync(path.join(olistRealDir(), name), 'utf8');
}
