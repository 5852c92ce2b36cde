// Writes the run's totals to .test-results/totals.json, for .ci/run's closing line.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class TotalsReporter {
  onRunComplete(_contexts, results) {
    const dir = join(__dirname, '..', '..', '.test-results');
    mkdirSync(dir, { recursive: true });
    const totals = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    writeFileSync(join(dir, 'totals.json'), `${JSON.stringify(totals)}\n`);
  }
}

module.exports = TotalsReporter;
