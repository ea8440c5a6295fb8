#!/usr/bin/env bash
# The local stack without Docker: PostgreSQL and kcat (Debian packages), Kafka KRaft (Maven Central jars), the Temporal
# dev server (temporal CLI built with go install) and the Java time-skipping test server (Maven Central).
#   stack.sh prepare   install/download/build everything into the cache ($PRP_CACHE_DIR), start nothing
#   stack.sh up        prepare, start what is not running, wait until healthy, create the Kafka topics
#   stack.sh down      stop what runs (TERM, then KILL after a timeout); data stays in .data/
#   stack.sh status    one line per server; exit 0 only if everything runs
# Ports, cache and data locations: deploy/local/env.sh. Details and timings: deploy/local/README.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/env.sh"
for part in common debian postgres kafka temporal test-server; do source "$here/lib/$part.sh"; done

prepare() {
  need java "apt-get install -y openjdk-17-jdk-headless"
  need node "Node 20 is required (the health checks and topics.ts use kafkajs from node_modules)"
  [[ -x "$PRP_ROOT/node_modules/.bin/tsx" ]] || { echo "!! node_modules is missing: run npm ci first" >&2; exit 1; }
  debian_prepare
  pg_prepare
  kafka_prepare
  temporal_prepare
  test_server_prepare
}

up() {
  with_lock "$PRP_CACHE_DIR/.prepare.lock" prepare
  pg_up
  kafka_up
  temporal_up
}

down() {
  temporal_down
  kafka_down
  pg_down
}

status() {
  local ok=0
  pg_status || ok=1
  kafka_status || ok=1
  temporal_status || ok=1
  test_server_status || ok=1
  return $ok
}

# timed <label> <command...>: runs it and prints how long it took.
timed() {
  local label=$1 started=$SECONDS
  shift
  "$@"
  echo "  stack.sh $label: done in $((SECONDS - started))s"
}

main() {
  mkdir -p "$PRP_CACHE_DIR" "$PRP_DATA_DIR/logs" "$PRP_DATA_DIR/run"
  case "${1:-}" in
    prepare) timed prepare with_lock "$PRP_CACHE_DIR/.prepare.lock" prepare ;;
    up)
      timed up with_lock "$PRP_DATA_DIR/run/stack.lock" up
      status || true
      ;;
    down) timed down with_lock "$PRP_DATA_DIR/run/stack.lock" down ;;
    status) status ;;
    *) echo "usage: $0 prepare|up|down|status" >&2; exit 2 ;;
  esac
}

main "$@"
