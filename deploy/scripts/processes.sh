# Sourced by start.sh / stop.sh: the platform's own processes (services and the case worker).
# name:port:entry — the port is the one /health answers on.
PLATFORM_PROCESSES=(
  "identification:3001:dist/services/identification/src/main.js"
  "referral:3002:dist/services/referral/src/main.js"
  "subsidy:3003:dist/services/subsidy/src/main.js"
  "reporting:3004:dist/services/reporting/src/main.js"
  "case-worker:3005:dist/workflows/case/worker/src/main.js"
)

pid_file() { echo "$PRP_DATA_DIR/run/$1.pid"; }

is_running() {
  local pid_path; pid_path=$(pid_file "$1")
  [[ -f "$pid_path" ]] && kill -0 "$(cat "$pid_path")" 2>/dev/null
}

stop_process() {
  local name=$1 pid_path pid
  pid_path=$(pid_file "$name")
  is_running "$name" || { rm -f "$pid_path"; return 0; }
  pid=$(cat "$pid_path")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && { echo "  $name did not stop within 30 s; killing"; kill -KILL "$pid" 2>/dev/null || true; }
  rm -f "$pid_path"
  echo "  stopped $name"
}
