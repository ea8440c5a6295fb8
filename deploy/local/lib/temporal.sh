# Temporal dev server (`temporal server start-dev` of the temporal CLI, built from source with `go install`).
# Its state is a SQLite file in .data/temporal, so cases survive a restart.
TEMPORAL_BIN="$PRP_CACHE_DIR/temporal-cli/$TEMPORAL_CLI_VERSION/temporal"
TEMPORAL_DATA="$PRP_DATA_DIR/temporal"
TEMPORAL_NAMESPACES=(default prp-test)
# Custom search attributes the case workflow (workflows/case) sets; the names and types are
# CASE_SEARCH_ATTRIBUTES in libs/contracts/src/lib/case-workflow.ts. Keep both lists in step.
TEMPORAL_SEARCH_ATTRIBUTES=(CaseStep=Keyword AreaCode=Keyword NextDueAt=Datetime OverdueKinds=KeywordList)

temporal_go() {
  command -v go > /dev/null 2>&1 && { echo go; return; }
  [[ -x /usr/local/go/bin/go ]] && { echo /usr/local/go/bin/go; return; }
  echo "!! Go is needed once to build the temporal CLI (https://go.dev/dl, or apt-get install golang)" >&2
  exit 1
}

temporal_prepare() {
  [[ -x "$TEMPORAL_BIN" ]] && return 0
  local go
  go=$(temporal_go)
  log "building the temporal CLI $TEMPORAL_CLI_VERSION with go install (once; about 6 minutes on 2 cores)"
  GOBIN="$(dirname "$TEMPORAL_BIN")" GOFLAGS=-trimpath "$go" install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION"
  [[ -x "$TEMPORAL_BIN" ]] || { echo "!! go install finished but $TEMPORAL_BIN is missing" >&2; exit 1; }
}

temporal_args() {
  local args=(server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT"
    --db-filename "$TEMPORAL_DATA/temporal.db" --log-level warn --log-format json) item
  for item in "${TEMPORAL_NAMESPACES[@]}"; do args+=(--namespace "$item"); done
  for item in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do args+=(--search-attribute "$item"); done
  printf '%s\n' "${args[@]}"
}

# Healthy = the frontend answers the health check and the test namespace has the case search attributes.
temporal_ready() {
  "$TEMPORAL_BIN" operator cluster health --address "$TEMPORAL_ADDRESS" --command-timeout 3s 2> /dev/null | grep -q SERVING &&
    "$TEMPORAL_BIN" operator search-attribute list --address "$TEMPORAL_ADDRESS" --namespace prp-test \
      --command-timeout 3s 2> /dev/null | grep -q CaseStep
}

temporal_up() {
  mkdir -p "$TEMPORAL_DATA"
  if pid_alive temporal; then
    log "temporal already running (pid $(pid_of temporal))"
  else
    port_open "$TEMPORAL_PORT" && fail_start temporal "port $TEMPORAL_PORT is taken by another process"
    port_open "$TEMPORAL_UI_PORT" && fail_start temporal "UI port $TEMPORAL_UI_PORT is taken by another process"
    local args
    mapfile -t args < <(temporal_args)
    start_daemon temporal "$TEMPORAL_BIN" "${args[@]}"
  fi
  wait_healthy temporal 90 temporal_ready
  log "temporal ready on $TEMPORAL_ADDRESS (namespaces ${TEMPORAL_NAMESPACES[*]}), UI http://127.0.0.1:$TEMPORAL_UI_PORT"
}

temporal_down() { stop_pid temporal 30; }

temporal_status() {
  if pid_alive temporal; then
    status_line temporal running "$(pid_of temporal)" "$TEMPORAL_ADDRESS" "UI http://127.0.0.1:$TEMPORAL_UI_PORT"
    return 0
  fi
  status_line temporal stopped - "$TEMPORAL_ADDRESS"
  return 1
}
