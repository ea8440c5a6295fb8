#!/usr/bin/env bash
# The local stack without Docker: PostgreSQL (Debian), Kafka KRaft (Maven Central jars), the Temporal dev
# server (go install) and the Java time-skipping test server (Maven Central).
#   stack.sh prepare   download/build everything into the cache (~/.cache/prp-platform), start nothing
#   stack.sh up        prepare, then start what is not running, wait until healthy, create topics
#   stack.sh down      stop what runs (data stays in .data/)
#   stack.sh status    one line per server; exit 0 only if all run
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/env.sh"
for part in common postgres kafka temporal test-server; do source "$here/lib/$part.sh"; done
mkdir -p "$PRP_CACHE_DIR" "$PRP_DATA_DIR/logs" "$PRP_DATA_DIR/run"

prepare() {
  pg_prepare
  kafka_prepare
  temporal_prepare
  test_server_prepare
}

case "${1:-}" in
  prepare) prepare ;;
  up)
    started=$SECONDS
    prepare
    pg_up
    kafka_up
    temporal_up
    echo "  stack up in $((SECONDS - started))s"
    ;;
  down)
    temporal_down
    kafka_down
    pg_down
    ;;
  status)
    ok=0
    pg_status || ok=1
    kafka_status || ok=1
    temporal_status || ok=1
    test_server_status || ok=1
    exit $ok
    ;;
  *) echo "usage: $0 prepare|up|down|status" >&2; exit 2 ;;
esac
