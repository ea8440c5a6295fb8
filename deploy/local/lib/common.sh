# Helpers shared by the server scripts (sourced by stack.sh after env.sh).
log() { printf '  %s\n' "$*"; }

pid_path() { echo "$PRP_DATA_DIR/run/$1.pid"; }
log_path() { echo "$PRP_DATA_DIR/logs/$1.log"; }

# pid_alive <server>: the pid file names a live process started from this data dir (not a reused pid).
pid_alive() {
  local file pid
  file=$(pid_path "$1")
  [[ -f "$file" ]] || return 1
  pid=$(cat "$file")
  kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF "$PRP_DATA_DIR"
}

pid_of() { cat "$(pid_path "$1")" 2>/dev/null || echo -; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# status_line <server> <running|stopped|...> [pid] [address] [notes]: one aligned line of `stack.sh status`.
status_line() { printf '%-12s %-8s pid %-8s %-22s %s\n' "$1" "$2" "${3:--}" "${4:--}" "${5:-}"; }

# start_daemon <server> <command...>: runs it detached (own session), output appended to its log, pid saved.
# 9>&- : the daemon must not inherit the stack lock (see with_lock), or the next stack.sh waits for it forever.
start_daemon() {
  local server=$1; shift
  echo "---- $(date -u '+%F %T') UTC stack.sh starts $server: $*" >> "$(log_path "$server")"
  setsid nohup "$@" >> "$(log_path "$server")" 2>&1 < /dev/null 9>&- &
  echo $! > "$(pid_path "$server")"
  log "$server starting (pid $!, log $(log_path "$server"))"
}

# wait_healthy <server> <seconds> <check...>: polls the check until it passes; fails early if the process died.
wait_healthy() {
  local server=$1 seconds=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [[ -f "$(pid_path "$server")" ]] && ! pid_alive "$server"; then fail_start "$server" "the process exited"; fi
    if (( SECONDS >= deadline )); then fail_start "$server" "not healthy after ${seconds}s"; fi
    sleep 0.3
  done
}

# fail_start <server> <why>: names the server, shows its log tail and what to try, exits non-zero.
fail_start() {
  local server=$1 why=$2 logfile
  logfile=$(log_path "$server")
  {
    echo "!! $server failed to start: $why"
    echo "!! last 40 lines of $logfile:"
    if [[ -s "$logfile" ]]; then tail -n 40 "$logfile" | sed 's/^/   | /'; else echo "   (log is empty)"; fi
    echo "!! try: bash deploy/local/stack.sh down && bash deploy/local/stack.sh up"
    echo "!!      is the port taken? ss -ltnp | grep -E ':($PG_PORT|$KAFKA_PORT|$KAFKA_CONTROLLER_PORT|$TEMPORAL_PORT|$TEMPORAL_UI_PORT) '"
    echo "!!      (change it with the env var, see deploy/local/env.sh); as a last resort remove $PRP_DATA_DIR/$server (its data is lost)"
  } >&2
  exit 1
}

# stop_pid <server> [seconds]: TERM, wait up to <seconds>, then KILL.
stop_pid() {
  local server=$1 seconds=${2:-30} file pid deadline
  file=$(pid_path "$server")
  if ! pid_alive "$server"; then rm -f "$file"; log "$server not running"; return 0; fi
  pid=$(cat "$file")
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + seconds))
  while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    log "$server did not stop within ${seconds}s; killing pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
  log "$server stopped"
}

# need <command> <hint>: fails with the hint when a tool is missing.
need() { command -v "$1" >/dev/null 2>&1 || { echo "!! '$1' is not installed: $2" >&2; exit 1; }; }

# with_lock <file> <command...>: one stack.sh at a time per data dir (and per cache while preparing).
# The lock is fd 9; servers started under it must close it (start_daemon, pg_start do).
with_lock() {
  local file=$1; shift
  mkdir -p "$(dirname "$file")"
  (
    if ! flock -n 9; then
      log "waiting for another stack.sh to finish (lock $file)"
      flock -w 900 9 || { echo "!! $file stayed locked for 15 minutes; giving up" >&2; exit 1; }
    fi
    "$@"
  ) 9> "$file"
}

# maven_fetch <dir> <groupId:artifactId:version>...: resolves artifacts + runtime deps into <dir>/libs.
maven_fetch() {
  local dir=$1; shift
  local deps="" coord g a v
  need mvn "apt-get install -y maven openjdk-17-jdk-headless"
  for coord in "$@"; do
    IFS=: read -r g a v <<< "$coord"
    deps+="<dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version></dependency>"
  done
  mkdir -p "$dir"
  cat > "$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>prp.local</groupId><artifactId>runtime</artifactId><version>1</version>
<dependencies>$deps</dependencies></project>
POM
  rm -rf "$dir/libs.partial"
  if ! mvn -q -B -Dstyle.color=never -f "$dir/pom.xml" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$dir/libs.partial" > "$dir/maven.log" 2>&1; then
    tail -n 40 "$dir/maven.log" >&2
    echo "!! Maven could not resolve $* (log $dir/maven.log): is Maven Central reachable?" >&2
    exit 1
  fi
  rm -rf "$dir/libs" && mv "$dir/libs.partial" "$dir/libs"
}
