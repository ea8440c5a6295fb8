# Helpers shared by the server scripts.
log() { printf '  %s\n' "$*"; }

pid_path() { echo "$PRP_DATA_DIR/run/$1.pid"; }
log_path() { echo "$PRP_DATA_DIR/logs/$1.log"; }

pid_alive() {
  local file; file=$(pid_path "$1")
  [[ -f "$file" ]] && kill -0 "$(cat "$file")" 2>/dev/null
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_until <server> <seconds> <command...>: polls the command until it succeeds or the time is up.
wait_until() {
  local server=$1 seconds=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS >= deadline )); then fail_start "$server" "not healthy after ${seconds}s"; fi
    sleep 0.3
  done
}

# fail_start <server> <why>: names the server, shows its log tail and what to try, exits non-zero.
fail_start() {
  local server=$1 why=$2
  echo "!! $server failed to start: $why" >&2
  echo "!! last lines of $(log_path "$server"):" >&2
  tail -n 40 "$(log_path "$server")" >&2 2>/dev/null || echo "   (no log)" >&2
  echo "!! try: npm run stack:down && npm run stack:up; if it persists remove $PRP_DATA_DIR/$server (data is lost) or check the port is free" >&2
  exit 1
}

# stop_pid <server> [seconds]: TERM, wait, then KILL.
stop_pid() {
  local server=$1 seconds=${2:-30} file pid
  file=$(pid_path "$server")
  if ! pid_alive "$server"; then rm -f "$file"; return 0; fi
  pid=$(cat "$file")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((seconds * 5))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then log "$server did not stop in ${seconds}s; killing"; kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$file"
  log "$server stopped"
}

# maven_fetch <dir> <groupId:artifactId:version>...: resolves artifacts and their runtime deps into <dir>/libs.
maven_fetch() {
  local dir=$1; shift
  local deps="" coord g a v
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
  mvn -q -B -Dstyle.color=never -f "$dir/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$dir/libs.partial"
  rm -rf "$dir/libs" && mv "$dir/libs.partial" "$dir/libs"
}
