// Prints the totals written by jest-results-reporter.cjs: one line per package and kind, then the
// closing line "Tests: N passed, N failed, N skipped".
const fs = require('node:fs');
const path = require('node:path');

const dir = process.argv[2];
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
let passed = 0;
let failed = 0;
let skipped = 0;
console.log('\n== Test summary ==');
for (const file of files) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  passed += r.passed;
  failed += r.failed + (r.suitesFailed && !r.failed ? r.suitesFailed : 0);
  skipped += r.skipped;
  console.log(`${r.package.padEnd(14)} ${r.kind.padEnd(12)} ${r.passed} passed, ${r.failed} failed${r.suitesFailed ? `, ${r.suitesFailed} suites failed` : ''}`);
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
