# PostgreSQL from the Debian packages. It refuses to run as root, so it runs as the `postgres` system user.
PG_DATA="$PRP_DATA_DIR/pg"
PG_SOCKET_DIR="$PRP_DATA_DIR/run/pg-socket"
PG_DATABASES=(prp_dev prp_test)

# pg_bin: the newest /usr/lib/postgresql/<version>/bin that has initdb (empty if none).
pg_bin() {
  local initdb
  initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
  [[ -n "$initdb" ]] && dirname "$initdb"
  return 0
}

pg_prepare() {
  # The package itself comes with the other Debian packages (debian.sh).
  [[ -n "$(pg_bin)" ]] || debian_prepare
  id postgres > /dev/null 2>&1 || useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres
}

as_postgres() { runuser -u postgres -- "$@"; }
pg_psql() { PGPASSWORD=prp "$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U prp -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
pg_running() { [[ -f "$PG_DATA/PG_VERSION" ]] && as_postgres "$(pg_bin)/pg_ctl" -D "$PG_DATA" status > /dev/null 2>&1; }
pg_pid() { head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || echo -; }
pg_ready() { "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -d postgres -U prp; }

# The postgres user must be able to reach the data dir (a clone under /root is not reachable).
pg_check_access() {
  as_postgres test -w "$PG_DATA" && return 0
  fail_start postgres "user postgres cannot write $PG_DATA: give the parent directories o+x (chmod o+x ...) or set PRP_DATA_DIR"
}

pg_init() {
  [[ -f "$PG_DATA/PG_VERSION" ]] && return 0
  log "initialising a PostgreSQL cluster in $PG_DATA (superuser prp/prp)"
  mkdir -p "$PG_DATA" && chown postgres:postgres "$PG_DATA" && chmod 700 "$PG_DATA"
  pg_check_access
  local pwfile
  pwfile=$(mktemp) && echo prp > "$pwfile" && chown postgres "$pwfile"
  if ! as_postgres "$(pg_bin)/initdb" -D "$PG_DATA" -U prp --pwfile="$pwfile" -A scram-sha-256 -E UTF8 \
      --locale=C.UTF-8 >> "$(log_path postgres)" 2>&1; then
    rm -f "$pwfile"
    fail_start postgres "initdb failed"
  fi
  rm -f "$pwfile"
  cat >> "$PG_DATA/postgresql.conf" <<'CONF'

# --- prp local stack (deploy/local/lib/postgres.sh); address, port, socket and sizes are given by pg_ctl -o ---
timezone = 'UTC'
log_timezone = 'UTC'
CONF
}

# Sizes, on the command line so that a data directory made by an older version of this script gets them too.
# - shared_buffers 1 GB (of the 24 GB these machines have), max_wal_size 4 GB, wal_buffers 64 MB,
#   checkpoint_timeout 15 min: a 100,000-household campaign writes well over a gigabyte of WAL. With
#   128 MB / 512 MB PostgreSQL checkpointed about every second and backends evicted dirty pages themselves;
#   bench:screening went from ~2,650 to ~3,250 households/s.
# - max_locks_per_transaction 256: batch intake holds a lock per person of each chunk (~3,000) until it
#   commits; with the default 64 a few concurrent imports exhaust the shared lock table.
# - synchronous_commit off: a local stack, not the system of record.
PG_SETTINGS=(
  shared_buffers=1GB effective_cache_size=2GB work_mem=4MB maintenance_work_mem=64MB
  max_connections=200 max_locks_per_transaction=256
  max_wal_size=4GB wal_buffers=64MB checkpoint_timeout=15min synchronous_commit=off
)

pg_start() {
  log "postgres starting"
  as_postgres "$(pg_bin)/pg_ctl" -D "$PG_DATA" -l "$(log_path postgres)" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_SOCKET_DIR ${PG_SETTINGS[*]/#/-c }" start > /dev/null 9>&- \
    || fail_start postgres "pg_ctl start failed"
}

pg_create_databases() {
  local db
  for db in "${PG_DATABASES[@]}"; do
    [[ -n "$(pg_psql -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]] && continue
    pg_psql -c "CREATE DATABASE $db OWNER prp"
    log "created database $db"
  done
}

pg_up() {
  mkdir -p "$PG_SOCKET_DIR" && chown postgres:postgres "$PG_SOCKET_DIR"
  touch "$(log_path postgres)" && chown postgres:postgres "$(log_path postgres)"
  pg_init
  if pg_running; then
    log "postgres already running (pid $(pg_pid))"
  else
    port_open "$PG_PORT" && fail_start postgres "port $PG_PORT is taken by another process"
    pg_check_access
    pg_start
  fi
  wait_healthy postgres 30 pg_ready
  pg_create_databases
  log "postgres ready on 127.0.0.1:$PG_PORT ($DATABASE_URL)"
}

pg_down() {
  if [[ -n "$(pg_bin)" ]] && pg_running; then
    as_postgres "$(pg_bin)/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop > /dev/null \
      || as_postgres "$(pg_bin)/pg_ctl" -D "$PG_DATA" -m immediate -w -t 30 stop > /dev/null
    log "postgres stopped"
  else
    log "postgres not running"
  fi
}

pg_status() {
  if [[ -n "$(pg_bin)" ]] && pg_running; then
    status_line postgres running "$(pg_pid)" "127.0.0.1:$PG_PORT" "databases ${PG_DATABASES[*]}"
    return 0
  fi
  status_line postgres stopped - "127.0.0.1:$PG_PORT"
  return 1
}
