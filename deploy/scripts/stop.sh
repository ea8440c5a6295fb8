#!/usr/bin/env bash
# `npm stop`: stops the services and the case worker, then the stack. Data stays in .data/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source deploy/local/env.sh
source deploy/scripts/processes.sh
for entry in "${PLATFORM_PROCESSES[@]}"; do stop_process "${entry%%:*}"; done
bash deploy/local/stack.sh down
