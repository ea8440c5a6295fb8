# The Java time-skipping test server (io.temporal:temporal-test-server) for workflow tests. Nothing runs
# here: prepare downloads it and trains its class-data-sharing archive; @temporalio/testing starts one per
# test environment through deploy/local/bin/temporal-test-server.
TEST_SERVER_HOME="$PRP_CACHE_DIR/temporal-test-server/$TEMPORAL_TEST_SERVER_VERSION"
TEST_SERVER_JAR="$TEST_SERVER_HOME/libs/temporal-test-server-$TEMPORAL_TEST_SERVER_VERSION.jar"
TEST_SERVER_CDS="$TEST_SERVER_HOME/app.jsa"
# slf4j-nop silences slf4j's "Failed to load class StaticLoggerBinder" lines in every test run.
TEST_SERVER_RUNTIME=("io.temporal:temporal-test-server:$TEMPORAL_TEST_SERVER_VERSION" "org.slf4j:slf4j-nop:1.7.36")

test_server_prepare() {
  if [[ ! -f "$TEST_SERVER_JAR" || ! -f "$TEST_SERVER_HOME/libs/slf4j-nop-1.7.36.jar" ]]; then
    log "downloading temporal-test-server $TEMPORAL_TEST_SERVER_VERSION from Maven Central into $TEST_SERVER_HOME/libs"
    maven_fetch "$TEST_SERVER_HOME" "${TEST_SERVER_RUNTIME[@]}"
    rm -f "$TEST_SERVER_CDS"
  fi
  test_server_cds_valid || test_server_train_cds
}

# Same classpath as bin/temporal-test-server computes (the archive is only valid for exactly that classpath).
test_server_classpath() { find "$TEST_SERVER_HOME/libs" -name '*.jar' | LC_ALL=C sort | paste -sd:; }

# The archive exists and this JVM accepts it (a JDK update or a different classpath invalidates it).
test_server_cds_valid() {
  [[ -f "$TEST_SERVER_CDS" ]] &&
    java -Xshare:on -XX:SharedArchiveFile="$TEST_SERVER_CDS" -cp "$(test_server_classpath)" -version > /dev/null 2>&1
}

# Class-data sharing (AppCDS): a training run records the classes the server loads while it starts and
# serves a few requests; later starts map them from the archive instead of loading and verifying jars.
test_server_train_cds() {
  log "training the class-data-sharing archive of the test server (once, a few seconds)"
  local port=$((20000 + RANDOM % 20000)) pid deadline tmp="$TEST_SERVER_CDS.$$.tmp"
  TEST_SERVER_CDS_DUMP="$tmp" "$PRP_ROOT/deploy/local/bin/temporal-test-server" "$port" > "$TEST_SERVER_HOME/cds-training.log" 2>&1 9>&- &
  pid=$!
  deadline=$((SECONDS + 60))
  until port_open "$port" || (( SECONDS > deadline )) || ! kill -0 "$pid" 2> /dev/null; do sleep 0.2; done
  test_server_training_requests "$port"
  kill -TERM "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  [[ -f "$tmp" ]] && mv -f "$tmp" "$TEST_SERVER_CDS" # atomic: a test server starting now sees old or new
  if test_server_cds_valid; then log "CDS archive ready: $TEST_SERVER_CDS"; else
    log "CDS archive not created; the test server still works, only slower (see $TEST_SERVER_HOME/cds-training.log)"
  fi
}

# A few real requests so the classes that serve them are archived too (best effort).
test_server_training_requests() {
  local address="127.0.0.1:$1" cli=("$TEMPORAL_BIN" --command-timeout 5s)
  [[ -x "$TEMPORAL_BIN" ]] || { sleep 1; return 0; }
  "${cli[@]}" workflow start --address "$address" --type CdsTraining --task-queue cds-training --workflow-id cds-training > /dev/null 2>&1 || true
  "${cli[@]}" workflow describe --address "$address" --workflow-id cds-training > /dev/null 2>&1 || true
  "${cli[@]}" workflow terminate --address "$address" --workflow-id cds-training > /dev/null 2>&1 || true
}

test_server_status() {
  if [[ -f "$TEST_SERVER_JAR" ]]; then
    status_line test-server ready - "per test run" "$TEMPORAL_TEST_SERVER_PATH$([[ -f "$TEST_SERVER_CDS" ]] && echo ' (CDS archive)')"
    return 0
  fi
  status_line test-server missing - - "run: bash deploy/local/stack.sh prepare"
  return 1
}
