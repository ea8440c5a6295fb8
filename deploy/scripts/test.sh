#!/usr/bin/env bash
# `npm test`: every check and test. Starts the stack if it is not running (and stops it again afterwards
# in that case), then: lint, type check, unit + workflow tests (time-skipping test server), build, and
# the integration and end-to-end tests against the real PostgreSQL, Kafka and Temporal.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false CI="${CI:-}"
source deploy/local/env.sh
results="$PRP_DATA_DIR/test-results"
mkdir -p "$results"
rm -f "$results"/*.json
started=$(date +%s)

phase() { printf '\n== %s (%ss)\n' "$*" "$(( $(date +%s) - started ))"; }

phase "npm dependencies"
if [[ ! -x node_modules/.bin/jest ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then npm ci --no-audit --no-fund; else echo "  up to date"; fi

phase "stack"
stack_started_here=0
if ! bash deploy/local/stack.sh status >/dev/null 2>&1; then
  stack_started_here=1
  trap 'bash deploy/local/stack.sh down || true' EXIT
fi
bash deploy/local/stack.sh up

phase "lint"
# Nx's native project-graph step crashed once with SIGSEGV on a fresh clone (not reproducible since).
# A crash (exit status above 128) is retried once; lint errors (status 1) are never retried.
npm run -s lint || {
  status=$?
  if (( status > 128 )); then echo "lint crashed (exit $status), retrying once"; npm run -s lint; else exit "$status"; fi
}

phase "type check"
node_modules/.bin/tsc -p tsconfig.build.json --noEmit
# Each project with its tests: the test runner transpiles without checking types, so only this catches a test
# that no longer type-checks against the code it exercises.
for project in services/*/tsconfig.json libs/*/tsconfig.json workflows/case/tsconfig.json workflows/case/worker/tsconfig.json e2e/tsconfig.json; do
  node_modules/.bin/tsc -p "$project" --noEmit
done

phase "unit and workflow tests"
status=0
node_modules/.bin/jest -c jest.config.ts --ci --json --outputFile="$results/unit.json" || status=1

phase "build"
bash deploy/scripts/build.sh

phase "integration and end-to-end tests"
node_modules/.bin/jest -c jest.integration.config.ts --ci --runInBand --json --outputFile="$results/integration.json" || status=1

phase "summary"
node deploy/scripts/summarize-tests.js "$results"/*.json
if (( stack_started_here )); then echo "(stopping the stack this run started)"; fi
exit $status
