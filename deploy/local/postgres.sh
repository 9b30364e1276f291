# shellcheck shell=bash
# PostgreSQL: the machine's Debian cluster (a system service, not a process of ours).
# Sourced by ./passerelle after lib.sh.

PG_SERVICES=(enrollment cohort partnership placement)
: "${PASSERELLE_DB_MAX_CONNECTIONS:=300}"

PG_VERSION="" PG_CLUSTER="" PG_STATUS="" PG_DATADIR=""

# Finds the Debian cluster listening on $PASSERELLE_DB_PORT (sets PG_* variables).
pg_find_cluster() {
  local line ver name port status owner datadir rest all
  PG_VERSION="" PG_CLUSTER="" PG_STATUS="" PG_DATADIR=""
  all="$(pg_lsclusters -h 2>/dev/null || true)"
  [[ -n "$all" ]] || return 1
  while read -r ver name port status owner datadir rest; do
    : "$owner" "$rest"
    if [[ "$port" == "$PASSERELLE_DB_PORT" ]]; then
      PG_VERSION="$ver" PG_CLUSTER="$name" PG_STATUS="$status" PG_DATADIR="$datadir"
      return 0
    fi
  done <<<"$all"
  line="$(tr '\n' ';' <<<"$all")"
  die "no PostgreSQL cluster uses port $PASSERELLE_DB_PORT (clusters: $line). Set PASSERELLE_DB_PORT to the port of one of them."
}

pg_install_if_missing() {
  apt_install_if_missing pg_lsclusters postgresql PostgreSQL
}

# Runs a command as the postgres OS user.
as_postgres() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@")
  elif [[ "$(id -un)" == postgres ]]; then
    (cd / && "$@")
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    (cd / && sudo -n -u postgres -- "$@")
  else
    die "managing PostgreSQL needs root or the postgres user (or passwordless sudo); run as root"
  fi
}

pg_admin_psql() { # extra psql args...; SQL on stdin
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PASSERELLE_DB_PORT" -d postgres "$@"
}

pg_pid() {
  local f="$PG_DATADIR/postmaster.pid"
  if [[ -r "$f" ]]; then head -n 1 "$f"; else port_pids "$PASSERELLE_DB_PORT" | head -n 1; fi
}

pg_start_cluster() {
  if ! is_root && [[ "$(id -un)" != postgres ]]; then
    die "PostgreSQL cluster $PG_VERSION/$PG_CLUSTER is down and starting it needs root or the postgres user: run 'pg_ctlcluster $PG_VERSION $PG_CLUSTER start' as root"
  fi
  ensure_port_free "$PASSERELLE_DB_PORT" PASSERELLE_DB_PORT postgres
  info "starting PostgreSQL cluster $PG_VERSION/$PG_CLUSTER (port $PASSERELLE_DB_PORT)"
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start 9>&- ||
    die "pg_ctlcluster $PG_VERSION $PG_CLUSTER start failed; see /var/log/postgresql/postgresql-$PG_VERSION-$PG_CLUSTER.log"
}

# Quotes a value for psql's \set '...' (backslash and quote escaped).
pg_psql_quote() {
  local s="$1"
  s="${s//\\/\\\\}"
  s="${s//\'/\'\'}"
  printf "'%s'" "$s"
}

pg_ensure_roles_and_dbs() {
  local s values="" dbs=""
  for s in "${PG_SERVICES[@]}"; do
    values+="${values:+,}('passerelle_$s')"
    dbs+="${dbs:+,}('passerelle_$s','passerelle_$s'),('passerelle_${s}_test','passerelle_$s'),('passerelle_${s}_systest','passerelle_$s'),('passerelle_${s}_faulttest','passerelle_$s'),('passerelle_${s}_bench','passerelle_$s'),('passerelle_${s}_soak','passerelle_$s')"
  done
  # The password goes through stdin, never on a command line.
  pg_admin_psql <<SQL
\\set pw $(pg_psql_quote "$PASSERELLE_DB_PASSWORD")
SET password_encryption = 'scram-sha-256';
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', r, :'pw')
  FROM (VALUES $values) AS v(r)
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) \\gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', r, :'pw')
  FROM (VALUES $values) AS v(r) \\gexec
SELECT format('CREATE DATABASE %I OWNER %I', d, r)
  FROM (VALUES $dbs) AS v(d, r)
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d) \\gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', d, r)
  FROM (VALUES $dbs) AS v(d, r) JOIN pg_database p ON p.datname = d
 WHERE pg_get_userbyid(p.datdba) <> r \\gexec
SQL
}

pg_ensure_max_connections() {
  local current
  current="$(pg_admin_psql -tA -c 'SHOW max_connections')"
  if [[ "$current" =~ ^[0-9]+$ ]] && ((current < PASSERELLE_DB_MAX_CONNECTIONS)); then
    info "PostgreSQL max_connections is $current: setting it to $PASSERELLE_DB_MAX_CONNECTIONS and restarting the cluster once"
    pg_admin_psql -c "ALTER SYSTEM SET max_connections = $PASSERELLE_DB_MAX_CONNECTIONS"
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" restart 9>&- || die "restarting PostgreSQL failed"
    pg_wait_ready
  fi
}

pg_wait_ready() {
  local i
  for i in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$PASSERELLE_DB_PORT" && return 0
    sleep 1
  done
  : "$i"
  die "PostgreSQL on 127.0.0.1:$PASSERELLE_DB_PORT is not accepting connections"
}

# Logs in over TCP as each service role, as the applications do.
pg_verify_logins() {
  local s
  for s in "${PG_SERVICES[@]}"; do
    PGPASSWORD="$PASSERELLE_DB_PASSWORD" PGCONNECT_TIMEOUT=5 \
      psql -X -w -q -tA -h 127.0.0.1 -p "$PASSERELLE_DB_PORT" -U "passerelle_$s" -d "passerelle_$s" \
      -c 'SELECT 1' >/dev/null ||
      die "cannot log in to PostgreSQL as passerelle_$s over 127.0.0.1:$PASSERELLE_DB_PORT (check pg_hba.conf allows scram-sha-256 for 127.0.0.1)"
  done
}

postgres_ensure() {
  pg_install_if_missing
  require_cmd psql pg_isready
  pg_find_cluster || die "PostgreSQL is installed but has no cluster: create one (pg_createcluster 15 main)"
  if [[ "$PG_STATUS" != online* ]]; then
    pg_start_cluster
  fi
  pg_wait_ready
  pg_ensure_max_connections
  pg_ensure_roles_and_dbs
  pg_verify_logins
  ok "postgres: cluster $PG_VERSION/$PG_CLUSTER on 127.0.0.1:$PASSERELLE_DB_PORT; roles and databases passerelle_<service>[_test|_systest|_faulttest|_bench|_soak] ready"
}

postgres_stop() {
  command -v pg_lsclusters >/dev/null 2>&1 || {
    ok "postgres is not installed"
    return 0
  }
  pg_find_cluster || return 0
  if [[ "$PG_STATUS" != online* ]]; then
    ok "postgres is not running"
    return 0
  fi
  info "stopping the PostgreSQL system cluster $PG_VERSION/$PG_CLUSTER (it is shared by the whole machine)"
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop 9>&- || die "pg_ctlcluster $PG_VERSION $PG_CLUSTER stop failed"
  ok "postgres stopped"
}

postgres_status() { # prints: state pid health
  if ! command -v pg_lsclusters >/dev/null 2>&1; then
    echo "down - not-installed"
    return
  fi
  if ! (pg_find_cluster) >/dev/null 2>&1; then
    echo "down - no-cluster-on-port"
    return
  fi
  pg_find_cluster
  if [[ "$PG_STATUS" == online* ]]; then
    local health=unhealthy
    pg_isready -q -h 127.0.0.1 -p "$PASSERELLE_DB_PORT" && health=ready
    echo "up $(pg_pid || echo -) $health"
  else
    echo "down - -"
  fi
}

postgres_log_path() {
  pg_find_cluster >/dev/null 2>&1 || true
  echo "/var/log/postgresql/postgresql-${PG_VERSION:-15}-${PG_CLUSTER:-main}.log"
}
