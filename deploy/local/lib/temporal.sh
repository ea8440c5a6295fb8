# Temporal dev server (temporal CLI built from source with `go install`), SQLite file so cases survive a restart.
TEMPORAL_BIN="$PRP_CACHE_DIR/temporal-cli/$TEMPORAL_CLI_VERSION/temporal"
TEMPORAL_DATA="$PRP_DATA_DIR/temporal"
# The custom search attributes the case workflow sets (libs/contracts CASE_SEARCH_ATTRIBUTES): keep in step.
TEMPORAL_SEARCH_ATTRIBUTES=(CaseStep=Keyword AreaCode=Keyword NextDueAt=Datetime OverdueKinds=KeywordList)
TEMPORAL_NAMESPACES=(default prp-test)

temporal_prepare() {
  [[ -x "$TEMPORAL_BIN" ]] && return 0
  log "building the temporal CLI $TEMPORAL_CLI_VERSION with go install (about 6 minutes on 2 cores, once)"
  GOBIN="$(dirname "$TEMPORAL_BIN")" go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION"
}

temporal_ready() {
  "$TEMPORAL_BIN" operator cluster health --address "$TEMPORAL_ADDRESS" --command-timeout 3s 2>/dev/null | grep -q SERVING \
    && "$TEMPORAL_BIN" operator search-attribute list --address "$TEMPORAL_ADDRESS" --namespace prp-test --command-timeout 3s 2>/dev/null | grep -q CaseStep
}

temporal_up() {
  temporal_prepare
  mkdir -p "$TEMPORAL_DATA" "$PRP_DATA_DIR/logs" "$PRP_DATA_DIR/run"
  if pid_alive temporal; then log "temporal already running on $TEMPORAL_ADDRESS"; else
    port_open "$TEMPORAL_PORT" && fail_start temporal "port $TEMPORAL_PORT is taken by another process"
    local args=(server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT"
      --db-filename "$TEMPORAL_DATA/temporal.db" --log-level warn --log-format json)
    local item
    for item in "${TEMPORAL_NAMESPACES[@]}"; do [[ $item == default ]] || args+=(--namespace "$item"); done
    for item in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do args+=(--search-attribute "$item"); done
    setsid nohup "$TEMPORAL_BIN" "${args[@]}" >> "$(log_path temporal)" 2>&1 &
    echo $! > "$(pid_path temporal)"
    log "temporal starting (pid $!)"
  fi
  wait_until temporal 90 temporal_ready
  log "temporal ready on $TEMPORAL_ADDRESS, UI http://127.0.0.1:$TEMPORAL_UI_PORT"
}

temporal_down() { stop_pid temporal 30; }

temporal_status() {
  if pid_alive temporal; then echo "temporal  running  $TEMPORAL_ADDRESS  UI http://127.0.0.1:$TEMPORAL_UI_PORT  pid $(cat "$(pid_path temporal)")"; return 0; fi
  echo "temporal  stopped"; return 1
}
