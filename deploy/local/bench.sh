# shellcheck shell=bash
# ./passerelle bench [--short]: the performance benchmark of issue 18, side by side in one run.
# Starts its own copy of the four services and the gateway (own ports, own databases
# passerelle_<service>_bench, own consumer groups <service>-bench) and the peer app (Quarkus's
# REST+CRUD reference app, built in a scratch directory), measures, writes a dated table to
# docs/benchmarks.md (--short: to a temporary file, durations of a few seconds, to prove the
# scripts work) and stops what it started. Sourced by ./passerelle after the other parts.
# The helpers it runs live in bench/ (wrk scripts, the Kafka and event-effect drivers, the seed).

BENCH_SCRIPTS="$PASSERELLE_ROOT/bench"
: "${PASSERELLE_BENCH_SCRATCH:=${TMPDIR:-/tmp}/passerelle-bench}"
: "${PASSERELLE_BENCH_GATEWAY_PORT:=18080}"
: "${PASSERELLE_BENCH_GATEWAY_MANAGEMENT_PORT:=19080}"
: "${PASSERELLE_BENCH_ENROLLMENT_PORT:=18081}"
: "${PASSERELLE_BENCH_COHORT_PORT:=18082}"
: "${PASSERELLE_BENCH_PARTNERSHIP_PORT:=18083}"
: "${PASSERELLE_BENCH_PLACEMENT_PORT:=18084}"
: "${PASSERELLE_BENCH_PEER_PORT:=18090}"
BENCH_CONNECTIONS=16
BENCH_LIST_CONNECTIONS=4
BENCH_HEADER_MARK='<!-- runs, newest first: ./passerelle bench inserts each below this line -->'

# Where the peer app's sources are: PASSERELLE_BENCH_PEER, else ../shared/peers beside this
# checkout or beside the main checkout of its repository (a worktree lives elsewhere).
bench_peer_source() {
  local candidate common
  if [[ -n "${PASSERELLE_BENCH_PEER:-}" ]]; then
    echo "$PASSERELLE_BENCH_PEER"
    return 0
  fi
  candidate="$PASSERELLE_ROOT/../shared/peers/quarkus-rest-crud"
  if [[ ! -d "$candidate" ]] && common="$(git -C "$PASSERELLE_ROOT" rev-parse --path-format=absolute --git-common-dir 2>/dev/null)"; then
    candidate="$(dirname "$common")/../shared/peers/quarkus-rest-crud"
  fi
  [[ -d "$candidate" ]] || die "the peer app is not at $candidate: set PASSERELLE_BENCH_PEER to its directory"
  (cd "$candidate" && pwd -P)
}

peer_marker() { echo "$BENCH_PEER_JAR"; }

# The peer, as its README says: copied to a scratch directory, built with this project's Maven
# wrapper, its fruits database created afresh with its script. The build is kept between runs
# while the peer's sources are unchanged.
bench_peer_build() {
  local src digest dir="$PASSERELLE_BENCH_SCRATCH/peer"
  src="$(bench_peer_source)"
  digest="$(cd "$src" && find . -type f ! -path './quarkus3/target/*' -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-16)"
  BENCH_PEER_JAR="$dir/quarkus3/target/quarkus-app/quarkus-run.jar"
  if [[ -f "$BENCH_PEER_JAR" && "$(cat "$dir/.digest" 2>/dev/null)" == "$digest" ]]; then
    ok "peer app already built in $dir"
  else
    info "building the peer app ($src) in $dir"
    rm -rf "$dir"
    mkdir -p "$PASSERELLE_BENCH_SCRATCH"
    cp -r "$src" "$dir"
    (cd "$dir/quarkus3" && "$PASSERELLE_ROOT/mvnw" -q -B package -DskipTests -Dquarkus.container-image.build=false) ||
      die "the peer app did not build (in $dir/quarkus3)"
    echo "$digest" >"$dir/.digest"
  fi
  pg_admin_psql <<'SQL'
SET client_min_messages = warning;
SELECT 'CREATE ROLE fruits LOGIN PASSWORD ''fruits''' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fruits') \gexec
DROP DATABASE IF EXISTS fruits WITH (FORCE);
CREATE DATABASE fruits OWNER fruits;
SQL
  PGPASSWORD=fruits psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PASSERELLE_DB_PORT" -U fruits fruits \
    -f "$dir/scripts/dbdata/db.sql" >/dev/null
  PGPASSWORD=fruits psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PASSERELLE_DB_PORT" -U fruits fruits \
    -c "select setval('fruits_seq', 1000000)" >/dev/null
}

bench_peer_start() {
  ensure_port_free "$PASSERELLE_BENCH_PEER_PORT" PASSERELLE_BENCH_PEER_PORT peer
  info "starting the peer app on http://127.0.0.1:$PASSERELLE_BENCH_PEER_PORT"
  start_bg peer "$JAVA_HOME/bin/java" "-Xmx$PASSERELLE_APP_HEAP" "-Dquarkus.http.port=$PASSERELLE_BENCH_PEER_PORT" \
    -Dquarkus.http.host=127.0.0.1 \
    "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:$PASSERELLE_DB_PORT/fruits" -jar "$BENCH_PEER_JAR"
}

# The bench databases start empty every run (Flyway migrates them when the services start).
bench_reset_databases() {
  local s dbs=""
  for s in "${PG_SERVICES[@]}"; do dbs+="${dbs:+ }passerelle_${s}_bench"; done
  info "recreating the bench databases: $dbs"
  for s in $dbs; do
    pg_admin_psql -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $s WITH (FORCE)"
  done
  pg_ensure_roles_and_dbs
}

bench_kafka_tool() { # args...
  local classes="$PASSERELLE_BENCH_SCRATCH/kafka-classes"
  if [[ ! -f "$classes/KafkaBench.class" || "$BENCH_SCRIPTS/KafkaBench.java" -nt "$classes/KafkaBench.class" ]]; then
    mkdir -p "$classes"
    "$JAVA_HOME/bin/javac" -nowarn -d "$classes" -cp "$KAFKA_DIST/*" "$BENCH_SCRIPTS/KafkaBench.java" ||
      die "could not compile bench/KafkaBench.java"
  fi
  "$JAVA_HOME/bin/java" -Xmx128m -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
    -cp "$classes:$KAFKA_DIST/*" KafkaBench "$@"
}

# Moves the consumer groups <service>-<suffix> to the end of the event topics, so that a copy of
# the services (or the unit tests) never waits behind, nor applies, what other copies wrote before.
kafka_groups_to_end() { # suffix
  local s groups=""
  for s in "${PG_SERVICES[@]}"; do groups+="${groups:+,}$s-$1"; done
  bench_kafka_tool skip-to-end "$(kafka_bootstrap)" "$groups" "${KAFKA_TOPICS[@]:0:4}" >/dev/null
}

# psql on a bench database as its service's role, over TCP as the services connect.
bench_psql() { # service args...
  local s="$1"
  shift
  PGOPTIONS="-c client_min_messages=warning" PGPASSWORD="$PASSERELLE_DB_PASSWORD" \
    psql -X -q -w -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PASSERELLE_DB_PORT" \
    -U "passerelle_$s" -d "passerelle_${s}_bench" "$@"
}

# Runs wrk and appends its figures to the results. A Passerelle measure that saw a non-2xx
# answer or a socket error is failed; the peer's POST counts its 2xx only (its README).
bench_wrk() { # measure round duration connections script|- url [header]
  local measure="$1" round="$2" duration="$3" connections="$4" script="$5" url="$6" header="${7:-}"
  local lua out json
  lua="$(mktemp "$BENCH_WORK/wrk-XXXXXX.lua")"
  if [[ "$script" != - ]]; then cat "$script" >"$lua"; fi
  cat "$BENCH_SCRIPTS/report.lua" >>"$lua"
  local -a args=(-t2 "-c$connections" "-d$duration" --timeout 30s -s "$lua")
  [[ -z "$header" ]] || args+=(-H "$header")
  bench_cpu_mark
  out="$(wrk "${args[@]}" "$url" 2>&1)" || {
    printf '%s\n' "$out" >&2
    die "wrk failed for $measure ($url)"
  }
  rm -f "$lua"
  [[ "$round" == warmup ]] && return 0
  bench_cpu_record "$measure"
  json="$(sed -n 's/^BENCH_JSON //p' <<<"$out")"
  [[ -n "$json" ]] || {
    printf '%s\n' "$out" >&2
    die "wrk printed no figures for $measure"
  }
  jq -c --arg m "$measure" --arg r "$round" '. + {measure: $m, round: $r}' <<<"$json" >>"$BENCH_RESULTS"
  if [[ "$measure" != post_peer ]] && jq -e '.non2xx > 0 or .socket_errors > 0' <<<"$json" >/dev/null; then
    warn "$measure round $round saw $(jq -r '"\(.non2xx) non-2xx answers and \(.socket_errors) socket errors"' <<<"$json"): the measure fails"
    BENCH_FAILED+=("$measure")
  fi
  info "$measure round $round: $(jq -r '"\(.ok_rps) ok/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, non-2xx \(.non2xx)"' <<<"$json")"
}

# The machine's busy share during one measure (from /proc/stat).
bench_cpu_mark() { read -r _ BENCH_CPU_A < <(bench_cpu_counters); }
bench_cpu_counters() { awk '/^cpu / {t=0; for (i=2; i<=9; i++) t+=$i; print "x", t, $5+$6}' /proc/stat; }
bench_cpu_record() {
  local total idle t0 i0
  read -r _ total idle < <(bench_cpu_counters)
  read -r t0 i0 <<<"$BENCH_CPU_A"
  BENCH_BUSY+=("$1" "$(((100 * ((total - t0) - (idle - i0))) / ((total - t0) > 0 ? (total - t0) : 1)))")
}

bench_token() { keycloak_user_token "$1" || die "no token for $1 from Keycloak"; }

# A FR-SEVRAN cohort created through the bench cohort-service, and its intake once
# enrollment-service has heard of it: the GET and the POSTs use them.
bench_fixtures() {
  local admin resp code i
  admin="$(bench_token platform-admin)"
  resp="$BENCH_WORK/cohort.json"
  code="$(curl -sS --max-time 30 -o "$resp" -w '%{http_code}' -X POST "$BENCH_COHORT_URL/api/v1/cohorts" \
    -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -H "Idempotency-Key: bench-cohort-$BENCH_ID" \
    --data "{\"programmeCode\":\"WEB-DEV\",\"siteCode\":\"FR-SEVRAN\",\"startDate\":\"$(date -u -d '+2 months' +%F)\",\"endDate\":\"$(date -u -d '+8 months' +%F)\",\"capacity\":20}")" || code=000
  [[ "$code" == 201 ]] || die "creating the bench cohort answered HTTP $code: $(head -c 600 "$resp")"
  BENCH_COHORT="$(jq -r .id "$resp")"
  for i in $(seq 1 60); do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H "Authorization: Bearer $admin" \
      "$BENCH_ENROLLMENT_URL/api/v1/intakes/$BENCH_COHORT")" || code=000
    [[ "$code" == 200 ]] && break
    sleep 1
  done
  [[ "$code" == 200 ]] || die "enrollment-service never heard of the bench cohort $BENCH_COHORT (intake: HTTP $code, after $i s)"
  ok "bench cohort and intake $BENCH_COHORT at FR-SEVRAN"
}

# Warm-up of each target, then the rounds alternating between them.
bench_measure_alternating() { # token measure=url...
  local token="$1" pair measure target round script header
  shift
  for round in warmup $(seq 1 "$BENCH_ROUNDS"); do
    for pair in "$@"; do
      measure="${pair%%=*}" target="${pair#*=}"
      script=- header="Authorization: Bearer $token"
      case "$measure" in
        post_peer)
          script="$BENCH_PEER_DIR/post.lua" header=""
          ;;
        post_*)
          export BENCH_RUN="$BENCH_ID-$measure-$round"
          script="$BENCH_SCRIPTS/post-application.lua" header=""
          ;;
        *_peer) header="" ;;
      esac
      if [[ "$round" == warmup ]]; then
        bench_wrk "$measure" warmup "$BENCH_WARMUP" "$BENCH_CONNECTIONS" "$script" "$target" "$header"
      else
        bench_wrk "$measure" "$round" "$BENCH_DURATION" "$BENCH_CONNECTIONS" "$script" "$target" "$header"
      fi
    done
  done
}

bench_pgbench() {
  local round out tps
  local script="$BENCH_WORK/insert.sql"
  echo "insert into bench_insert (applicant, payload) values (gen_random_uuid(), 'one row');" >"$script"
  bench_psql enrollment -c "create table if not exists bench_insert (id bigint generated always as identity primary key, applicant uuid not null, payload text, at timestamptz not null default now())"
  for round in $(seq 1 "$BENCH_ROUNDS"); do
    bench_cpu_mark
    out="$(PGPASSWORD="$PASSERELLE_DB_PASSWORD" pgbench -n -h 127.0.0.1 -p "$PASSERELLE_DB_PORT" \
      -U passerelle_enrollment -c "$BENCH_CONNECTIONS" -j 2 -T "${BENCH_DURATION%s}" -f "$script" \
      passerelle_enrollment_bench 2>&1)" || {
      printf '%s\n' "$out" >&2
      die "pgbench failed"
    }
    bench_cpu_record pgbench
    tps="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out" | head -n 1)"
    [[ -n "$tps" ]] || die "pgbench printed no tps: $out"
    jq -cn --arg r "$round" --argjson tps "$tps" \
      --argjson lat "$(sed -n 's/^latency average = \([0-9.]*\).*/\1/p' <<<"$out")" \
      '{measure: "pgbench", round: $r, tps: $tps, avg_ms: $lat}' >>"$BENCH_RESULTS"
    info "pgbench round $round: $tps tps"
  done
  bench_psql enrollment -c "drop table bench_insert"
}

# The event effect and the raw Kafka round trip at half the measured maximal write rate.
bench_events() {
  local staff rate round json
  rate="$(jq -s '[.[] | select(.measure == "post_direct") | .ok_rps] | max / 2 | floor' "$BENCH_RESULTS")"
  ((rate >= 5)) || rate=5
  staff="$(bench_token site-staff-fr)"
  for round in $(seq 1 "$BENCH_ROUNDS"); do
    bench_cpu_mark
    json="$(bench_kafka_tool roundtrip "$(kafka_bootstrap)" passerelle.bench.roundtrip "$rate" "$BENCH_EVENT_SECONDS" | tail -n 1)" ||
      die "the raw Kafka round trip failed: $json"
    bench_cpu_record kafka_roundtrip
    jq -c --arg r "$round" '. + {measure: "kafka_roundtrip", round: $r}' <<<"$json" >>"$BENCH_RESULTS"
    info "raw Kafka round trip at $rate/s, round $round: $json"
    bench_cpu_mark
    json="$(PGHOST=127.0.0.1 PGPORT="$PASSERELLE_DB_PORT" PGUSER=passerelle_cohort PGPASSWORD="$PASSERELLE_DB_PASSWORD" \
      PGDATABASE=passerelle_cohort_bench python3 "$BENCH_SCRIPTS/event-effect.py" "$BENCH_ENROLLMENT_URL" "$staff" \
      "$BENCH_COHORT" "$rate" "$BENCH_EVENT_SECONDS" "$BENCH_ID-effect-$round")" || {
      BENCH_FAILED+=(event_effect)
      warn "the event effect measure failed: $json"
    }
    bench_cpu_record event_effect
    [[ -z "$json" ]] || jq -c --arg r "$round" '. + {measure: "event_effect", round: $r}' <<<"$json" >>"$BENCH_RESULTS"
    info "event effect at $rate/s, round $round: $json"
  done
}

# Lists and search at a small and a large number of applications, seeded with SQL.
bench_lists() {
  local staff size
  local list="$BENCH_ENROLLMENT_URL/api/v1/applications?size=20"
  local search="$BENCH_ENROLLMENT_URL/api/v1/applications?q=martin&size=20"
  bench_psql enrollment -c "truncate applicant cascade" >/dev/null
  for size in small large; do
    local from=1 to="$BENCH_ROWS_SMALL"
    [[ "$size" == small ]] || from=$((BENCH_ROWS_SMALL + 1)) to="$BENCH_ROWS_LARGE"
    info "seeding applications $from to $to"
    local seeded=$SECONDS
    bench_psql enrollment -v from="$from" -v to="$to" -v intake="$BENCH_COHORT" \
      -f "$BENCH_SCRIPTS/seed-applications.sql" >/dev/null
    BENCH_SEED_SECONDS=$((BENCH_SEED_SECONDS + SECONDS - seeded))
    staff="$(bench_token site-staff-fr)"
    curl -sf -o /dev/null --max-time 60 -H "Authorization: Bearer $staff" "$search" ||
      die "GET $search did not answer 2xx"
    local round duration
    for round in warmup $(seq 1 "$BENCH_ROUNDS"); do
      duration="$BENCH_LIST_DURATION"
      [[ "$round" != warmup ]] || duration="$BENCH_LIST_WARMUP"
      bench_wrk "list_$size" "$round" "$duration" "$BENCH_LIST_CONNECTIONS" - "$list" "Authorization: Bearer $staff"
      bench_wrk "search_$size" "$round" "$duration" "$BENCH_LIST_CONNECTIONS" - "$search" "Authorization: Bearer $staff"
    done
  done
}

bench_memory() { # -> JSON {part: {rss_mb, peak_mb}}
  local part pid json="{}"
  for part in enrollment cohort partnership placement gateway peer; do
    pid="$(part_pid "$part")" || continue
    json="$(jq -c --arg p "$part" --argjson rss "$(awk '/^VmRSS:/ {print int($2/1024)}' "/proc/$pid/status")" \
      --argjson peak "$(awk '/^VmHWM:/ {print int($2/1024)}' "/proc/$pid/status")" \
      '. + {($p): {rss_mb: $rss, peak_mb: $peak}}' <<<"$json")"
  done
  echo "$json"
}

bench_heap() {
  local gc
  local -a java_opts
  read -r -a java_opts <<<"$PASSERELLE_APP_JAVA_OPTS"
  gc="$("$JAVA_HOME/bin/java" "-Xmx$PASSERELLE_APP_HEAP" "${java_opts[@]}" -XX:+PrintFlagsFinal -version 2>/dev/null |
    awk '$2 ~ /^Use(Serial|Parallel|G1|Z|Shenandoah|Epsilon)GC$/ && $4 == "true" {print $2}' | head -n 1)"
  printf '%s' "services and gateway: -Xmx$PASSERELLE_APP_HEAP${PASSERELLE_APP_JAVA_OPTS:+ $PASSERELLE_APP_JAVA_OPTS}, the peer: -Xmx$PASSERELLE_APP_HEAP (its README); otherwise the JDK's defaults on this machine (${gc:-GC unknown})"
}

# On exit: the bench's applications (by the bench's own pid files only), then the infrastructure
# parts this run started.
bench_stop_started() {
  local part
  if [[ "$RUN_DIR" == "$LOCAL_DIR/bench/run" ]]; then
    for part in peer gateway placement partnership cohort enrollment; do
      part_running "$part" && stop_part_process "$part" 30
    done
  fi
  RUN_DIR="$BENCH_SAVED_RUN_DIR" LOG_DIR="$BENCH_SAVED_LOG_DIR"
  local i
  for ((i = ${#STARTED_PARTS[@]} - 1; i >= BENCH_INFRA_FROM; i--)); do
    case "${STARTED_PARTS[i]}" in kafka | keycloak) stop_one "${STARTED_PARTS[i]}" || true ;; esac
  done
  BENCH_INFRA_FROM=${#STARTED_PARTS[@]}
}

cmd_bench() {
  local short=0 warmup="" duration="" rounds=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --short) short=1 ;;
      --warmup | --duration | --rounds)
        [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*s?$ ]] || die "$1 needs a number (of seconds, e.g. 15s)"
        case "$1" in --warmup) warmup="${2%s}s" ;; --duration) duration="${2%s}s" ;; --rounds) rounds="${2%s}" ;; esac
        shift
        ;;
      *) die "usage: ./passerelle bench [--short] [--warmup 20s] [--duration 15s] [--rounds 2]" ;;
    esac
    shift
  done
  local began=$SECONDS
  prepare
  if is_root; then
    apt_install_if_missing wrk wrk wrk
    apt_install_if_missing jq jq jq
  fi
  require_cmd wrk pgbench jq python3 psql
  if ((short)); then
    BENCH_WARMUP=1s BENCH_DURATION=2s BENCH_ROUNDS=1 BENCH_LIST_WARMUP=1s BENCH_LIST_DURATION=2s BENCH_EVENT_SECONDS=2
    BENCH_ROWS_SMALL=2000 BENCH_ROWS_LARGE=10000
  else
    BENCH_WARMUP=20s BENCH_DURATION=15s BENCH_ROUNDS=2 BENCH_LIST_WARMUP=5s BENCH_LIST_DURATION=10s BENCH_EVENT_SECONDS=15
    BENCH_ROWS_SMALL=10000 BENCH_ROWS_LARGE=1000000
  fi
  BENCH_WARMUP="${warmup:-$BENCH_WARMUP}" BENCH_DURATION="${duration:-$BENCH_DURATION}" BENCH_ROUNDS="${rounds:-$BENCH_ROUNDS}"
  BENCH_ID="$(date -u +%Y%m%d%H%M%S)-$$"
  BENCH_FAILED=() BENCH_BUSY=() BENCH_SEED_SECONDS=0
  mkdir -p "$PASSERELLE_BENCH_SCRATCH"
  BENCH_WORK="$(mktemp -d "$PASSERELLE_BENCH_SCRATCH/run-XXXXXX")"
  BENCH_RESULTS="$BENCH_WORK/results.jsonl"
  : >"$BENCH_RESULTS"
  local load_before commit
  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  commit="$(git -C "$PASSERELLE_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if [[ -n "$(git -C "$PASSERELLE_ROOT" status --porcelain --untracked-files=no -- . ':!docs' 2>/dev/null)" ]]; then
    commit+=" + uncommitted changes"
  fi

  BENCH_SAVED_RUN_DIR="$RUN_DIR" BENCH_SAVED_LOG_DIR="$LOG_DIR" BENCH_INFRA_FROM=${#STARTED_PARTS[@]}
  trap bench_stop_started EXIT
  trap 'exit 130' INT TERM
  cmd_infra
  apps_build_if_needed
  BENCH_PEER_DIR="$PASSERELLE_BENCH_SCRATCH/peer"
  # A clone without the peer beside it (../shared) can still prove the scripts in short mode.
  local with_peer=1
  if ! (bench_peer_source) >/dev/null 2>&1; then
    ((short)) || bench_peer_source >/dev/null
    warn "the peer app is not beside this checkout (set PASSERELLE_BENCH_PEER): the short bench runs without it"
    with_peer=0
  fi
  ((with_peer == 0)) || bench_peer_build
  release_lock

  # From here on, the bench's own copy of the applications: own pid files and logs, ports,
  # databases, consumer groups; the gateway with rate limits out of the way.
  RUN_DIR="$LOCAL_DIR/bench/run" LOG_DIR="$LOCAL_DIR/bench/logs"
  ensure_dirs
  local part
  for part in peer gateway placement partnership cohort enrollment; do
    part_running "$part" && stop_part_process "$part" 30 # left over by an interrupted run
  done
  apps_second_copy bench BENCH
  BENCH_GATEWAY_URL="http://127.0.0.1:$PASSERELLE_GATEWAY_PORT"
  BENCH_ENROLLMENT_URL="http://127.0.0.1:$PASSERELLE_ENROLLMENT_PORT"
  BENCH_COHORT_URL="http://127.0.0.1:$PASSERELLE_COHORT_PORT"
  BENCH_PEER_URL="http://127.0.0.1:$PASSERELLE_BENCH_PEER_PORT"

  bench_reset_databases
  kafka_groups_to_end bench || die "could not move the consumer groups *-bench to the end of the topics"
  ((with_peer == 0)) || bench_peer_start
  apps_start_all
  ((with_peer == 0)) || wait_http peer "$BENCH_PEER_URL/q/health/ready" "$PASSERELLE_APP_TIMEOUT"
  ok "the bench stack is up in $((SECONDS - began)) s"
  bench_fixtures

  python3 "$BENCH_SCRIPTS/machine.py" snap "$BENCH_WORK/cpu-start.json"
  local staff
  staff="$(bench_token site-staff-fr)"
  export BENCH_TOKEN="$staff" BENCH_INTAKE="$BENCH_COHORT"
  local get="/api/v1/cohorts/$BENCH_COHORT"
  for s in "$BENCH_COHORT_URL$get" "$BENCH_GATEWAY_URL$get"; do
    curl -sf -o /dev/null --max-time 10 -H "Authorization: Bearer $staff" "$s" || die "GET $s did not answer 2xx"
  done
  local -a get_peer=() post_peer=()
  if ((with_peer)); then
    get_peer=(get_peer="$BENCH_PEER_URL/fruits/Apple") post_peer=(post_peer="$BENCH_PEER_URL")
  fi
  bench_measure_alternating "$staff" get_direct="$BENCH_COHORT_URL$get" get_gateway="$BENCH_GATEWAY_URL$get" \
    "${get_peer[@]}"
  bench_measure_alternating "$staff" post_direct="$BENCH_ENROLLMENT_URL" post_gateway="$BENCH_GATEWAY_URL" \
    "${post_peer[@]}"
  bench_pgbench
  bench_events
  local rss
  rss="$(bench_memory)"
  bench_lists
  python3 "$BENCH_SCRIPTS/machine.py" snap "$BENCH_WORK/cpu-end.json"

  local pids=() cpu
  for part in enrollment cohort partnership placement gateway peer; do
    pids+=("$(part_pid "$part" || true)")
  done
  cpu="$(python3 "$BENCH_SCRIPTS/machine.py" diff "$BENCH_WORK/cpu-start.json" "$BENCH_WORK/cpu-end.json" "$$" "${pids[@]}")"
  local busy="{}" i
  for ((i = 0; i < ${#BENCH_BUSY[@]}; i += 2)); do
    busy="$(jq -c --arg k "${BENCH_BUSY[i]}" --argjson v "${BENCH_BUSY[i + 1]}" '. + {($k): $v}' <<<"$busy")"
  done
  local failed_json="[]"
  ((${#BENCH_FAILED[@]} == 0)) || failed_json="$(printf '%s\n' "${BENCH_FAILED[@]}" | jq -R . | jq -sc 'unique')"
  local meta="$BENCH_WORK/meta.json" mode=""
  ((short)) && mode="short mode (proves the scripts, not a measurement)"
  jq -n --arg date "$(date -u '+%Y-%m-%d %H:%M UTC')" --arg commit "$commit" --arg mode "$mode" \
    --arg cpu_model "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)" --arg nproc "$(nproc)" \
    --arg memory "$(free -g | awk '/^Mem:/ {print $2 " GB"}')" \
    --arg postgres "$(bench_psql enrollment -tA -c 'show server_version')" \
    --arg java "$("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p)" --arg wrk "$(wrk -v 2>&1 | head -n 1 | awk '{print $2}')" \
    --arg load_before "$load_before" --arg load_after "$(cut -d' ' -f1-3 /proc/loadavg)" \
    --argjson cpu "$cpu" --argjson busy "$busy" --argjson rss "$rss" --arg heap "$(bench_heap)" \
    --argjson small "$BENCH_ROWS_SMALL" --argjson large "$BENCH_ROWS_LARGE" --argjson seed "$BENCH_SEED_SECONDS" \
    --argjson failed "$failed_json" --argjson duration "$((SECONDS - began))" \
    --arg method "wrk -t2 -c$BENCH_CONNECTIONS (lists: -c$BENCH_LIST_CONNECTIONS), a $BENCH_WARMUP warm-up of each target (lists $BENCH_LIST_WARMUP), then $BENCH_ROUNDS round(s) of $BENCH_DURATION (lists $BENCH_LIST_DURATION) alternating between the targets; figures are the rounds' range, ratios use their mean. GET and POST as site-staff-fr (token from Keycloak, password grant), each POST a new applicant and Idempotency-Key; lists and search straight to enrollment-service. pgbench: $BENCH_CONNECTIONS clients, one-row insert per transaction. Event effect: POSTs straight to enrollment-service at half the best direct POST rate for $BENCH_EVENT_SECONDS s, from each 201 to cohort-service's known_application row (learned_at); the raw Kafka round trip at the same rate with the services' client settings (bench/KafkaBench.java)." \
    '{date: $date, commit: $commit, mode: $mode, machine: {cpu: $cpu_model, nproc: $nproc, memory: $memory, postgres: $postgres, java: $java, wrk: $wrk},
      load_before: $load_before, load_after: $load_after, cpu: $cpu, busy_by_measure: $busy, rss: $rss, heap: $heap,
      rows_small: $small, rows_large: $large, seed_seconds: $seed, failed: $failed, duration_s: $duration, method: $method}' >"$meta"
  local table="$BENCH_WORK/table.md"
  python3 "$BENCH_SCRIPTS/report.py" "$BENCH_RESULTS" "$meta" >"$table" || die "could not write the results table"
  echo
  cat "$table"
  if ((short)); then
    ok "short bench: the table is in $table (docs/benchmarks.md is only written by the full run)"
  else
    bench_insert_table "$table"
    ok "results inserted at the top of docs/benchmarks.md (raw figures: $BENCH_RESULTS)"
  fi
  ((${#BENCH_FAILED[@]} == 0)) || die "measures failed: ${BENCH_FAILED[*]}"
  ok "bench finished in $((SECONDS - began)) s"
}

# Inserts the table below the fixed header of docs/benchmarks.md, newest first.
bench_insert_table() {
  local doc="$PASSERELLE_ROOT/docs/benchmarks.md"
  grep -qF "$BENCH_HEADER_MARK" "$doc" || die "docs/benchmarks.md lacks its marker line: $BENCH_HEADER_MARK"
  python3 - "$doc" "$1" "$BENCH_HEADER_MARK" <<'PY'
import sys
doc, table, mark = sys.argv[1:4]
text = open(doc, encoding="utf-8").read()
head, tail = text.split(mark, 1)
new = open(table, encoding="utf-8").read().strip()
open(doc, "w", encoding="utf-8").write(head + mark + "\n\n" + new + "\n" + tail)
PY
}
