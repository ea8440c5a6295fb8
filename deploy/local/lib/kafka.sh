# Apache Kafka, KRaft single node (broker + controller), run from Maven Central jars (no tarball, no Docker).
KAFKA_HOME="$PRP_CACHE_DIR/kafka/$KAFKA_VERSION"
KAFKA_DATA="$PRP_DATA_DIR/kafka"
# Kafka's jars bring slf4j-api 1.7 but no logging backend: add log4j2 with its slf4j 1.x binding.
KAFKA_RUNTIME=("org.apache.kafka:kafka_2.13:$KAFKA_VERSION"
  "org.apache.logging.log4j:log4j-core:2.24.3" "org.apache.logging.log4j:log4j-slf4j-impl:2.24.3")

kafka_prepare() {
  [[ -f "$KAFKA_HOME/libs/kafka_2.13-$KAFKA_VERSION.jar" && -n "$(ls "$KAFKA_HOME"/libs/log4j-core-*.jar 2>/dev/null)" ]] && return 0
  log "downloading Kafka $KAFKA_VERSION and its runtime dependencies from Maven Central into $KAFKA_HOME/libs"
  maven_fetch "$KAFKA_HOME" "${KAFKA_RUNTIME[@]}"
}

# The JVM Kafka and its tools run in (small heap: 2 cores, tests run alongside). Logs go to stdout.
KAFKA_JVM=(java -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError
  -Djava.awt.headless=true -Dlog4j2.configurationFile="$PRP_ROOT/deploy/local/config/kafka-log4j2.properties"
  -cp "$KAFKA_HOME/libs/*")
kafka_java() { "${KAFKA_JVM[@]}" "$@"; }

kafka_render_config() {
  sed -e "s#@KAFKA_PORT@#$KAFKA_PORT#g" -e "s#@KAFKA_CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
    -e "s#@KAFKA_LOG_DIR@#$KAFKA_DATA/logs#g" \
    "$PRP_ROOT/deploy/local/config/kafka-server.properties" > "$KAFKA_DATA/server.properties"
}

# Formats the storage once; the cluster id is kept in .data/kafka/cluster-id.
kafka_format() {
  [[ -f "$KAFKA_DATA/logs/meta.properties" ]] && return 0
  [[ -s "$KAFKA_DATA/cluster-id" ]] || kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1 > "$KAFKA_DATA/cluster-id"
  local cluster_id
  cluster_id=$(cat "$KAFKA_DATA/cluster-id")
  kafka_java kafka.tools.StorageTool format --ignore-formatted -t "$cluster_id" -c "$KAFKA_DATA/server.properties" \
    >> "$(log_path kafka)" 2>&1 || fail_start kafka "formatting the storage in $KAFKA_DATA/logs failed"
  log "formatted Kafka storage in $KAFKA_DATA/logs (cluster id $cluster_id)"
}

# Healthy = the port accepts connections and the broker answers a metadata request (kafkajs, like the services).
kafka_ready() { port_open "$KAFKA_PORT" && node "$PRP_ROOT/deploy/local/kafka-check.js"; }

kafka_create_topics() {
  (cd "$PRP_ROOT" && node_modules/.bin/tsx deploy/local/topics.ts) || fail_start kafka "creating the topics (deploy/local/topics.ts) failed"
}

kafka_up() {
  mkdir -p "$KAFKA_DATA/logs"
  kafka_render_config
  if pid_alive kafka; then
    log "kafka already running (pid $(pid_of kafka))"
  else
    port_open "$KAFKA_PORT" && fail_start kafka "port $KAFKA_PORT is taken by another process"
    port_open "$KAFKA_CONTROLLER_PORT" && fail_start kafka "controller port $KAFKA_CONTROLLER_PORT is taken by another process"
    kafka_format
    start_daemon kafka "${KAFKA_JVM[@]}" kafka.Kafka "$KAFKA_DATA/server.properties"
  fi
  wait_healthy kafka 90 kafka_ready
  log "kafka ready on $KAFKA_BROKERS (Kafka $KAFKA_VERSION, KRaft)"
  kafka_create_topics
}

kafka_down() { stop_pid kafka 30; }

kafka_status() {
  if pid_alive kafka; then
    status_line kafka running "$(pid_of kafka)" "$KAFKA_BROKERS" "Kafka $KAFKA_VERSION KRaft, controller :$KAFKA_CONTROLLER_PORT"
    return 0
  fi
  status_line kafka stopped - "$KAFKA_BROKERS"
  return 1
}
