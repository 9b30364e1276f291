# shellcheck shell=bash
# Keycloak: the Quarkus distribution from Maven Central, in dev mode with an
# in-memory database; the realm is imported from deploy/keycloak/ at every start.
# Sourced by ./passerelle after lib.sh.

KC_VERSION=26.7.3
KC_HOME="$DIST_DIR/keycloak-$KC_VERSION"
KC_ZIP="$DIST_DIR/keycloak-quarkus-dist-$KC_VERSION.zip"
KC_URL="https://repo.maven.apache.org/maven2/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip"
KC_REALM_FILE="$PASSERELLE_ROOT/deploy/keycloak/passerelle-realm.json"
KC_REALM=passerelle
: "${PASSERELLE_KEYCLOAK_HEAP:=768m}"
# The bootstrap admin's password, generated once per machine (see keycloak_admin_password).
KC_ADMIN_PASSWORD_FILE="$LOCAL_DIR/keycloak-admin-password"
# Whether PASSERELLE_KEYCLOAK_ADMIN_PASSWORD was given by the caller (it then wins everywhere).
KC_ADMIN_PASSWORD_GIVEN=0
[[ -n "$PASSERELLE_KEYCLOAK_ADMIN_PASSWORD" ]] && KC_ADMIN_PASSWORD_GIVEN=1

keycloak_marker() { echo "$KC_HOME"; }

keycloak_url() { echo "http://127.0.0.1:$PASSERELLE_KEYCLOAK_PORT"; }
keycloak_issuer() { echo "$(keycloak_url)/realms/$KC_REALM"; }
keycloak_discovery_url() { echo "$(keycloak_issuer)/.well-known/openid-configuration"; }

keycloak_fetch() {
  [[ -x "$KC_HOME/bin/kc.sh" ]] && return 0
  require_cmd curl unzip sha1sum
  ensure_dirs
  if [[ ! -f "$KC_ZIP" ]]; then
    info "downloading Keycloak $KC_VERSION (~170 MB) from Maven Central"
    local expected actual
    expected="$(curl -fsSL --retry 5 --retry-delay 3 --connect-timeout 20 "$KC_URL.sha1" | cut -c1-40)" ||
      die "could not download $KC_URL.sha1"
    curl -fL --retry 5 --retry-delay 3 --connect-timeout 20 -sS -o "$KC_ZIP.part" "$KC_URL" ||
      die "could not download $KC_URL"
    actual="$(sha1sum "$KC_ZIP.part" | cut -d' ' -f1)"
    if [[ "$actual" != "$expected" ]]; then
      rm -f "$KC_ZIP.part"
      die "checksum mismatch for $KC_URL (sha1 $actual, expected $expected)"
    fi
    mv "$KC_ZIP.part" "$KC_ZIP"
  fi
  info "unpacking Keycloak into $KC_HOME"
  local tmp="$DIST_DIR/.keycloak-unzip"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  unzip -q "$KC_ZIP" -d "$tmp" || die "could not unzip $KC_ZIP (delete it to download again)"
  [[ -x "$tmp/keycloak-$KC_VERSION/bin/kc.sh" ]] || die "unexpected content in $KC_ZIP"
  rm -rf "$KC_HOME"
  mv "$tmp/keycloak-$KC_VERSION" "$KC_HOME"
  rm -rf "$tmp"
}

# The issuer that Keycloak announces; empty if the realm does not answer.
keycloak_announced_issuer() {
  curl -fsS --max-time 5 "$(keycloak_discovery_url)" 2>/dev/null |
    grep -o '"issuer" *: *"[^"]*"' | head -n 1 | sed 's/.*: *"\(.*\)"/\1/'
}

# Sets PASSERELLE_KEYCLOAK_ADMIN_PASSWORD, unless the caller gave it: the content of
# .local/keycloak-admin-password, generated there (mode 600, from /dev/urandom) the first time
# and reused afterwards, so that no two machines share an admin password and none is a constant.
keycloak_admin_password() {
  ((KC_ADMIN_PASSWORD_GIVEN)) && return 0
  if [[ ! -s "$KC_ADMIN_PASSWORD_FILE" ]]; then
    ensure_dirs
    local generated
    generated="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
    [[ ${#generated} -eq 32 ]] || die "could not generate the Keycloak admin password from /dev/urandom"
    (umask 077 && printf '%s\n' "$generated" >"$KC_ADMIN_PASSWORD_FILE.tmp") ||
      die "could not write $KC_ADMIN_PASSWORD_FILE"
    mv -f "$KC_ADMIN_PASSWORD_FILE.tmp" "$KC_ADMIN_PASSWORD_FILE"
    info "generated the Keycloak admin password into $KC_ADMIN_PASSWORD_FILE"
  fi
  chmod 600 "$KC_ADMIN_PASSWORD_FILE" 2>/dev/null || true
  PASSERELLE_KEYCLOAK_ADMIN_PASSWORD="$(head -n 1 "$KC_ADMIN_PASSWORD_FILE")"
  [[ -n "$PASSERELLE_KEYCLOAK_ADMIN_PASSWORD" ]] || die "$KC_ADMIN_PASSWORD_FILE is empty: delete it to generate a new one"
}

# Where the admin password comes from, for people.
keycloak_admin_password_source() {
  if ((KC_ADMIN_PASSWORD_GIVEN)); then
    echo "from PASSERELLE_KEYCLOAK_ADMIN_PASSWORD"
  else
    echo "generated for this machine, kept in ${KC_ADMIN_PASSWORD_FILE#"$PASSERELLE_ROOT"/}"
  fi
}

# Warns when the running Keycloak does not take the admin password this checkout uses (e.g.
# started before the password was generated): the admin console and the tests that use the
# admin API would be refused until it is restarted. Only the master realm is asked.
keycloak_check_admin() {
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 \
    --data-urlencode grant_type=password --data-urlencode client_id=admin-cli \
    --data-urlencode "username=$PASSERELLE_KEYCLOAK_ADMIN" \
    --data-urlencode "password=$PASSERELLE_KEYCLOAK_ADMIN_PASSWORD" \
    "$(keycloak_url)/realms/master/protocol/openid-connect/token" 2>/dev/null)" || code=000
  [[ "$code" == 200 ]] && return 0
  warn "the running keycloak refuses the admin user $PASSERELLE_KEYCLOAK_ADMIN with the password this checkout uses ($(keycloak_admin_password_source); HTTP $code): it was started with another one. Restart it (./passerelle restart keycloak: its in-memory database is then created with this password), or set PASSERELLE_KEYCLOAK_ADMIN_PASSWORD to the one it was started with."
}

keycloak_start() {
  local pid other
  [[ -f "$KC_REALM_FILE" ]] || die "realm file $KC_REALM_FILE is missing"
  if pid="$(part_pid keycloak)"; then
    ok "keycloak already running (pid $pid)"
    keycloak_admin_password
    cmp -s "$KC_REALM_FILE" "$KC_HOME/data/import/passerelle-realm.json" ||
      warn "deploy/keycloak/passerelle-realm.json changed since keycloak started: ./passerelle restart keycloak imports it"
  elif port_in_use "$PASSERELLE_KEYCLOAK_PORT" && adopt_or_share keycloak "$PASSERELLE_KEYCLOAK_PORT"; then
    if [[ -n "$SHARED_PID" ]]; then
      pid="$SHARED_PID"
      other="$SHARED_ROOT/.local/dist/keycloak-$KC_VERSION/data/import/passerelle-realm.json"
      cmp -s "$KC_REALM_FILE" "$other" ||
        die "port $PASSERELLE_KEYCLOAK_PORT is used by the keycloak of another Passerelle checkout ($SHARED_ROOT, pid $pid) whose realm differs from deploy/keycloak/passerelle-realm.json here: stop it ($SHARED_ROOT/passerelle stop keycloak) or choose another port with PASSERELLE_KEYCLOAK_PORT=<port>."
      warn "port $PASSERELLE_KEYCLOAK_PORT is used by the keycloak of another Passerelle checkout ($SHARED_ROOT, pid $pid) with the same realm: sharing it; this checkout will not stop it ($SHARED_ROOT/passerelle stop keycloak does). Set PASSERELLE_KEYCLOAK_PORT for a separate one."
      # Its admin password is the one that checkout generated.
      if ((!KC_ADMIN_PASSWORD_GIVEN)) && [[ -r "$SHARED_ROOT/.local/keycloak-admin-password" ]]; then
        PASSERELLE_KEYCLOAK_ADMIN_PASSWORD="$(head -n 1 "$SHARED_ROOT/.local/keycloak-admin-password")"
      else
        keycloak_admin_password
      fi
    else
      pid="$(part_pid keycloak)"
      keycloak_admin_password
    fi
  else
    keycloak_fetch
    ensure_port_free "$PASSERELLE_KEYCLOAK_PORT" PASSERELLE_KEYCLOAK_PORT keycloak
    keycloak_admin_password
    mkdir -p "$KC_HOME/data/import"
    cp -f "$KC_REALM_FILE" "$KC_HOME/data/import/passerelle-realm.json"
    info "starting keycloak on $(keycloak_url) (takes 20-80 s)"
    # One fixed option set: changing a build-time option (--db, --cache, ...) would
    # make the next start rebuild for 30-50 s. The in-memory database (dev-mem) is new at
    # every start, so the bootstrap admin is created each time with the current password.
    start_bg keycloak env \
      KC_BOOTSTRAP_ADMIN_USERNAME="$PASSERELLE_KEYCLOAK_ADMIN" \
      KC_BOOTSTRAP_ADMIN_PASSWORD="$PASSERELLE_KEYCLOAK_ADMIN_PASSWORD" \
      JAVA_OPTS_KC_HEAP="-Xms64m -Xmx$PASSERELLE_KEYCLOAK_HEAP" \
      "$KC_HOME/bin/kc.sh" start-dev \
      --http-host=127.0.0.1 \
      --http-port="$PASSERELLE_KEYCLOAK_PORT" \
      --hostname="$(keycloak_url)" \
      --db=dev-mem \
      --import-realm
    pid="$(part_pid keycloak)" || {
      show_log_tail keycloak 40
      die "keycloak exited at once (log: $(log_file keycloak))"
    }
  fi
  keycloak_wait "$pid"
  keycloak_check_admin
}

keycloak_wait() { # pid
  local pid="$1" issuer start=$SECONDS
  wait_http keycloak "$(keycloak_discovery_url)" "${PASSERELLE_KEYCLOAK_TIMEOUT:-180}" "$pid"
  issuer="$(keycloak_announced_issuer)"
  [[ "$issuer" == "$(keycloak_issuer)" ]] ||
    die "keycloak announces issuer '$issuer', expected '$(keycloak_issuer)'"
  ok "keycloak ready at $(keycloak_url) (pid $pid, waited $((SECONDS - start)) s), issuer $issuer"
}

keycloak_stop() { stop_part_process keycloak 30; }

keycloak_status() {
  local health=not-ready
  [[ "$(http_code "$(keycloak_discovery_url)")" == 200 ]] && health=ready
  part_state_line keycloak "$PASSERELLE_KEYCLOAK_PORT" "$health"
}

# Prints an access token (password grant, client passerelle-web) for user $1.
keycloak_user_token() {
  local user="$1" password="${2:-passerelle}" body
  body="$(curl -sS --max-time 20 \
    --data-urlencode grant_type=password \
    --data-urlencode client_id=passerelle-web \
    --data-urlencode "username=$user" \
    --data-urlencode "password=$password" \
    --data-urlencode scope=openid \
    "$(keycloak_issuer)/protocol/openid-connect/token")" || return 1
  json_string_field access_token <<<"$body"
}

# Extracts a top-level string field from JSON on stdin (jq if present).
json_string_field() {
  if command -v jq >/dev/null 2>&1; then
    jq -r --arg f "$1" '.[$f] // empty'
  else
    grep -o "\"$1\" *: *\"[^\"]*\"" | head -n 1 | sed 's/.*: *"\(.*\)"/\1/'
  fi
}
