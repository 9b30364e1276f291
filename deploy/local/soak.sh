# shellcheck shell=bash
# ./passerelle soak [--short]: issue 21's soak run. A mixed load through the gateway of its own
# copy of the services (ports 28080-28084, databases passerelle_<service>_soak, consumer groups
# <service>-soak) while PostgreSQL, the Kafka broker, Keycloak and every application are
# restarted one after another (SIGTERM; SIGKILL for cohort-service); then the checks: every
# acknowledged write present and applied once downstream, 5xx only inside the outage windows and
# each a 503 problem with Retry-After, the time each fault took to recover from, the RSS of each
# JVM, outbox and consumer lag back to 0, no personal data nor token in any log line written
# during the run; and a 10,000-row import timed (full run only). PostgreSQL, Kafka and Keycloak
# are the machine's (./passerelle infra): other stacks on this machine see their restarts.
# Sourced by ./passerelle after bench.sh, whose Kafka helper it uses.

: "${PASSERELLE_SOAK_GATEWAY_PORT:=28080}"
: "${PASSERELLE_SOAK_GATEWAY_MANAGEMENT_PORT:=29080}"
: "${PASSERELLE_SOAK_ENROLLMENT_PORT:=28081}"
: "${PASSERELLE_SOAK_COHORT_PORT:=28082}"
: "${PASSERELLE_SOAK_PARTNERSHIP_PORT:=28083}"
: "${PASSERELLE_SOAK_PLACEMENT_PORT:=28084}"
# After a part is ready again, how long its callers may still see 503s: the gateway's breaker
# stays open 10 s (passerelle.gateway.circuit-breaker.open-delay) and the pools reconnect.
SOAK_GRACE_SECONDS=15

soak_now() { date +%s.%N | cut -c1-14; }

# Appends one fault's window to the faults file: what, when it began, when its part was ready.
soak_fault_record() { # fault start
  printf '{"fault":"%s","start":%s,"ready":%s}\n' "$1" "$2" "$(soak_now)" >>"$SOAK_WORK/faults.jsonl"
  info "soak: $1 recovered (part ready) after $(awk -v a="$2" -v b="$(soak_now)" 'BEGIN {printf "%.1f", b - a}') s"
}

# The machine's parts live in the main run directory; the soak's applications in their own.
soak_infra() { RUN_DIR="$SOAK_SAVED_RUN_DIR" LOG_DIR="$SOAK_SAVED_LOG_DIR" "$@"; }

soak_restart_postgres() {
  local start
  start="$(soak_now)"
  info "soak: restarting PostgreSQL $PG_VERSION/$PG_CLUSTER (fast shutdown: sessions cut)"
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" restart -m fast 9>&- || die "pg_ctlcluster restart failed"
  pg_wait_ready
  soak_fault_record "PostgreSQL restart" "$start"
}

soak_restart_infra() { # kafka|keycloak
  local start
  start="$(soak_now)"
  info "soak: restarting $1 (SIGTERM)"
  soak_infra stop_part_process "$1" 60
  if port_in_use "$(part_port_of "$1")"; then
    die "soak: $1 still answers on its port: it belongs to another checkout (stop it there first)"
  fi
  case "$1" in
    kafka) soak_infra kafka_start ;;
    keycloak) soak_infra keycloak_start ;;
  esac
  soak_fault_record "$1 restart" "$start"
}

soak_restart_app() { # part TERM|KILL
  local part="$1" signal="$2" start pid
  start="$(soak_now)"
  pid="$(part_pid "$part")" || die "soak: $part is not running"
  info "soak: SIG$signal to $part (pid $pid), then starting it again"
  if [[ "$signal" == KILL ]]; then
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    rm -f "$(pid_file "$part")"
  else
    stop_part_process "$part" 30
  fi
  app_start "$part"
  soak_fault_record "$part SIG$signal" "$start"
}

soak_rss() { # -> JSON {part: MB}
  local part pid json="{}"
  for part in "${APP_PARTS[@]}"; do
    pid="$(part_pid "$part")" || continue
    json="$(jq -c --arg p "$part" --argjson rss "$(awk '/^VmRSS:/ {print int($2/1024)}' "/proc/$pid/status")" \
      '. + {($p): $rss}' <<<"$json")"
  done
  echo "$json"
}

# Waits (up to 120 s) for every outbox to be sent and every soak consumer group to have read
# everything; prints {"outbox": n, "lag": {...}} as last seen.
soak_drain() {
  local i outbox lag s groups="" total jobs
  for s in "${PG_SERVICES[@]}"; do groups+="${groups:+,}$s-soak"; done
  for i in $(seq 1 120); do
    outbox=0
    for s in "${PG_SERVICES[@]}"; do
      outbox=$((outbox + $(soak_psql "$s" -tA -c "select count(*) from outbox_event where sent_at is null")))
    done
    lag="$(bench_kafka_tool lag "$(kafka_bootstrap)" "$groups" 2>/dev/null | tail -n 1)" || lag='{}'
    total="$(jq '[.[]] | add // 0' <<<"${lag:-{\}}" 2>/dev/null || echo 1)"
    jobs="$(soak_psql enrollment -tA -c "select count(*) from application_import where status in ('QUEUED', 'RUNNING')")"
    if ((outbox == 0 && total == 0 && jobs == 0)) && [[ "$lag" == \{* ]]; then break; fi
    sleep 1
  done
  jq -cn --argjson o "$outbox" --argjson l "${lag:-{\}}" --argjson s "$i" --argjson j "$jobs" \
    '{outbox: $o, lag: $l, importsRunning: $j, seconds: $s}'
}

soak_psql() { # service args...
  local s="$1"
  shift
  PGOPTIONS="-c client_min_messages=warning" PGPASSWORD="$PASSERELLE_DB_PASSWORD" \
    psql -X -q -w -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PASSERELLE_DB_PORT" \
    -U "passerelle_$s" -d "passerelle_${s}_soak" "$@"
}

# Every log file the run wrote to, with the byte it started at: the soak's applications (their
# directory is emptied at the start), Kafka's and Keycloak's (rotated to .1 when restarted) and
# PostgreSQL's.
soak_log_marks() {
  local f
  for f in "$SOAK_SAVED_LOG_DIR/kafka.log" "$SOAK_SAVED_LOG_DIR/keycloak.log" "$(postgres_log_path)"; do
    [[ -f "$f" ]] && printf '%s %s\n' "$f" "$(stat -c %s "$f")"
  done
}

# Counts the lines written during the run and those holding the run's invented personal data (its
# tag, the phone numbers it sent), a JWT or a client secret. Prints {"lines": n, "findings": n}
# and writes the offending lines (cut) to WORK/log-findings.txt.
soak_scan_logs() {
  local marks="$SOAK_WORK/log-marks" f offset rotated
  : >"$SOAK_WORK/scanned.log"
  while read -r f offset; do
    rotated="$f.1"
    if [[ -f "$rotated" && "$rotated" -nt "$SOAK_WORK/fixtures.json" ]]; then
      tail -c +"$((offset + 1))" "$rotated" >>"$SOAK_WORK/scanned.log"
      cat "$f" >>"$SOAK_WORK/scanned.log"
    elif [[ -f "$f" ]]; then
      tail -c +"$((offset + 1))" "$f" >>"$SOAK_WORK/scanned.log"
    fi
  done <"$marks"
  cat "$SOAK_LOG_DIR"/*.log* >>"$SOAK_WORK/scanned.log" 2>/dev/null || true
  local tag
  tag="$(cat "$SOAK_WORK/pii-tag")"
  grep -a -i -E "$tag|eyJ[A-Za-z0-9_-]{8,}\.eyJ|integration-fr-secret|\+336[0-9]{8}" "$SOAK_WORK/scanned.log" |
    cut -c1-300 >"$SOAK_WORK/log-findings.txt" || true
  jq -cn --argjson l "$(wc -l <"$SOAK_WORK/scanned.log")" --argjson f "$(wc -l <"$SOAK_WORK/log-findings.txt")" \
    '{lines: $l, findings: $f}'
}

soak_stop_started() {
  local part
  if [[ "$RUN_DIR" == "$LOCAL_DIR/soak/run" ]]; then
    for part in gateway placement partnership cohort enrollment; do
      part_running "$part" && stop_part_process "$part" 30
    done
  fi
  [[ -z "${SOAK_LOAD_PID:-}" ]] || kill "$SOAK_LOAD_PID" 2>/dev/null || true
  RUN_DIR="$SOAK_SAVED_RUN_DIR" LOG_DIR="$SOAK_SAVED_LOG_DIR"
}

# Waits until $1 seconds have passed since the load began.
soak_at() {
  local now
  now="$(soak_now)"
  local wait
  wait="$(awk -v t="$1" -v b="$SOAK_LOAD_BEGAN" -v n="$now" 'BEGIN {w = b + t - n; print (w > 0 ? w : 0)}')"
  sleep "$wait"
}

cmd_soak() {
  local short=0 minutes=12 import_rows=10000
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --short) short=1 ;;
      --minutes)
        [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || die "--minutes needs a whole number"
        minutes="$2"
        shift
        ;;
      *) die "usage: ./passerelle soak [--short] [--minutes 12]" ;;
    esac
    shift
  done
  local began=$SECONDS
  prepare
  if is_root; then apt_install_if_missing jq jq jq; fi
  require_cmd jq python3 psql
  SOAK_SAVED_RUN_DIR="$RUN_DIR" SOAK_SAVED_LOG_DIR="$LOG_DIR"
  trap soak_stop_started EXIT
  trap 'exit 130' INT TERM
  cmd_infra
  pg_find_cluster || die "no PostgreSQL cluster"
  is_root || [[ "$(id -un)" == postgres ]] || die "the soak run restarts PostgreSQL: run it as root"
  apps_build_if_needed
  release_lock

  local id
  id="$(date -u +%Y%m%d%H%M%S)-$$"
  mkdir -p "$LOCAL_DIR/soak"
  SOAK_WORK="$LOCAL_DIR/soak/run-$id"
  mkdir -p "$SOAK_WORK"
  # The tag the invented applicants' names and emails carry, for the log scan.
  python3 -c 'import random, string; print("".join(random.choice(string.ascii_lowercase) for _ in range(8)))' >"$SOAK_WORK/pii-tag"
  : >"$SOAK_WORK/faults.jsonl"
  soak_log_marks >"$SOAK_WORK/log-marks"

  RUN_DIR="$LOCAL_DIR/soak/run" LOG_DIR="$LOCAL_DIR/soak/logs"
  SOAK_LOG_DIR="$LOG_DIR"
  ensure_dirs
  local part
  for part in gateway placement partnership cohort enrollment; do
    part_running "$part" && stop_part_process "$part" 30 # left over by an interrupted run
  done
  rm -f "$LOG_DIR"/*.log "$LOG_DIR"/*.log.1
  apps_second_copy soak SOAK
  local s
  info "recreating the soak databases"
  for s in "${PG_SERVICES[@]}"; do
    pg_admin_psql -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS passerelle_${s}_soak WITH (FORCE)"
  done
  pg_ensure_roles_and_dbs
  kafka_groups_to_end soak || die "could not move the consumer groups *-soak to the end of the topics"
  apps_start_all
  local gateway="http://127.0.0.1:$PASSERELLE_GATEWAY_PORT" keycloak
  keycloak="$(keycloak_issuer)"
  export PASSERELLE_DB_PORT PASSERELLE_DB_PASSWORD PASSERELLE_APP_INSTANCE
  python3 "$PASSERELLE_ROOT/bench/soak.py" setup "$SOAK_WORK" "$gateway" "$keycloak" ||
    die "the soak fixtures could not be made (logs: $LOG_DIR)"
  ok "soak stack and fixtures ready in $((SECONDS - began)) s (work directory $SOAK_WORK)"

  # Short: about a minute of load and one fault of each kind; full: the given minutes, the
  # applications' restarts first so the RSS is compared within one life of each JVM afterwards.
  local load_seconds=$((minutes * 60)) import_size=2000 workers=6
  # (short: until the faults are over, within a bound, and lighter: Keycloak starts on the same
  # two cores)
  if ((short)); then load_seconds=400 import_size=300 workers=3; fi
  SOAK_IMPORT_ROWS="$import_size" SOAK_WORKERS="$workers" python3 "$PASSERELLE_ROOT/bench/soak.py" load "$SOAK_WORK" "$gateway" "$keycloak" \
    "$load_seconds" &
  SOAK_LOAD_PID=$!
  # The faults are timed from the moment every caller of the load holds a token.
  local waited=0
  until [[ -e "$SOAK_WORK/load-ready" ]]; do
    kill -0 "$SOAK_LOAD_PID" 2>/dev/null || die "the soak load driver stopped before its first request"
    ((waited++ < 600)) || die "the soak load driver got no token within 60 s"
    sleep 0.1
  done
  SOAK_LOAD_BEGAN="$(soak_now)"
  local rss_warm
  if ((short)); then
    # Keycloak takes longest to come back (its realm is imported again): its restart overlaps
    # the database's and the broker's; the applications' restarts follow.
    soak_at 5
    soak_restart_infra keycloak &
    local keycloak_restart=$!
    soak_at 10
    soak_restart_postgres
    soak_restart_infra kafka
    wait "$keycloak_restart" || die "soak: keycloak did not come back"
    soak_restart_app enrollment TERM
    soak_restart_app cohort KILL
    rss_warm="$(soak_rss)"
    # The load goes on a little after the last fault, then stops.
    sleep 15
    touch "$SOAK_WORK/stop"
  else
    local at=30 p
    for p in gateway:TERM enrollment:TERM cohort:KILL partnership:TERM placement:TERM; do
      soak_at "$at"
      soak_restart_app "${p%%:*}" "${p#*:}"
      at=$((at + 40))
    done
    soak_at "$at"
    soak_restart_postgres
    soak_at $((at + 50))
    soak_restart_infra kafka
    soak_at $((at + 110))
    soak_restart_infra keycloak
    # Warm: a minute after the last fault; the end is at least four minutes later.
    sleep 60
    rss_warm="$(soak_rss)"
    local warm_at
    warm_at="$(awk -v b="$SOAK_LOAD_BEGAN" -v n="$(soak_now)" 'BEGIN {print int(n - b)}')"
    ((warm_at + 240 <= load_seconds)) || warn "soak: only $((load_seconds - warm_at)) s of load remain after the RSS's warm reading"
  fi
  info "soak: faults done; the load goes on until its end"
  wait "$SOAK_LOAD_PID" || die "the soak load driver failed"
  SOAK_LOAD_PID=""
  local rss_end drain
  rss_end="$(soak_rss)"
  drain="$(soak_drain)"
  info "soak: backlog after the load: $drain"
  if ((short == 0)); then
    info "soak: a $import_rows-row import, timed"
    python3 "$PASSERELLE_ROOT/bench/soak.py" import "$SOAK_WORK" "$gateway" "$keycloak" "$import_rows" ||
      die "the timed import failed"
    drain="$(soak_drain)"
  fi
  local logs
  logs="$(soak_scan_logs)"
  jq -n --argjson warm "$rss_warm" --argjson last "$rss_end" --argjson drain "$drain" --argjson logs "$logs" \
    '{rss: ($warm | with_entries(.value = {start: .value, "end": $last[.key],
        growth: (if .value > 0 then ((($last[.key] - .value) * 1000 / .value) | round) / 10 else 0 end)})),
      outboxPending: $drain.outbox, consumerLag: $drain.lag, logLines: $logs.lines, logFindings: $logs.findings,
      problems: ([if $drain.outbox > 0 then "outbox not empty at the end: \($drain.outbox)" else empty end,
        if ([$drain.lag[]] | add // 0) > 0 then "consumer lag at the end: \($drain.lag)" else empty end,
        if $logs.findings > 0 then "\($logs.findings) log lines with personal data or a token" else empty end])}' \
    >"$SOAK_WORK/after.json"
  local rc=0
  python3 "$PASSERELLE_ROOT/bench/soak.py" check "$SOAK_WORK" "$SOAK_GRACE_SECONDS" | tee "$SOAK_WORK/table.md" || rc=$?
  if [[ -f "$SOAK_WORK/import.json" ]]; then
    jq -r '"\n- \(.rows)-row import (\(.bytes) bytes of CSV): 202 after \(.toAcceptedSeconds) s, \(.status) after \(.toEndSeconds) s (created \(.created), unchanged \(.unchanged), failed \(.failed)); progress: \([.readings[] | "\(.t) s \(.rowsProcessed)"] | join(", "))"' \
      "$SOAK_WORK/import.json" | tee -a "$SOAK_WORK/table.md"
  fi
  ((rc == 0)) || die "the soak run found problems (details: $SOAK_WORK; log findings: $SOAK_WORK/log-findings.txt)"
  ok "soak run passed in $((SECONDS - began)) s (table: $SOAK_WORK/table.md)"
}
