#!/usr/bin/env bash
# Compiles every service, library and the worker into dist/, then bundles the workflow code once.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
started=$(date +%s)
node_modules/.bin/tsc -p tsconfig.build.json
node_modules/.bin/tsx workflows/case/worker/src/build-bundle.ts dist/workflows/case/workflow-bundle.js
echo "build: done in $(( $(date +%s) - started )) s"
