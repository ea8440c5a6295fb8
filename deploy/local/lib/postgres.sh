# PostgreSQL from Debian packages, run as the `postgres` system user (it refuses to run as root).
PG_DATA="$PRP_DATA_DIR/pg"
PG_SOCKET_DIR="$PRP_DATA_DIR/run/pg-socket"

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -n "$bin" ]] && echo "$bin"
}

pg_prepare() {
  if [[ -z "$(pg_bin)" ]]; then
    log "installing PostgreSQL from Debian packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
}

as_postgres() { runuser -u postgres -- "$@"; }

pg_running() { as_postgres "$(pg_bin)/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

pg_init() {
  [[ -f "$PG_DATA/PG_VERSION" ]] && return 0
  log "initialising a PostgreSQL cluster in $PG_DATA"
  mkdir -p "$PG_DATA" && chown postgres: "$PG_DATA" && chmod 700 "$PG_DATA"
  local pwfile; pwfile=$(mktemp) && echo prp > "$pwfile" && chown postgres: "$pwfile"
  as_postgres "$(pg_bin)/initdb" -D "$PG_DATA" -U prp --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null \
    || { rm -f "$pwfile"; fail_start postgres "initdb failed"; }
  rm -f "$pwfile"
  cat >> "$PG_DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET_DIR'
shared_buffers = 256MB
max_connections = 200
fsync = on
synchronous_commit = off
timezone = 'UTC'
log_timezone = 'UTC'
CONF
}

pg_up() {
  pg_prepare
  mkdir -p "$PG_SOCKET_DIR" "$PRP_DATA_DIR/logs" && chown postgres: "$PG_SOCKET_DIR"
  touch "$(log_path postgres)" && chown postgres: "$(log_path postgres)"
  pg_init
  if pg_running; then log "postgres already running on 127.0.0.1:$PG_PORT"; else
    as_postgres "$(pg_bin)/pg_ctl" -D "$PG_DATA" -l "$(log_path postgres)" -w -t 60 start >/dev/null || fail_start postgres "pg_ctl start failed"
    log "postgres started on 127.0.0.1:$PG_PORT"
  fi
  wait_until postgres 30 env PGPASSWORD=prp "$(pg_bin)/pg_isready" -h 127.0.0.1 -p "$PG_PORT" -U prp -d postgres
  local db
  for db in prp_dev prp_test; do
    if [[ -z "$(PGPASSWORD=prp "$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U prp -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'")" ]]; then
      PGPASSWORD=prp "$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U prp -d postgres -qc "CREATE DATABASE $db" && log "created database $db"
    fi
  done
}

pg_down() {
  if [[ -n "$(pg_bin)" ]] && pg_running; then as_postgres "$(pg_bin)/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null && log "postgres stopped"; fi
}

pg_status() {
  if [[ -n "$(pg_bin)" ]] && pg_running; then echo "postgres  running  127.0.0.1:$PG_PORT  data $PG_DATA"; return 0; fi
  echo "postgres  stopped"; return 1
}
