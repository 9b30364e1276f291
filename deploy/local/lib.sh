# shellcheck shell=bash
# Common helpers of the Passerelle local stack. Sourced by ./passerelle, which sets
# PASSERELLE_ROOT (the repository root) before sourcing this file.

: "${PASSERELLE_ROOT:?PASSERELLE_ROOT must be set by ./passerelle}"

LOCAL_DIR="$PASSERELLE_ROOT/.local"
RUN_DIR="$LOCAL_DIR/run"
LOG_DIR="$LOCAL_DIR/logs"
DIST_DIR="$LOCAL_DIR/dist"

# ---------------------------------------------------------------------------
# Configuration (environment variables with defaults)
# ---------------------------------------------------------------------------
: "${PASSERELLE_GATEWAY_PORT:=8080}"
# The gateway's management interface (metrics), on 127.0.0.1 only.
: "${PASSERELLE_GATEWAY_MANAGEMENT_PORT:=9080}"
: "${PASSERELLE_ENROLLMENT_PORT:=8081}"
: "${PASSERELLE_COHORT_PORT:=8082}"
: "${PASSERELLE_PARTNERSHIP_PORT:=8083}"
: "${PASSERELLE_PLACEMENT_PORT:=8084}"
: "${PASSERELLE_KEYCLOAK_PORT:=8180}"
: "${PASSERELLE_KAFKA_PORT:=9092}"
: "${PASSERELLE_KAFKA_CONTROLLER_PORT:=9093}"
: "${PASSERELLE_DB_PORT:=5432}"
: "${PASSERELLE_DB_PASSWORD:=passerelle}"
: "${PASSERELLE_KEYCLOAK_ADMIN:=admin}"
# No constant default: keycloak.sh generates the admin's password once per machine into
# .local/keycloak-admin-password; setting the variable overrides it.
: "${PASSERELLE_KEYCLOAK_ADMIN_PASSWORD:=}"
export PASSERELLE_GATEWAY_PORT PASSERELLE_GATEWAY_MANAGEMENT_PORT PASSERELLE_ENROLLMENT_PORT PASSERELLE_COHORT_PORT \
  PASSERELLE_PARTNERSHIP_PORT PASSERELLE_PLACEMENT_PORT PASSERELLE_KEYCLOAK_PORT \
  PASSERELLE_KAFKA_PORT PASSERELLE_KAFKA_CONTROLLER_PORT PASSERELLE_DB_PORT \
  PASSERELLE_DB_PASSWORD

# Every part, in start order (used by ./passerelle and apps.sh).
# shellcheck disable=SC2034
ALL_PARTS=(postgres kafka keycloak enrollment cohort partnership placement gateway)
# shellcheck disable=SC2034
APP_PARTS=(enrollment cohort partnership placement gateway)

# ---------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------
if [[ -t 1 ]]; then
  _C_BOLD=$'\e[1m' _C_RED=$'\e[31m' _C_YEL=$'\e[33m' _C_GRN=$'\e[32m' _C_OFF=$'\e[0m'
else
  _C_BOLD='' _C_RED='' _C_YEL='' _C_GRN='' _C_OFF=''
fi

info() { printf '%s==>%s %s\n' "$_C_BOLD" "$_C_OFF" "$*"; }
ok() { printf '%s ok%s %s\n' "$_C_GRN" "$_C_OFF" "$*"; }
warn() { printf '%sWARNING:%s %s\n' "$_C_YEL" "$_C_OFF" "$*" >&2; }
die() {
  printf '%sERROR:%s %s\n' "$_C_RED" "$_C_OFF" "$*" >&2
  exit 1
}

# apt_install_if_missing COMMAND PACKAGE WHAT: installs the Debian package when the command is
# missing (as root only; the package lists are refreshed once if the first attempt fails).
apt_install_if_missing() {
  local command="$1" package="$2" what="$3"
  command -v "$command" >/dev/null 2>&1 && return 0
  is_root || die "$what is not installed and we are not root: install it (apt-get install -y $package) and retry"
  info "$what is not installed: apt-get install -y $package"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q "$package" 9>&-; then
    apt-get update -q
    apt-get install -y -q "$package" 9>&- || die "could not install $what with apt-get"
  fi
}

require_cmd() {
  local c
  for c in "$@"; do
    command -v "$c" >/dev/null 2>&1 || die "required command '$c' not found; install it (e.g. apt-get install -y $c)"
  done
}

is_root() { [[ "$(id -u)" -eq 0 ]]; }

ensure_dirs() {
  mkdir -p "$RUN_DIR" "$LOG_DIR" "$DIST_DIR"
}

# Serialise commands that change the stack (two concurrent `up` would fight).
# The lock is held on file descriptor 9, which background processes never inherit.
take_lock() {
  ensure_dirs
  command -v flock >/dev/null 2>&1 || return 0
  exec 9>"$RUN_DIR/.lock"
  if ! flock -n 9; then
    info "another ./passerelle command is changing the stack; waiting for it (up to 15 min)"
    flock -w 900 9 || die "could not take the lock $RUN_DIR/.lock"
  fi
}
release_lock() {
  exec 9>&- 2>/dev/null || true
}

# ---------------------------------------------------------------------------
# Ports
# ---------------------------------------------------------------------------
validate_port_vars() {
  local v val
  for v in PASSERELLE_GATEWAY_PORT PASSERELLE_GATEWAY_MANAGEMENT_PORT PASSERELLE_ENROLLMENT_PORT PASSERELLE_COHORT_PORT \
    PASSERELLE_PARTNERSHIP_PORT PASSERELLE_PLACEMENT_PORT PASSERELLE_KEYCLOAK_PORT \
    PASSERELLE_KAFKA_PORT PASSERELLE_KAFKA_CONTROLLER_PORT PASSERELLE_DB_PORT; do
    val="${!v}"
    if ! [[ "$val" =~ ^[0-9]+$ ]] || ((val < 1 || val > 65535)); then
      die "$v='$val' is not a valid TCP port"
    fi
  done
}

# True when something listens on TCP port $1 (any local address).
port_in_use() {
  local port="$1"
  if command -v ss >/dev/null 2>&1; then
    [[ -n "$(ss -Hltn "( sport = :$port )" 2>/dev/null)" ]]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

# True when a TCP connection to 127.0.0.1:$1 succeeds.
port_accepts() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Human description of what listens on port $1 ("pid 123 (java ...)"), best effort.
port_owner() {
  local port="$1" pid line
  command -v ss >/dev/null 2>&1 || {
    echo "an unknown process"
    return
  }
  line="$(ss -Hltnp "( sport = :$port )" 2>/dev/null | head -n 1)"
  pid="$(sed -n 's/.*pid=\([0-9]*\).*/\1/p' <<<"$line" | head -n 1)"
  if [[ -n "$pid" ]]; then
    printf 'pid %s (%s)' "$pid" "$(proc_cmdline "$pid" | cut -c1-120)"
  else
    echo "an unknown process"
  fi
}

# Pids listening on TCP port $1.
port_pids() {
  command -v ss >/dev/null 2>&1 || return 0
  ss -Hltnp "( sport = :$1 )" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u
}

# Fail with a clear message when port $1 (configured by env var $2) is taken by a
# process that is not ours. $3 = part name, for the message.
ensure_port_free() {
  local port="$1" var="$2" part="$3"
  if port_in_use "$port"; then
    die "cannot start $part: port $port is already in use by $(port_owner "$port"), which was not started by this checkout. Stop that process or choose another port with $var=<port>."
  fi
}

wait_port() { # port timeout_s [pid]
  local port="$1" timeout="$2" pid="${3:-}" waited=0
  while ! port_accepts "$port"; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    ((waited >= timeout)) && return 1
    sleep 1
    waited=$((waited + 1))
  done
}

# ---------------------------------------------------------------------------
# Processes started by this checkout (pid files under .local/run)
# ---------------------------------------------------------------------------
pid_file() { echo "$RUN_DIR/$1.pid"; }
log_file() { echo "$LOG_DIR/$1.log"; }

proc_cmdline() {
  tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true
}

# A string that the command line of part $1 must contain; protects against a pid file
# that points to a recycled pid. Parts define <part>_marker functions.
part_marker() {
  local fn="${1}_marker"
  if declare -F "$fn" >/dev/null; then "$fn"; else echo "$1"; fi
}

# Prints the pid of part $1 and succeeds if it runs (and was started by us).
# A stale pid file is removed.
part_pid() {
  local part="$1" f pid marker
  f="$(pid_file "$part")"
  [[ -f "$f" ]] || return 1
  pid="$(head -n 1 "$f" 2>/dev/null || true)"
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
    marker="$(part_marker "$part")"
    if [[ "$(proc_cmdline "$pid")" == *"$marker"* ]]; then
      echo "$pid"
      return 0
    fi
  fi
  rm -f "$f"
  return 1
}

part_running() { part_pid "$1" >/dev/null; }

# start_bg PART COMMAND... : runs COMMAND in its own session, output to the part's
# log (the previous log is kept as <part>.log.1), pid in the part's pid file.
start_bg() {
  local part="$1" log pid
  shift
  ensure_dirs
  log="$(log_file "$part")"
  [[ -f "$log" ]] && mv -f "$log" "$log.1"
  local arg banner=""
  for arg in "$@"; do
    [[ "$arg" == *PASSWORD=* ]] && arg="${arg%%=*}=***"
    banner+=" $arg"
  done
  printf '=== %s: starting %s:%s\n' "$(date -Is)" "$part" "$banner" >"$log"
  if command -v setsid >/dev/null 2>&1; then
    # setsid execs (does not fork) here, since a background job of a script is not a
    # process group leader: $! is the pid of the command itself.
    setsid "$@" </dev/null >>"$log" 2>&1 9>&- &
  else
    nohup "$@" </dev/null >>"$log" 2>&1 9>&- &
  fi
  pid=$!
  echo "$pid" >"$(pid_file "$part")"
  STARTED_PARTS+=("$part")
}

# Part $1 is not running from this checkout but its port $2 is in use: adopt our own
# process whose pid file was lost, or share the same part of another checkout.
# Sets SHARED_PID/SHARED_ROOT when sharing. Fails when the port holder is not a
# Passerelle part (the caller then reports the taken port).
# shellcheck disable=SC2034 # read by kafka.sh and keycloak.sh
SHARED_PID="" SHARED_ROOT=""
adopt_or_share() {
  local part="$1" port="$2" found pid root
  SHARED_PID="" SHARED_ROOT=""
  found="$(passerelle_part_on_port "$part" "$port")" || return 1
  pid="${found%% *}" root="${found#* }"
  if [[ "$root" == "$PASSERELLE_ROOT" ]]; then
    echo "$pid" >"$(pid_file "$part")"
    info "$part: adopting pid $pid, started from this checkout (its pid file was missing)"
    return 0
  fi
  # shellcheck disable=SC2034 # read by kafka.sh and keycloak.sh
  SHARED_PID="$pid" SHARED_ROOT="$root"
  return 0
}

# Parts started by this invocation (see `test` in CI).
STARTED_PARTS=()

# When port $2 is held by part $1 (kafka or keycloak) run from a Passerelle checkout,
# prints "<pid> <checkout root>" and succeeds. Used to adopt our own process whose pid
# file was lost, or to share the infrastructure of another checkout on this machine
# (e.g. a CI clone next to a developer's tree) instead of failing on a taken port.
passerelle_part_on_port() {
  local part="$1" port="$2" pid cmd arg root suffix
  case "$part" in
    kafka) suffix="/.local/kafka/server.properties" ;;
    keycloak) suffix="/.local/dist/keycloak-" ;;
    *) return 1 ;;
  esac
  for pid in $(port_pids "$port"); do
    cmd="$(proc_cmdline "$pid")"
    [[ "$part" != kafka || "$cmd" == *kafka.Kafka* ]] || continue
    root=""
    while IFS= read -r -d '' arg; do
      arg="${arg#*=}"
      if [[ "$arg" == *"$suffix"* ]]; then
        root="${arg%%"$suffix"*}"
        root="${root##*:}"
        break
      fi
    done <"/proc/$pid/cmdline"
    [[ -n "$root" ]] || continue
    echo "$pid $root"
    return 0
  done
  return 1
}

# The main port of kafka and keycloak (empty for other parts).
part_port_of() {
  case "$1" in
    kafka) echo "$PASSERELLE_KAFKA_PORT" ;;
    keycloak) echo "$PASSERELLE_KEYCLOAK_PORT" ;;
    *) echo "" ;;
  esac
}

# Stops part $1 by its pid file: SIGTERM (to its process group when it leads one),
# then SIGKILL after $2 seconds (default 30).
stop_part_process() {
  local part="$1" timeout="${2:-30}" pid pgid waited=0
  if ! pid="$(part_pid "$part")"; then
    local found port
    port="$(part_port_of "$part")"
    if [[ -n "$port" ]] && found="$(passerelle_part_on_port "$part" "$port")"; then
      if [[ "${found#* }" == "$PASSERELLE_ROOT" ]]; then
        echo "${found%% *}" >"$(pid_file "$part")"
        pid="${found%% *}"
        info "$part: found pid $pid of this checkout without its pid file"
      else
        ok "$part on port $port belongs to another checkout (${found#* }, pid ${found%% *}): not stopping it"
        return 0
      fi
    else
      ok "$part is not running"
      return 0
    fi
  fi
  info "stopping $part (pid $pid)"
  pgid="$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ' || true)"
  if [[ "$pgid" == "$pid" ]]; then
    kill -TERM -- "-$pid" 2>/dev/null || true
  else
    kill -TERM "$pid" 2>/dev/null || true
  fi
  while kill -0 "$pid" 2>/dev/null; do
    if ((waited >= timeout)); then
      warn "$part (pid $pid) did not stop within ${timeout}s; killing it"
      if [[ "$pgid" == "$pid" ]]; then kill -KILL -- "-$pid" 2>/dev/null || true; else kill -KILL "$pid" 2>/dev/null || true; fi
      sleep 1
      break
    fi
    sleep 1
    waited=$((waited + 1))
  done
  rm -f "$(pid_file "$part")"
  ok "$part stopped"
}

show_log_tail() { # part [lines]
  local log
  log="$(log_file "$1")"
  if [[ -f "$log" ]]; then
    printf -- '----- last %s lines of %s -----\n' "${2:-40}" "$log" >&2
    tail -n "${2:-40}" "$log" >&2
    printf -- '----- end of %s -----\n' "$log" >&2
  else
    warn "no log file $log"
  fi
}

# RSS of a pid in MB (best effort).
pid_rss_mb() {
  local kb
  kb="$(awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || true)"
  [[ -n "$kb" ]] && echo "$((kb / 1024))" || echo "?"
}

# ---------------------------------------------------------------------------
# HTTP
# ---------------------------------------------------------------------------
http_code() { # url -> prints status code (000 when no answer)
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" 2>/dev/null || true
}

# wait_http PART URL TIMEOUT_S : waits for 200 on URL while the part's process lives.
# On failure prints the last 40 lines of the part's log and fails.
# wait_http PART URL TIMEOUT_S [PID] : waits for 200 on URL while the part's process
# (PID, default from its pid file) lives. On failure prints the last 40 lines of the
# part's log and fails.
wait_http() {
  local part="$1" url="$2" timeout="$3" pid="${4:-}" start code=000
  start=$SECONDS
  [[ -n "$pid" ]] || pid="$(part_pid "$part" || true)"
  while :; do
    code="$(http_code "$url")"
    [[ "$code" == 200 ]] && return 0
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      show_log_tail "$part" 40
      die "$part exited while starting (log: $(log_file "$part"))"
    fi
    if ((SECONDS - start >= timeout)); then
      show_log_tail "$part" 40
      die "$part was not ready after ${timeout}s: GET $url answered $code (log: $(log_file "$part"))"
    fi
    sleep 2
  done
}

# ---------------------------------------------------------------------------
# JDK
# ---------------------------------------------------------------------------
java_major() { # path/to/java -> major version number (empty if it does not run)
  "$1" -version 2>&1 | sed -n 's/.* version "\([0-9][0-9]*\).*/\1/p' | head -n 1
}

# Chooses a JDK >= 21: $JAVA_HOME if good, else the newest under /usr/lib/jvm.
# Exports JAVA_HOME and PATH; prints the choice once.
select_jdk() {
  [[ -n "${_PASSERELLE_JDK_DONE:-}" ]] && return 0
  local best="" best_v=0 d v real
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" && -x "$JAVA_HOME/bin/javac" ]]; then
    v="$(java_major "$JAVA_HOME/bin/java")"
    if [[ -n "$v" ]] && ((v >= 21)); then
      best="$JAVA_HOME" best_v="$v"
    fi
  fi
  if [[ -z "$best" ]]; then
    for d in /usr/lib/jvm/*; do
      [[ -x "$d/bin/java" && -x "$d/bin/javac" ]] || continue
      real="$(readlink -f "$d")"
      v="$(java_major "$real/bin/java")"
      [[ -n "$v" ]] || continue
      if ((v >= 21 && v > best_v)); then
        best="$real" best_v="$v"
      fi
    done
  fi
  [[ -n "$best" ]] || die "no JDK 21 or newer found (JAVA_HOME='${JAVA_HOME:-}', none in /usr/lib/jvm). Install one (e.g. apt-get install -y openjdk-21-jdk-headless or Temurin 25) or set JAVA_HOME to it."
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
  _PASSERELLE_JDK_DONE=1
  info "using JDK $best_v at $JAVA_HOME"
}

# ---------------------------------------------------------------------------
# Maven (the project's wrapper)
# ---------------------------------------------------------------------------
mvnw() {
  (cd "$PASSERELLE_ROOT" && ./mvnw "$@")
}

# Prints "STATE PID HEALTH[, note]" for part $1 listening on port $2 with health $3: ours by
# pid file, found on the port (ours without pid file, or another checkout's), or down.
part_state_line() {
  local part="$1" port="$2" health="$3" pid found
  if pid="$(part_pid "$part")"; then
    echo "up $pid $health"
  elif found="$(passerelle_part_on_port "$part" "$port")"; then
    if [[ "${found#* }" == "$PASSERELLE_ROOT" ]]; then
      echo "up? ${found%% *} $health, pid file missing: ./passerelle infra adopts it"
    else
      echo "shared ${found%% *} $health, from another checkout: ${found#* }"
    fi
  else
    echo "down - -"
  fi
}
