#!/usr/bin/env bash
# `npm start`: installs what is missing, starts the stack, migrates, builds, starts every service and the
# case worker, seeds the demo county and prints the URLs. Safe to run again: running parts are kept.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source deploy/local/env.sh
source deploy/scripts/processes.sh
mkdir -p "$PRP_DATA_DIR/logs" "$PRP_DATA_DIR/run"

step() { printf '\n== %s\n' "$*"; }

step "npm dependencies"
if [[ ! -x node_modules/.bin/tsc ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then npm ci --no-audit --no-fund; else echo "  up to date"; fi

step "stack (PostgreSQL, Kafka, Temporal)"
bash deploy/local/stack.sh up

step "build"
bash deploy/scripts/build.sh

step "migrations"
node -r ./deploy/scripts/register-paths.js dist/deploy/scripts/migrate.js "$DATABASE_URL"

wait_healthy() {
  local name=$1 port=$2 deadline=$((SECONDS + 90))
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null; do
    if ! is_running "$name" || (( SECONDS > deadline )); then
      echo "!! $name did not become healthy on port $port. Last log lines ($PRP_DATA_DIR/logs/$name.log):"
      tail -n 40 "$PRP_DATA_DIR/logs/$name.log" || true
      echo "!! try: npm run stack:status; then npm start again"
      return 1
    fi
    sleep 0.5
  done
  echo "  $name healthy on :$port"
}

step "services and case worker"
export WORKFLOW_BUNDLE_PATH="$root/dist/workflows/case/workflow-bundle.js"
for entry in "${PLATFORM_PROCESSES[@]}"; do
  IFS=: read -r name port main <<< "$entry"
  if is_running "$name"; then echo "  $name already running (pid $(cat "$(pid_file "$name")"))"; continue; fi
  PORT=$port HEALTH_PORT=$port nohup node --enable-source-maps -r ./deploy/scripts/register-paths.js "$main" \
    >> "$PRP_DATA_DIR/logs/$name.log" 2>&1 &
  echo $! > "$(pid_file "$name")"
done
for entry in "${PLATFORM_PROCESSES[@]}"; do
  IFS=: read -r name port _ <<< "$entry"
  wait_healthy "$name" "$port"
done

step "demo data"
node -r ./deploy/scripts/register-paths.js dist/deploy/scripts/seed.js

cat <<URLS

== 平台已启动 The platform is running
  识别 identification  http://127.0.0.1:3001   API docs http://127.0.0.1:3001/docs
  帮扶 referral        http://127.0.0.1:3002   API docs http://127.0.0.1:3002/docs
  补助 subsidy         http://127.0.0.1:3003   API docs http://127.0.0.1:3003/docs
  报表 reporting       http://127.0.0.1:3004   API docs http://127.0.0.1:3004/docs   超期看板 http://127.0.0.1:3004/api/v1/overdue
  case worker health   http://127.0.0.1:3005/health
  Temporal UI          http://127.0.0.1:${TEMPORAL_UI_PORT}
  logs                 $PRP_DATA_DIR/logs/
  stop                 npm stop
URLS
