# shellcheck shell=bash
# The Quarkus applications (four services and the gateway), run from their
# quarkus-app jars. Sourced by ./passerelle after lib.sh and keycloak.sh.

: "${PASSERELLE_APP_TIMEOUT:=120}"
: "${PASSERELLE_APP_HEAP:=256m}"
# More JVM options for every application (e.g. a GC choice), split on spaces.
: "${PASSERELLE_APP_JAVA_OPTS:=}"
DEMO_SITES=(FR-SEVRAN FR-CERGY MA-FES MA-CASABLANCA)
# The partner organisations of the demo users partner-fr and partner-ma, under the partner_id
# their tokens carry (deploy/keycloak/passerelle-realm.json):
# id|country|name|roles (comma-separated)|legal identifier (SIRET, ICE)|sector|sites served.
DEMO_PARTNERS=(
  "11111111-1111-4111-8111-111111111111|FR|Atelier Numérique Solidaire|EMPLOYER,DONOR,FUNDER|73282932000074|Numérique|FR-SEVRAN,FR-CERGY"
  "22222222-2222-4222-8222-222222222222|MA|Maroc Digital Emploi|EMPLOYER,TRAINING_PARTNER|001525487000088|Services numériques|MA-FES,MA-CASABLANCA"
)
DEMO_COHORT_ID="" # the FR-SEVRAN demo cohort, for the example printed by `up`

app_module() {
  case "$1" in
    enrollment | cohort | partnership | placement) echo "$1-service" ;;
    gateway) echo gateway ;;
    *) die "unknown application '$1'" ;;
  esac
}

app_port_var() { echo "PASSERELLE_$(tr '[:lower:]' '[:upper:]' <<<"$1")_PORT"; }
app_port() {
  local v
  v="$(app_port_var "$1")"
  echo "${!v}"
}
app_jar_rel() { echo "$(app_module "$1")/target/quarkus-app/quarkus-run.jar"; }
app_jar() { echo "$PASSERELLE_ROOT/$(app_jar_rel "$1")"; }
app_health_url() { echo "http://127.0.0.1:$(app_port "$1")/q/health/ready"; }

enrollment_marker() { app_jar_rel enrollment; }
cohort_marker() { app_jar_rel cohort; }
partnership_marker() { app_jar_rel partnership; }
placement_marker() { app_jar_rel placement; }
gateway_marker() { app_jar_rel gateway; }

# Builds the applications when a jar is missing, or when a source file or a pom.xml
# is newer than the oldest jar.
apps_build_if_needed() {
  local part jar oldest="" reason="" newer
  for part in "${APP_PARTS[@]}"; do
    jar="$(app_jar "$part")"
    if [[ ! -f "$jar" ]]; then
      reason="$(app_jar_rel "$part") is missing"
      break
    fi
    if [[ -z "$oldest" || "$jar" -ot "$oldest" ]]; then oldest="$jar"; fi
  done
  # A successful build that left a jar unchanged must not make every `up` rebuild:
  # compare with the last successful build too.
  local stamp="$RUN_DIR/build.stamp" ref="$oldest"
  if [[ -n "$oldest" && -f "$stamp" && "$stamp" -nt "$oldest" ]]; then ref="$stamp"; fi
  if [[ -z "$reason" ]]; then
    newer="$(find . -path ./.local -prune -o -path ./deploy -prune -o -path '*/node_modules' -prune -o -path '*/target' -prune -o \
      \( -name pom.xml -o -path './*/src/*' \) -type f -newer "$ref" -print 2>/dev/null | head -n 1 || true)"
    [[ -n "$newer" ]] && reason="${newer#./} is newer than the jars"
  fi
  if [[ -z "$reason" ]]; then
    ok "application jars are up to date"
    return 0
  fi
  # The gateway's build bundles its impact page with npm (from npm's cache when offline).
  require_cmd node npm
  info "building the applications ($reason): ./mvnw -B -q package -DskipTests"
  local start=$SECONDS
  mvnw -B -q package -DskipTests || die "the build failed (./mvnw -B -q package -DskipTests)"
  for part in "${APP_PARTS[@]}"; do
    [[ -f "$(app_jar "$part")" ]] || die "the build did not produce $(app_jar_rel "$part")"
  done
  touch "$stamp"
  ok "applications built in $((SECONDS - start)) s"
}

# A second copy of the applications (./passerelle bench, ./passerelle soak) beside an `up` stack:
# its ports from PASSERELLE_<COPY>_<PART>_PORT and PASSERELLE_<COPY>_GATEWAY_MANAGEMENT_PORT, its
# own databases and consumer groups (instance $1), and the gateway's rate limits out of the way.
apps_second_copy() { # instance COPY
  local instance="$1" copy="$2" part var class
  for part in "${APP_PARTS[@]}"; do
    var="PASSERELLE_${copy}_$(tr '[:lower:]' '[:upper:]' <<<"$part")_PORT"
    export "$(app_port_var "$part")=${!var}"
  done
  var="PASSERELLE_${copy}_GATEWAY_MANAGEMENT_PORT"
  export PASSERELLE_GATEWAY_MANAGEMENT_PORT="${!var}"
  export PASSERELLE_APP_INSTANCE="$instance"
  for class in FRONT_END INTEGRATION ANONYMOUS; do
    export "PASSERELLE_RATE_LIMIT_$class=100000000" "PASSERELLE_RATE_BURST_$class=10000000"
  done
}

# Environment of every application (the contract with the Java modules).
app_env() { # part -> NAME=value lines
  local part="$1"
  printf '%s\n' \
    "QUARKUS_HTTP_PORT=$(app_port "$part")" \
    "QUARKUS_HTTP_HOST=127.0.0.1" \
    "PASSERELLE_DB_HOST=127.0.0.1" \
    "PASSERELLE_DB_PORT=$PASSERELLE_DB_PORT" \
    "PASSERELLE_DB_PASSWORD=$PASSERELLE_DB_PASSWORD" \
    "PASSERELLE_KAFKA_BOOTSTRAP=127.0.0.1:$PASSERELLE_KAFKA_PORT" \
    "PASSERELLE_OIDC_URL=http://127.0.0.1:$PASSERELLE_KEYCLOAK_PORT/realms/passerelle"
  if [[ "$part" != gateway ]]; then
    # Services build Location headers from the gateway's public address, never from Host.
    printf '%s\n' "PASSERELLE_PUBLIC_BASE_URL=http://127.0.0.1:$PASSERELLE_GATEWAY_PORT"
    # A second copy of the stack (./passerelle bench) keeps to its own databases and consumer
    # groups: passerelle_<service>_<instance>, <service>-<instance>.
    if [[ -n "${PASSERELLE_APP_INSTANCE:-}" ]]; then
      printf '%s\n' "PASSERELLE_DB_NAME=passerelle_${part}_$PASSERELLE_APP_INSTANCE" \
        "PASSERELLE_EVENTS_CONSUMER_GROUP=$part-$PASSERELLE_APP_INSTANCE"
    fi
  fi
  if [[ "$part" == gateway ]]; then
    printf '%s\n' \
      "PASSERELLE_ENROLLMENT_URL=http://127.0.0.1:$PASSERELLE_ENROLLMENT_PORT" \
      "PASSERELLE_COHORT_URL=http://127.0.0.1:$PASSERELLE_COHORT_PORT" \
      "PASSERELLE_PARTNERSHIP_URL=http://127.0.0.1:$PASSERELLE_PARTNERSHIP_PORT" \
      "PASSERELLE_PLACEMENT_URL=http://127.0.0.1:$PASSERELLE_PLACEMENT_PORT" \
      "PASSERELLE_GATEWAY_MANAGEMENT_PORT=$PASSERELLE_GATEWAY_MANAGEMENT_PORT"
  fi
}

# Starts application $1 without waiting. A running instance whose jar was rebuilt
# since it started is restarted.
app_launch() {
  local part="$1" pid jar port var
  jar="$(app_jar "$part")"
  if pid="$(part_pid "$part")"; then
    if [[ "$jar" -nt "$(pid_file "$part")" ]]; then
      info "$part: the jar was rebuilt since it started: restarting it"
      stop_part_process "$part" 30
    else
      ok "$part already running (pid $pid)"
      return 0
    fi
  fi
  [[ -f "$jar" ]] || die "$(app_jar_rel "$part") does not exist: build it first (./mvnw -B package -DskipTests)"
  port="$(app_port "$part")"
  var="$(app_port_var "$part")"
  ensure_port_free "$port" "$var" "$part"
  if [[ "$part" == gateway ]]; then
    ensure_port_free "$PASSERELLE_GATEWAY_MANAGEMENT_PORT" PASSERELLE_GATEWAY_MANAGEMENT_PORT gateway
  fi
  local -a envs
  mapfile -t envs < <(app_env "$part")
  info "starting $part on http://127.0.0.1:$port"
  # cwd is the repository root (./passerelle cds there).
  local -a java_opts
  read -r -a java_opts <<<"$PASSERELLE_APP_JAVA_OPTS"
  start_bg "$part" env "${envs[@]}" \
    "$JAVA_HOME/bin/java" "-Xmx$PASSERELLE_APP_HEAP" "${java_opts[@]}" -jar "$(app_jar_rel "$part")"
}

app_wait() {
  local part="$1" start=$SECONDS pid
  pid="$(part_pid "$part")" || {
    show_log_tail "$part" 40
    die "$part exited while starting (log: $(log_file "$part"))"
  }
  wait_http "$part" "$(app_health_url "$part")" "$PASSERELLE_APP_TIMEOUT"
  ok "$part ready on http://127.0.0.1:$(app_port "$part") (pid $pid, $((SECONDS - start)) s)"
}

app_start() {
  app_launch "$1"
  app_wait "$1"
}

app_stop() { stop_part_process "$1" 30; }

app_status() {
  local part="$1" pid code
  if pid="$(part_pid "$part")"; then
    code="$(http_code "$(app_health_url "$part")")"
    if [[ "$code" == 200 ]]; then echo "up $pid ready"; else echo "up $pid not-ready($code)"; fi
  else
    echo "down - -"
  fi
}

# Starts the four services (in order, without waiting in between), waits for them,
# then starts the gateway last and waits for it.
apps_start_all() {
  local part
  for part in enrollment cohort partnership placement; do app_launch "$part"; done
  for part in enrollment cohort partnership placement; do app_wait "$part"; done
  app_start gateway
}

# A comma-separated list as a JSON array of strings: a,b -> ["a","b"].
json_string_array() {
  local IFS=,
  local -a items
  read -r -a items <<<"$1"
  local out="" item
  for item in "${items[@]}"; do out+="${out:+,}\"$item\""; done
  printf '[%s]' "$out"
}

# Registers the demo partner organisations under their fixed ids (PUT: idempotent) with their
# roles, legal identifiers, sector and sites (a partner registered before they existed is brought
# up to date by a PATCH against its ETag), and
# creates one demo cohort per site (idempotent thanks to the Idempotency-Key header), through
# the gateway.
demo_data() {
  local gw token site body code resp id entry country name roles number sector sites etag
  gw="http://127.0.0.1:$PASSERELLE_GATEWAY_PORT"
  info "loading demo data through the gateway"
  token="$(keycloak_user_token platform-admin)" || true
  if [[ -z "$token" ]]; then
    warn "could not get a token for platform-admin from Keycloak: demo data not loaded"
    return 0
  fi
  resp="$(mktemp)"
  for entry in "${DEMO_PARTNERS[@]}"; do
    IFS='|' read -r id country name roles number sector sites <<<"$entry"
    grep -q "\"$id\"" "$KC_REALM_FILE" ||
      warn "demo partner $id is not a partner_id of $KC_REALM_FILE: its users will not reach it"
    body="{\"name\":\"$name\",\"kind\":\"EMPLOYER\",\"country\":\"$country\",\"roles\":$(json_string_array "$roles"),\"registrationNumber\":\"$number\",\"sector\":\"$sector\",\"sites\":$(json_string_array "$sites")}"
    code="$(curl -sS --max-time 30 -o "$resp" -w '%{http_code}' -X PUT "$gw/api/v1/partners/$id" \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -H 'Accept: application/json' \
      -H "X-Passerelle-Country: $country" --data "$body" 2>/dev/null)" || code=000
    if [[ "$code" == 409 ]]; then
      # registered by an earlier `up` without these details: change it against the version read
      etag="$(curl -sS --max-time 30 -o /dev/null -D - "$gw/api/v1/partners/$id" \
        -H "Authorization: Bearer $token" -H 'Accept: application/json' 2>/dev/null |
        tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: *//p')" || etag=""
      body="{\"roles\":$(json_string_array "$roles"),\"registrationNumber\":\"$number\",\"sector\":\"$sector\",\"sites\":$(json_string_array "$sites")}"
      code="$(curl -sS --max-time 30 -o "$resp" -w '%{http_code}' -X PATCH "$gw/api/v1/partners/$id" \
        -H "Authorization: Bearer $token" -H 'Content-Type: application/merge-patch+json' \
        -H 'Accept: application/json' -H "If-Match: $etag" --data "$body" 2>/dev/null)" || code=000
    fi
    if [[ "$code" == 2?? ]]; then
      ok "partner organisation $name ($country): $id (HTTP $code)"
    else
      warn "registering the demo partner $id answered HTTP $code: $(head -c 600 "$resp" 2>/dev/null)"
    fi
  done
  for site in "${DEMO_SITES[@]}"; do
    body="{\"programmeCode\":\"WEB-DEV\",\"siteCode\":\"$site\",\"startDate\":\"2027-09-13\",\"endDate\":\"2028-03-10\",\"capacity\":20}"
    code="$(curl -sS --max-time 30 -o "$resp" -w '%{http_code}' -X POST "$gw/api/v1/cohorts" \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -H 'Accept: application/json' \
      -H "Idempotency-Key: demo-cohort-2027-09-$site" --data "$body" 2>/dev/null)" || code=000
    if [[ "$code" == 2?? ]]; then
      id="$(json_string_field id <"$resp" 2>/dev/null || true)"
      ok "cohort WEB-DEV at $site: ${id:-<no id in the answer>} (HTTP $code)"
      [[ "$site" == FR-SEVRAN && -n "$id" ]] && DEMO_COHORT_ID="$id"
    else
      warn "creating the demo cohort at $site answered HTTP $code: $(head -c 600 "$resp" 2>/dev/null)"
    fi
  done
  rm -f "$resp"
}

print_summary() {
  local gw kc
  gw="http://127.0.0.1:$PASSERELLE_GATEWAY_PORT"
  kc="http://127.0.0.1:$PASSERELLE_KEYCLOAK_PORT"
  cat <<EOF

Passerelle is running.

  Gateway      $gw
  Swagger UI   $gw/q/swagger-ui
  Impact       $gw/impact/   (the indicators as charts; sign in as a staff user)
  Metrics      http://127.0.0.1:$PASSERELLE_GATEWAY_MANAGEMENT_PORT/q/metrics   (gateway, by route; services: /q/metrics on their ports)
  Keycloak     $kc   (realm passerelle: $kc/realms/passerelle)
  Admin console $kc/admin   (user $PASSERELLE_KEYCLOAK_ADMIN / password $PASSERELLE_KEYCLOAK_ADMIN_PASSWORD,
               $(keycloak_admin_password_source))
  Services     enrollment :$PASSERELLE_ENROLLMENT_PORT  cohort :$PASSERELLE_COHORT_PORT  partnership :$PASSERELLE_PARTNERSHIP_PORT  placement :$PASSERELLE_PLACEMENT_PORT
  Logs         .local/logs/<part>.log   (./passerelle logs <part>)

Demo users (password: passerelle; client passerelle-web):
  platform-admin      platform-admin
  country-admin-fr    country-admin   country FR
  country-admin-ma    country-admin   country MA
  site-staff-fr       site-staff      country FR, sites [FR-SEVRAN]
  site-staff-ma       site-staff      country MA, sites [MA-FES]
  partner-fr          partner         country FR, partner_id 11111111-1111-4111-8111-111111111111 (Atelier Numérique Solidaire)
  partner-ma          partner         country MA, partner_id 22222222-2222-4222-8222-222222222222 (Maroc Digital Emploi)
  learner-fr          learner         country FR (sub aaaaaaaa-0000-4000-8000-000000000001)
  learner-ma          learner         country MA (sub aaaaaaaa-0000-4000-8000-000000000002)
Integration clients (client credentials; demo-only secrets):
  integration-fr / integration-fr-secret   role integration, country FR
  integration-ma / integration-ma-secret   role integration, country MA

Try it:
  TOKEN=\$(curl -s -d grant_type=password -d client_id=passerelle-web \\
      -d username=site-staff-fr -d password=passerelle \\
      $kc/realms/passerelle/protocol/openid-connect/token | jq -r .access_token)
  curl -s -H "Authorization: Bearer \$TOKEN" $gw/api/v1/sites
  curl -s -H "Authorization: Bearer \$TOKEN" $gw/api/v1/cohorts/${DEMO_COHORT_ID:-<cohort id>}

  # a regional office system (client credentials):
  TOKEN=\$(curl -s -d grant_type=client_credentials -u integration-fr:integration-fr-secret \\
      $kc/realms/passerelle/protocol/openid-connect/token | jq -r .access_token)
  curl -s -H "Authorization: Bearer \$TOKEN" $gw/api/v1/sites
EOF
}

# Conventions (issue 15): a signed convention of partner-fr's organisation covering FR-SEVRAN,
# with a hiring and a mentoring-hours commitment, through the gateway. Idempotent: creations carry
# an Idempotency-Key, and signing a convention signed already answers 409, which is fine here.
demo_conventions() {
  local gw token resp code convention partner="11111111-1111-4111-8111-111111111111"
  gw="http://127.0.0.1:$PASSERELLE_GATEWAY_PORT"
  token="$(keycloak_user_token platform-admin)" || true
  [[ -n "$token" ]] || return 0
  resp="$(mktemp)"
  demo_post() { # path idempotency-key body
    curl -sS --max-time 30 -o "$resp" -w '%{http_code}' -X POST "$gw$1" \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -H 'Accept: application/json' ${2:+-H "Idempotency-Key: $2"} --data "$3" 2>/dev/null || echo 000
  }
  code="$(demo_post /api/v1/conventions demo-convention-fr-2026 \
    "{\"partnerId\":\"$partner\",\"country\":\"FR\",\"sites\":[\"FR-SEVRAN\"],\"programmes\":[\"WEB-DEV\"],\"signatories\":[\"Direction, Atelier Numérique Solidaire\"],\"documentReference\":\"CONV-FR-2026-01\",\"startsOn\":\"2026-09-01\",\"endsOn\":\"2028-08-31\"}")"
  convention="$(json_string_field id <"$resp" 2>/dev/null || true)"
  if [[ "$code" == 422 ]] && grep -q 'idempotency-key-reused' "$resp"; then
    # an earlier up, before the convention's request gained fields, created it under this key
    ok "convention of partner-fr's organisation at FR-SEVRAN: already loaded"
    rm -f "$resp"
    return 0
  elif [[ "$code" != 2?? || -z "$convention" ]]; then
    warn "creating the demo convention answered HTTP $code: $(head -c 600 "$resp" 2>/dev/null)"
    rm -f "$resp"
    return 0
  fi
  code="$(demo_post "/api/v1/conventions/$convention/sign" "" '{"signedOn":"2026-09-01"}')"
  [[ "$code" == 200 || "$code" == 409 ]] ||
    warn "signing the demo convention answered HTTP $code: $(head -c 600 "$resp" 2>/dev/null)"
  code="$(demo_post /api/v1/commitments demo-commitment-fr-hires \
    "{\"conventionId\":\"$convention\",\"kind\":\"HIRES\",\"target\":5,\"dueOn\":\"2028-06-30\"}")"
  [[ "$code" == 2?? ]] || warn "adding the demo hiring commitment answered HTTP $code"
  code="$(demo_post /api/v1/commitments demo-commitment-fr-mentoring \
    "{\"conventionId\":\"$convention\",\"kind\":\"MENTORING_HOURS\",\"target\":120,\"dueOn\":\"2028-06-30\"}")"
  [[ "$code" == 2?? ]] || warn "adding the demo mentoring commitment answered HTTP $code"
  ok "convention of partner-fr's organisation at FR-SEVRAN, signed, with 2 commitments: $convention"
  rm -f "$resp"
}

# devices (issue 15): a few computers Atelier Numérique Solidaire gave to FR-SEVRAN, one of them
# wiped, ready and lent to a (pseudonymous) learner. The donation's Idempotency-Key makes a second
# `up` a replay; once the key has expired, its serial numbers are taken (409): already loaded.
DEMO_DONATION_SITE=FR-SEVRAN
DEMO_LOAN_LEARNER=33333333-3333-4333-8333-333333333333

demo_devices() {
  local gw token resp headers code donation device step body
  local -a data
  gw="http://127.0.0.1:$PASSERELLE_GATEWAY_PORT"
  token="$(keycloak_user_token platform-admin)" || true
  [[ -n "$token" ]] || return 0
  resp="$(mktemp)"
  headers="$(mktemp)"
  donation="{\"donorId\":\"11111111-1111-4111-8111-111111111111\",\"site\":\"$DEMO_DONATION_SITE\",\"donatedOn\":\"2026-11-02\",\"declaredValue\":{\"amount\":1350.00,\"currency\":\"EUR\"},\"items\":[{\"serialNumber\":\"DEMO-FR-0001\",\"model\":\"Lenovo ThinkPad T480\",\"specification\":\"i5-8350U, 16 GB, 256 GB SSD\"},{\"serialNumber\":\"DEMO-FR-0002\",\"model\":\"Lenovo ThinkPad T480\",\"specification\":\"i5-8350U, 8 GB, 256 GB SSD\"},{\"serialNumber\":\"DEMO-FR-0003\",\"model\":\"Dell Latitude 5490\",\"specification\":\"i5-8250U, 8 GB, 512 GB SSD\"}]}"
  code="$(curl -sS --max-time 30 -o "$resp" -D "$headers" -w '%{http_code}' -X POST "$gw/api/v1/donations" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -H "Idempotency-Key: demo-donation-$DEMO_DONATION_SITE" --data "$donation" 2>/dev/null)" || code=000
  if [[ "$code" == 409 ]] || { [[ "$code" == 201 ]] && grep -qi '^idempotent-replayed: *true' "$headers"; }; then
    ok "donated computers at $DEMO_DONATION_SITE: already loaded"
  elif [[ "$code" == 201 ]]; then
    # the donation's id comes first, then its devices' ids
    device="$(grep -o '"id" *: *"[^"]*"' "$resp" | sed -n 2p | sed 's/.*: *"\(.*\)"/\1/')"
    for step in wipe ready loan; do
      case "$step" in
        wipe) body='{"certificateReference":"WIPE-DEMO-0001","wipedBy":"Atelier de reconditionnement"}' ;;
        ready) body='' ;;
        loan) body="{\"learnerId\":\"$DEMO_LOAN_LEARNER\",\"expectedReturn\":\"2027-06-30\",\"acceptedOn\":\"2026-11-05\",\"acceptanceReference\":\"PRET-DEMO-0001\"}" ;;
      esac
      data=()
      [[ -z "$body" ]] || data=(-H 'Content-Type: application/json' --data "$body")
      code="$(curl -sS --max-time 30 -o "$resp" -w '%{http_code}' -X POST "$gw/api/v1/devices/$device/$step" \
        -H "Authorization: Bearer $token" -H 'Accept: application/json' "${data[@]}" 2>/dev/null)" || code=000
      [[ "$code" == 200 ]] || { warn "demo computer $device: $step answered HTTP $code: $(head -c 600 "$resp" 2>/dev/null)"; break; }
    done
    ok "3 donated computers at $DEMO_DONATION_SITE, one lent: $device"
  else
    warn "recording the demo donation answered HTTP $code: $(head -c 600 "$resp" 2>/dev/null)"
  fi
  rm -f "$resp" "$headers"
}

# Placements and follow-ups (issue 16, pl-outcomes): at FR-SEVRAN and MA-FES a demo cohort of two
# learners (who consented to follow-up contact) started today; one is certified, so cohort-service's
# learner-completed schedules their follow-ups at the country's offsets (FR +3/+6/+12 months, MA
# +9/+12), the other leaves for a job and their placement to confirm is confirmed as a CDI with
# the country's demo partner; the graduate's job is recorded too. Idempotent: the cohort carries an
# Idempotency-Key, and a replayed cohort means everything was loaded by an earlier `up`.
demo_placements() {
  local gw token resp headers code site country partner cohort etag start today i app
  local placement email
  local -a learners
  gw="http://127.0.0.1:$PASSERELLE_GATEWAY_PORT"
  token="$(keycloak_user_token platform-admin)" || true
  [[ -n "$token" ]] || return 0
  resp="$(mktemp)"
  headers="$(mktemp)"
  demo_call() { # method path idempotency-key body [if-match]
    local -a extra=()
    [[ -z "$3" ]] || extra+=(-H "Idempotency-Key: $3")
    [[ -z "${5:-}" ]] || extra+=(-H "If-Match: $5")
    [[ -z "$4" ]] || extra+=(-H 'Content-Type: application/json' --data "$4")
    curl -sS --max-time 30 -o "$resp" -D "$headers" -w '%{http_code}' -X "$1" "$gw$2" \
      -H "Authorization: Bearer $token" -H 'Accept: application/json' "${extra[@]}" 2>/dev/null || echo 000
  }
  demo_await() { # path jq-free pattern the answer must contain
    for _ in $(seq 1 60); do
      [[ "$(demo_call GET "$1" "" "")" == 200 ]] && grep -q "$2" "$resp" && return 0
      sleep 1
    done
    return 1
  }
  for site in FR-SEVRAN MA-FES; do
    country="${site%%-*}"
    if [[ "$country" == FR ]]; then
      partner=11111111-1111-4111-8111-111111111111
      today="$(TZ=Europe/Paris date +%F)"
    else
      partner=22222222-2222-4222-8222-222222222222
      today="$(TZ=Africa/Casablanca date +%F)"
    fi
    start="$(date -u -d '+2 months' +%F)"
    code="$(demo_call POST /api/v1/cohorts "demo-outcomes-cohort-$site" \
      "{\"programmeCode\":\"WEB-DEV\",\"siteCode\":\"$site\",\"startDate\":\"$start\",\"endDate\":\"$(date -u -d '+8 months' +%F)\",\"capacity\":2}")"
    cohort="$(json_string_field id <"$resp" 2>/dev/null || true)"
    if [[ "$code" == 201 ]] && grep -qi '^idempotent-replayed: *true' "$headers"; then
      ok "placements and follow-ups at $site: already loaded"
      continue
    elif [[ "$code" != 201 || -z "$cohort" ]]; then
      warn "creating the outcomes demo cohort at $site answered HTTP $code: $(head -c 600 "$resp" 2>/dev/null)"
      continue
    fi
    demo_await "/api/v1/intakes/$cohort" "$cohort" ||
      { warn "the outcomes demo cohort's intake at $site never appeared"; continue; }
    for i in 1 2; do
      email="demo.outcomes.${site,,}.$i.$cohort@example.org"
      code="$(demo_call POST /api/v1/applications "demo-outcomes-app-$cohort-$i" \
        "{\"intakeId\":\"$cohort\",\"applicant\":{\"firstName\":\"Inès\",\"lastName\":\"Demo$i\",\"birthDate\":\"1999-04-1$i\",\"email\":\"$email\",\"phone\":\"$([[ "$country" == FR ]] && echo +33612345678 || echo +212612345678)\",\"address\":{\"line\":\"1 rue de l'École\",\"postalCode\":\"$([[ "$country" == FR ]] && echo 93270 || echo 30000)\",\"city\":\"$([[ "$country" == FR ]] && echo Sevran || echo Fès)\",\"country\":\"$country\"},\"nationality\":\"$country\",\"gender\":\"FEMALE\",\"educationLevel\":\"BAC\",\"priorityPublics\":[]},\"consents\":[{\"purpose\":\"APPLICATION_PROCESSING\",\"granted\":true},{\"purpose\":\"FOLLOW_UP_CONTACT\",\"granted\":true}]}")"
      app="$(json_string_field id <"$resp" 2>/dev/null || true)"
      [[ "$code" == 201 && -n "$app" ]] ||
        { warn "a demo application at $site answered HTTP $code: $(head -c 600 "$resp" 2>/dev/null)"; continue 2; }
      demo_call POST "/api/v1/applications/$app/screen" "" '{"testScore":75}' >/dev/null
      demo_call POST "/api/v1/applications/$app/accept" "" "" >/dev/null
      demo_await "/api/v1/applications/$app" '"ENROLLED"' ||
        { warn "demo application $app at $site was never enrolled"; continue 2; }
    done
    demo_call POST "/api/v1/cohorts/$cohort/open-recruitment" "" "" >/dev/null
    etag="$(grep -i '^etag:' "$headers" | sed 's/^[^:]*: *//' | tr -d '\r')"
    code="$(demo_call PATCH "/api/v1/cohorts/$cohort" "" \
      "{\"startDate\":\"$today\",\"recruitmentOpensOn\":\"$(date -u -d "$today -2 days" +%F)\",\"recruitmentClosesOn\":\"$(date -u -d "$today -1 day" +%F)\"}" "$etag")"
    [[ "$code" == 200 ]] || { warn "moving the outcomes demo cohort at $site answered HTTP $code"; continue; }
    code="$(demo_call POST "/api/v1/cohorts/$cohort/start" "" "")"
    [[ "$code" == 200 ]] || { warn "starting the outcomes demo cohort at $site answered HTTP $code"; continue; }
    demo_call GET "/api/v1/cohorts/$cohort/learners" "" "" >/dev/null
    mapfile -t learners < <(grep -o '"learnerId" *: *"[^"]*"' "$resp" | sed 's/.*: *"\(.*\)"/\1/')
    [[ "${#learners[@]}" -ge 2 ]] || { warn "the outcomes demo cohort at $site has no learners"; continue; }
    code="$(demo_call POST "/api/v1/cohorts/$cohort/certification-results" "" \
      "{\"learnerId\":\"${learners[0]}\",\"outcome\":\"CERTIFIED\",\"certifiedOn\":\"$today\",\"juryReference\":\"JURY-DEMO-$site\"}")"
    [[ "$code" == 201 ]] || warn "certifying the demo graduate at $site answered HTTP $code"
    code="$(demo_call POST "/api/v1/cohorts/$cohort/learners/${learners[1]}/withdraw" "" '{"exitReason":"FOUND_JOB"}')"
    [[ "$code" == 200 ]] || warn "the demo leaver's exit at $site answered HTTP $code"
    if demo_await "/api/v1/placements?status=TO_CONFIRM&learnerId=${learners[1]}" '"TO_CONFIRM"'; then
      # a page lists its items first: the first id is the placement's
      placement="$(grep -o '"id" *: *"[^"]*"' "$resp" | head -n 1 | sed 's/.*: *"\(.*\)"/\1/')"
      code="$(demo_call POST "/api/v1/placements/$placement/confirm" "" \
        "{\"situation\":\"EMPLOYED\",\"employerPartnerId\":\"$partner\",\"contractType\":\"CDI\",\"workingTime\":\"FULL_TIME\",\"matchesTraining\":true,\"evidenceKind\":\"EMPLOYER_STATEMENT\"}")"
      [[ "$code" == 200 ]] || warn "confirming the demo leaver's job at $site answered HTTP $code"
    else
      warn "placement-service never had the demo leaver's placement to confirm at $site"
    fi
    code="$(demo_call POST /api/v1/placements "demo-outcomes-placement-$cohort" \
      "{\"learnerId\":\"${learners[0]}\",\"source\":\"EMPLOYER\",\"situation\":\"WORK_STUDY\",\"employerPartnerId\":\"$partner\",\"contractType\":\"APPRENTICESHIP\",\"durationMonths\":24,\"startDate\":\"$today\",\"workingTime\":\"FULL_TIME\",\"matchesTraining\":true,\"evidenceKind\":\"CONTRACT\"}")"
    [[ "$code" == 201 ]] || warn "recording the demo graduate's apprenticeship at $site answered HTTP $code"
    ok "outcomes at $site: cohort $cohort, a graduate followed up at the country's offsets and in work-study, a leaver in a CDI"
  done
  rm -f "$resp" "$headers"
}

# Job offers and candidacies (issue 16, pl-offers): a published CDI of partner-fr's organisation
# at FR-SEVRAN, a draft partner-fr posted that waits for staff's moderation, a published
# apprenticeship of partner-ma's at MA-FES; learner-fr applies to the first one and the site's
# staff move the candidacy to INTERVIEWING once placement-service knows learner-fr's account.
# Idempotent: creations carry an Idempotency-Key; a candidacy there already answers 409.
demo_offers() {
  local gw admin partner learner resp code offer candidacy
  gw="http://127.0.0.1:$PASSERELLE_GATEWAY_PORT"
  admin="$(keycloak_user_token platform-admin)" || true
  partner="$(keycloak_user_token partner-fr)" || true
  learner="$(keycloak_user_token learner-fr)" || true
  [[ -n "$admin" && -n "$partner" ]] || return 0
  resp="$(mktemp)"
  offer_post() { # token path idempotency-key body
    curl -sS --max-time 30 -o "$resp" -w '%{http_code}' -X POST "$gw$2" \
      -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
      -H 'Accept: application/json' ${3:+-H "Idempotency-Key: $3"} --data "$4" 2>/dev/null || echo 000
  }
  code="$(offer_post "$admin" /api/v1/job-offers demo-offer-fr-cdi \
    '{"partnerId":"11111111-1111-4111-8111-111111111111","employerName":"Atelier Numérique Solidaire","title":"Développeur·se web junior","description":"Applications web pour des associations, en équipe de six.","skills":["JavaScript","SQL","Git"],"contractType":"CDI","remoteMode":"HYBRID","siteCode":"FR-SEVRAN","city":"Sevran","programmes":["WEB-DEV"],"salary":{"min":26000,"max":30000,"currency":"EUR","period":"YEAR"},"openings":2}')"
  offer="$(json_string_field id <"$resp" 2>/dev/null || true)"
  if [[ "$code" != 2?? || -z "$offer" ]]; then
    warn "publishing the demo job offer answered HTTP $code: $(head -c 600 "$resp" 2>/dev/null)"
    rm -f "$resp"
    return 0
  fi
  code="$(offer_post "$partner" /api/v1/job-offers demo-offer-fr-partner-draft \
    '{"partnerId":"11111111-1111-4111-8111-111111111111","employerName":"Atelier Numérique Solidaire","title":"Technicien·ne support en alternance","contractType":"APPRENTICESHIP","remoteMode":"ON_SITE","siteCode":"FR-SEVRAN","city":"Sevran","openings":1}')"
  [[ "$code" == 2?? ]] || warn "posting partner-fr's demo offer answered HTTP $code: $(head -c 600 "$resp" 2>/dev/null)"
  code="$(offer_post "$admin" /api/v1/job-offers demo-offer-ma-apprenticeship \
    '{"partnerId":"22222222-2222-4222-8222-222222222222","employerName":"Maroc Digital Emploi","title":"Développeuse data en apprentissage","contractType":"APPRENTICESHIP","remoteMode":"ON_SITE","siteCode":"MA-FES","city":"Fès","salary":{"min":3500,"currency":"MAD","period":"MONTH"},"openings":1}')"
  [[ "$code" == 2?? ]] || warn "publishing the Moroccan demo offer answered HTTP $code: $(head -c 600 "$resp" 2>/dev/null)"
  ok "job offers: a published CDI at FR-SEVRAN ($offer), partner-fr's draft waiting for moderation, an apprenticeship at MA-FES"
  if [[ -n "$learner" ]]; then
    code="$(offer_post "$learner" /api/v1/candidacies demo-candidacy-learner-fr "{\"jobOfferId\":\"$offer\"}")"
    candidacy="$(json_string_field id <"$resp" 2>/dev/null || true)"
    if [[ "$code" == 201 && -n "$candidacy" ]]; then
      code="$(offer_post "$admin" "/api/v1/candidacies/$candidacy/status" "" '{"status":"INTERVIEWING"}')"
      [[ "$code" == 200 || "$code" == 409 ]] || warn "moving the demo candidacy answered HTTP $code"
      ok "learner-fr applied to the CDI, interviewing: $candidacy"
    elif [[ "$code" == 403 ]]; then
      info "learner-fr's account is not linked to a learner in placement-service yet: no demo candidacy"
    elif [[ "$code" != 409 ]]; then
      warn "learner-fr's demo candidacy answered HTTP $code: $(head -c 600 "$resp" 2>/dev/null)"
    fi
  fi
  rm -f "$resp"
}
