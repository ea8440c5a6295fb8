# The Java time-skipping test server (io.temporal:temporal-test-server), used by workflow tests through
# deploy/local/bin/temporal-test-server. Only downloaded here; the SDK starts one per test environment.
TEST_SERVER_HOME="$PRP_CACHE_DIR/temporal-test-server/$TEMPORAL_TEST_SERVER_VERSION"

test_server_prepare() {
  if [[ ! -f "$TEST_SERVER_HOME/libs/temporal-test-server-$TEMPORAL_TEST_SERVER_VERSION.jar" ]]; then
    log "downloading temporal-test-server $TEMPORAL_TEST_SERVER_VERSION from Maven Central into $TEST_SERVER_HOME"
    maven_fetch "$TEST_SERVER_HOME" "io.temporal:temporal-test-server:$TEMPORAL_TEST_SERVER_VERSION"
    rm -f "$TEST_SERVER_HOME/app.jsa"
  fi
  [[ -f "$TEST_SERVER_HOME/app.jsa" ]] || test_server_train_cds
}

# Class-data sharing: a training run records the classes the server loads, later starts map them in.
test_server_train_cds() {
  log "creating the class-data-sharing archive for the test server (once)"
  local port=$((20000 + RANDOM % 20000))
  TEST_SERVER_CDS_DUMP=1 "$PRP_ROOT/deploy/local/bin/temporal-test-server" "$port" > "$TEST_SERVER_HOME/cds-training.log" 2>&1 &
  local pid=$! deadline=$((SECONDS + 60))
  until port_open "$port" || (( SECONDS > deadline )); do sleep 0.2; done
  sleep 1 # let the first requests' classes load too
  kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  [[ -f "$TEST_SERVER_HOME/app.jsa" ]] && log "CDS archive ready" || log "CDS archive not created (start-up stays slower; see $TEST_SERVER_HOME/cds-training.log)"
}

test_server_status() {
  if [[ -f "$TEST_SERVER_HOME/libs/temporal-test-server-$TEMPORAL_TEST_SERVER_VERSION.jar" ]]; then
    echo "test-srv  ready    $TEMPORAL_TEST_SERVER_PATH (started per test run)$([[ -f "$TEST_SERVER_HOME/app.jsa" ]] && echo ', CDS on')"; return 0
  fi
  echo "test-srv  missing  (npm run stack:up downloads it)"; return 1
}
