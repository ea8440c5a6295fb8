// Prints one closing line over every Jest JSON report: "N passed, N failed" (plus skipped), and the failures.
const fs = require('fs');

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    failures.push(`${file}: no report (the run did not finish)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  for (const suite of report.testResults) {
    if (suite.status === 'failed' && suite.assertionResults.every((a) => a.status !== 'failed')) {
      failures.push(`${suite.name}: ${suite.message.split('\n').slice(0, 3).join(' ')}`);
      failed += 1;
    }
    for (const a of suite.assertionResults) if (a.status === 'failed') failures.push(`${a.fullName}`);
  }
}
for (const f of failures) console.log(`FAILED: ${f}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
