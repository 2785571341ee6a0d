#!/usr/bin/env bash
# `npm test`: installs the Debian packages the tests need (when root), runs every Vitest project
# (pglite, postgres, e2e — see vitest.config.ts) and ends with one line: `N passed, M failed[, K skipped]`.
# Arguments are passed to Vitest, e.g. `npm test -- src/kernel/db` or `npm test -- --project pglite`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-packages.sh

if [ ! -x node_modules/.bin/vitest ]; then
  echo "Vitest is not installed: run \`npm ci\` first." >&2
  echo "0 passed, 0 failed"
  exit 1
fi

results_dir="$(mktemp -d -t sasaeai-test.XXXXXX)"
trap 'rm -rf "$results_dir"' EXIT
results="$results_dir/results.json"

set +e
node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile="$results" "$@"
vitest_status=$?
set -e

node - "$results" "$vitest_status" <<'JS'
const { readFileSync } = require('node:fs');
const [file, statusText] = process.argv.slice(2);
const vitestStatus = Number(statusText);
let report = null;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  console.log('Vitest wrote no results (see its output above).');
}
let passed = 0;
let failed = 0;
let skipped = 0;
if (report) {
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A test file that fails before any of its tests runs (an import error, a failing beforeAll) counts as one failure.
  for (const file of report.testResults ?? []) {
    const failedInside = (file.assertionResults ?? []).some((test) => test.status === 'failed');
    if (file.status === 'failed' && !failedInside) failed += 1;
  }
}
if (vitestStatus !== 0 && failed === 0 && passed > 0) {
  console.log(`Vitest exited with status ${vitestStatus}: errors outside the tests (see above).`);
}
if (passed === 0 && failed === 0) console.log('No test ran.');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(vitestStatus !== 0 || failed > 0 || passed === 0 ? 1 : 0);
JS
