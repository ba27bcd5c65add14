// A jest reporter that writes each run's totals to MERCADO_TEST_RESULTS_DIR, so that the test command
// can print one summary over every package.
const fs = require('node:fs');
const path = require('node:path');

class ResultsReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const dir = process.env.MERCADO_TEST_RESULTS_DIR;
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    const kind = process.env.MERCADO_TEST_KIND === 'integration' ? 'integration' : 'unit';
    const name = path.basename(this.rootDir);
    fs.writeFileSync(
      path.join(dir, `${name}.${kind}.json`),
      JSON.stringify({
        package: name,
        kind,
        passed: results.numPassedTests,
        failed: results.numFailedTests,
        skipped: results.numPendingTests + results.numTodoTests,
        suitesFailed: results.numFailedTestSuites + results.numRuntimeErrorTestSuites,
        success: results.success,
      }),
    );
  }
}

module.exports = ResultsReporter;
