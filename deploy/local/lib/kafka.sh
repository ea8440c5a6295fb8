# Apache Kafka (KRaft, single node) from Maven Central jars.
KAFKA_HOME="$PRP_CACHE_DIR/kafka/$KAFKA_VERSION"
KAFKA_DATA="$PRP_DATA_DIR/kafka"
LOG4J_VERSION=2.24.3

kafka_prepare() {
  [[ -f "$KAFKA_HOME/libs/kafka_2.13-$KAFKA_VERSION.jar" ]] && return 0
  log "downloading Kafka $KAFKA_VERSION jars from Maven Central into $KAFKA_HOME"
  maven_fetch "$KAFKA_HOME" "org.apache.kafka:kafka_2.13:$KAFKA_VERSION" \
    "org.apache.logging.log4j:log4j-slf4j-impl:$LOG4J_VERSION" "org.apache.logging.log4j:log4j-core:$LOG4J_VERSION"
}

kafka_java_cmd() {
  KAFKA_JAVA=(java -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=50
    -Dlog4j2.configurationFile="$PRP_ROOT/deploy/local/config/kafka-log4j2.properties"
    -Dkafka.logs.file="$(log_path kafka)" -cp "$KAFKA_HOME/libs/*")
}

kafka_java() { kafka_java_cmd; "${KAFKA_JAVA[@]}" "$@"; }

kafka_render_config() {
  sed -e "s#@KAFKA_PORT@#$KAFKA_PORT#g" -e "s#@KAFKA_CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" -e "s#@KAFKA_DATA@#$KAFKA_DATA/logs#g" \
    "$PRP_ROOT/deploy/local/config/kafka-server.properties" > "$KAFKA_DATA/server.properties"
}

kafka_format() {
  [[ -f "$KAFKA_DATA/logs/meta.properties" ]] && return 0
  local cluster_id
  cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid | tail -n 1)
  echo "$cluster_id" > "$KAFKA_DATA/cluster-id"
  kafka_java kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_DATA/server.properties" >> "$(log_path kafka)" 2>&1 \
    || fail_start kafka "storage format failed"
  log "formatted Kafka storage (cluster $cluster_id)"
}

kafka_ready() { port_open "$KAFKA_PORT" && node "$PRP_ROOT/deploy/local/kafka-check.js" >/dev/null 2>&1; }

kafka_up() {
  kafka_prepare
  mkdir -p "$KAFKA_DATA/logs" "$PRP_DATA_DIR/logs" "$PRP_DATA_DIR/run"
  kafka_render_config
  if pid_alive kafka; then log "kafka already running on 127.0.0.1:$KAFKA_PORT"; else
    port_open "$KAFKA_PORT" && fail_start kafka "port $KAFKA_PORT is taken by another process"
    kafka_format
    kafka_java_cmd
    setsid nohup "${KAFKA_JAVA[@]}" kafka.Kafka "$KAFKA_DATA/server.properties" >> "$PRP_DATA_DIR/logs/kafka.stdout.log" 2>&1 &
    echo $! > "$(pid_path kafka)"
    log "kafka starting (pid $!)"
  fi
  wait_until kafka 90 kafka_ready
  log "kafka ready on 127.0.0.1:$KAFKA_PORT"
  (cd "$PRP_ROOT" && node_modules/.bin/tsx deploy/local/topics.ts) || fail_start kafka "topic creation failed"
}

kafka_down() { stop_pid kafka 30; }

kafka_status() {
  if pid_alive kafka; then echo "kafka     running  127.0.0.1:$KAFKA_PORT  pid $(cat "$(pid_path kafka)")  Kafka $KAFKA_VERSION"; return 0; fi
  echo "kafka     stopped"; return 1
}
