# shellcheck shell=bash
# The demo history (issue 17): past cohorts in each country, loaded through the gateway's API as
# school staff would have recorded them, so the impact indicators and the dashboard have something
# to show on a fresh machine. Sourced by ./passerelle after apps.sh.
#
# Each cohort is scheduled, recruited (applications screened and accepted) while its dates are
# still ahead, then moved to its real, past dates, started, its session days entered late, its
# departures and juries recorded after the fact on their own days (ADR 0030), and completed;
# placement-service then holds follow-ups due at the country's offsets, which staff answer (or not)
# as each learner's story says. Every step is idempotent (Idempotency-Key, or a state already
# reached), so a second `up` changes nothing and an interrupted one resumes.

# A cohort: key|site|start|end|jury day. Recruitment happens while the cohort is still dated
# DEMO_HISTORY_PROVISIONAL_START (a fixed day, so a replayed request is the same request).
DEMO_HISTORY_COHORTS=(
  "FR-A|FR-SEVRAN|2025-01-13|2025-07-04|2025-07-10"
  "FR-B|FR-CERGY|2025-09-15|2026-03-06|2026-03-12"
  "MA-A|MA-FES|2025-02-03|2025-07-25|2025-07-31"
  "MA-B|MA-CASABLANCA|2025-09-22|2026-02-13|2026-02-19"
)
DEMO_HISTORY_PROVISIONAL_START=2030-01-07
DEMO_HISTORY_PROVISIONAL_END=2030-06-28

# A learner: cohort|first name|last name|gender|birth date|education|priority publics|job seeker
# (agency or -)|follow-up consent (y/n)|fate|follow-up story.
# fate: CERTIFIED | PARTIAL:<blocks> | NOT_CERTIFIED | LEFT:<exit reason>:<day> (during the
# training) | BEFORE:<exit reason>:<day> (before the start) | TRANSFER:<fate> (moved to the
# country's other cohort before the start, where the fate applies).
# story: one token per follow-up offset of the country (FR 3,6,12 months; MA 9,12), for those due:
# CDI CDD12 CDD6 CDD3 WS (apprenticeship) PRO (professionalisation contract) FT (further training)
# SE (self-employed) JS (job seeking) IN (inactive): staff record that situation on the due day;
# U: unreachable (every attempt fails); -: left unanswered; E<token>: the employer tells staff
# (a placement recorded directly) and the follow-up stays unanswered. A learner who left for a job
# (FOUND_JOB) has their placement to confirm confirmed with the first token.
DEMO_HISTORY_LEARNERS=(
  "FR-A|Amina|Benali|FEMALE|2001-03-14|BAC|NEET_UNDER_26,PRIORITY_NEIGHBOURHOOD|FRANCE_TRAVAIL|y|CERTIFIED|CDD3,CDI,CDI"
  "FR-A|Lucas|Martin|MALE|1998-07-02|BELOW_BAC|PRIORITY_NEIGHBOURHOOD|FRANCE_TRAVAIL|y|CERTIFIED|CDI,CDI,CDI"
  "FR-A|Fatou|Diallo|FEMALE|2003-11-20|BAC|NEET_UNDER_26|-|y|CERTIFIED|WS,WS,WS"
  "FR-A|Karim|Haddad|MALE|1995-05-09|FOREIGN_DIPLOMA|REFUGEE|FRANCE_TRAVAIL|y|CERTIFIED|JS,CDD12,CDD12"
  "FR-A|Julie|Petit|FEMALE|1990-01-28|BAC_PLUS_2||FRANCE_TRAVAIL|y|CERTIFIED|SE,SE,SE"
  "FR-A|Yanis|Bouzid|MALE|2002-09-17|BELOW_BAC|NEET_UNDER_26,PRIORITY_NEIGHBOURHOOD|-|y|PARTIAL:BC01|FT,FT,CDD6"
  "FR-A|Sarah|Nguyen|FEMALE|1999-04-05|BAC|DISABILITY|FRANCE_TRAVAIL|y|PARTIAL:BC02|JS,U,-"
  "FR-A|Thomas|Leroy|MALE|1987-12-11|NONE||FRANCE_TRAVAIL|y|NOT_CERTIFIED|JS,IN,-"
  "FR-A|Moussa|Keita|MALE|2000-06-23|BELOW_BAC|PRIORITY_NEIGHBOURHOOD|FRANCE_TRAVAIL|y|LEFT:FOUND_JOB:2025-04-14|CDD6,CDI,CDI"
  "FR-A|Léa|Moreau|FEMALE|1996-08-30|BAC|NEET_UNDER_26|-|y|LEFT:HEALTH:2025-03-10|IN,JS,U"
  "FR-A|Hugo|Garcia|MALE|2001-02-15|BAC||-|y|BEFORE:RELOCATION:2025-01-06|"
  "FR-A|Inès|Rahmani|FEMALE|2002-10-08|BELOW_BAC|PRIORITY_NEIGHBOURHOOD,NEET_UNDER_26|FRANCE_TRAVAIL|y|TRANSFER:CERTIFIED|CDD3,JS"
  "FR-B|Chloé|Bernard|FEMALE|1997-03-21|BAC|PRIORITY_NEIGHBOURHOOD|FRANCE_TRAVAIL|y|CERTIFIED|CDI,CDI"
  "FR-B|Mehdi|Aït-Ali|MALE|2004-01-12|BELOW_BAC|NEET_UNDER_26,PRIORITY_NEIGHBOURHOOD|-|y|CERTIFIED|WS,WS"
  "FR-B|Aïcha|Traoré|FEMALE|1993-06-18|FOREIGN_DIPLOMA|REFUGEE|FRANCE_TRAVAIL|y|CERTIFIED|CDD12,CDD12"
  "FR-B|Nicolas|Dubois|MALE|1985-09-03|BAC_PLUS_2||FRANCE_TRAVAIL|y|CERTIFIED|ECDI,-"
  "FR-B|Manon|Lefèvre|FEMALE|2003-05-27|BAC|NEET_UNDER_26|-|y|CERTIFIED|FT,FT"
  "FR-B|Samir|Belkacem|MALE|1999-11-30|BELOW_BAC|PRIORITY_NEIGHBOURHOOD|FRANCE_TRAVAIL|n|CERTIFIED|"
  "FR-B|Émilie|Roux|FEMALE|1994-02-14|BAC|DISABILITY|FRANCE_TRAVAIL|y|PARTIAL:BC01|PRO,PRO"
  "FR-B|Kevin|Fontaine|MALE|2000-07-07|BAC||FRANCE_TRAVAIL|y|NOT_CERTIFIED|-,-"
  "FR-B|Nadia|Cherif|FEMALE|2001-12-19|BELOW_BAC|NEET_UNDER_26|-|y|NOT_CERTIFIED|JS,CDD3"
  "FR-B|Ousmane|Sow|MALE|1998-04-26|NONE|PRIORITY_NEIGHBOURHOOD|FRANCE_TRAVAIL|y|LEFT:LOST_INTEREST:2025-11-24|U,-"
  "FR-B|Camille|Girard|FEMALE|1992-08-09|BAC_PLUS_3_OR_MORE||FRANCE_TRAVAIL|y|LEFT:FINANCIAL:2026-01-19|JS,CDD6"
  "MA-A|Salma|El Idrissi|FEMALE|2002-02-11|BAC||ANAPEC|y|CERTIFIED|CDI,CDI"
  "MA-A|Youssef|Benjelloun|MALE|1999-08-25|BAC_PLUS_2||ANAPEC|y|CERTIFIED|CDD12,CDI"
  "MA-A|Khadija|Amrani|FEMALE|2003-04-03|BAC|NEET_UNDER_26|-|y|CERTIFIED|WS,CDD6"
  "MA-A|Omar|Tazi|MALE|2000-10-15|BELOW_BAC|NEET_UNDER_26|ANAPEC|y|CERTIFIED|SE,SE"
  "MA-A|Meryem|Alaoui|FEMALE|1997-12-01|BAC||ANAPEC|y|CERTIFIED|JS,CDD3"
  "MA-A|Hamza|Chraibi|MALE|2001-06-09|BAC|NEET_UNDER_26|-|y|PARTIAL:BC02|FT,JS"
  "MA-A|Zineb|Fassi|FEMALE|1998-03-17|BAC_PLUS_2|DISABILITY|ANAPEC|y|PARTIAL:BC01|U,-"
  "MA-A|Anas|Berrada|MALE|2002-11-22|BELOW_BAC|NEET_UNDER_26|-|y|NOT_CERTIFIED|JS,JS"
  "MA-A|Imane|Kettani|FEMALE|1996-05-14|BAC||ANAPEC|y|LEFT:FOUND_JOB:2025-05-12|CDI,CDI"
  "MA-A|Ayoub|Lahlou|MALE|2003-01-30|BELOW_BAC|NEET_UNDER_26|-|y|LEFT:EXCLUDED:2025-04-07|IN,-"
  "MA-A|Sara|Bennani|FEMALE|2001-09-06|BAC||-|y|BEFORE:FAMILY:2025-01-27|"
  "MA-A|Mehdi|Ouazzani|MALE|2000-04-18|BAC|NEET_UNDER_26|ANAPEC|y|TRANSFER:PARTIAL:BC01|CDD6"
  "MA-B|Hajar|Ziani|FEMALE|2004-03-08|BAC|NEET_UNDER_26|-|y|CERTIFIED|CDI"
  "MA-B|Reda|Sqalli|MALE|1999-07-19|BAC_PLUS_2||ANAPEC|y|CERTIFIED|CDD12"
  "MA-B|Oumaima|Naciri|FEMALE|2002-12-27|BAC||ANAPEC|y|CERTIFIED|WS"
  "MA-B|Ilyas|Hakimi|MALE|2001-05-04|BELOW_BAC|NEET_UNDER_26|-|y|CERTIFIED|ESE"
  "MA-B|Nour|Saidi|FEMALE|1998-10-10|BAC||ANAPEC|y|CERTIFIED|-"
  "MA-B|Adil|Mansouri|MALE|1997-01-22|BAC|DISABILITY|ANAPEC|n|CERTIFIED|"
  "MA-B|Ghita|Benkirane|FEMALE|2003-08-16|BAC|NEET_UNDER_26|-|y|PARTIAL:BC02|FT"
  "MA-B|Soufiane|Rami|MALE|2000-02-02|BELOW_BAC|NEET_UNDER_26|ANAPEC|y|NOT_CERTIFIED|JS"
  "MA-B|Lamia|Zerouali|FEMALE|1995-06-29|BAC_PLUS_3_OR_MORE||ANAPEC|y|LEFT:HEALTH:2025-12-08|U"
)

# What this run found and did, for the summary.
declare -A DEMO_HISTORY_COHORT_IDS=()
declare -A DEMO_HISTORY_LEARNER_IDS=() # cohort key|index -> learner id
DEMO_HISTORY_TOKEN="" DEMO_HISTORY_TOKEN_AT=0 DEMO_HISTORY_RESP="" DEMO_HISTORY_HEADERS=""

# A fresh platform-admin token every two minutes: the load outlives one.
demo_history_token() {
  if [[ -z "$DEMO_HISTORY_TOKEN" ]] || ((SECONDS - DEMO_HISTORY_TOKEN_AT > 120)); then
    DEMO_HISTORY_TOKEN="$(keycloak_user_token platform-admin)" || DEMO_HISTORY_TOKEN=""
    DEMO_HISTORY_TOKEN_AT=$SECONDS
  fi
  [[ -n "$DEMO_HISTORY_TOKEN" ]]
}

# method path [body] [idempotency-key] [if-match]: prints the HTTP status; the answer is in
# $DEMO_HISTORY_RESP, its headers in $DEMO_HISTORY_HEADERS. The gateway's rate limit (429) is
# waited out, as its Retry-After says.
demo_history_call() {
  local -a extra=()
  local code attempt wait
  [[ -z "${4:-}" ]] || extra+=(-H "Idempotency-Key: $4")
  [[ -z "${5:-}" ]] || extra+=(-H "If-Match: $5")
  [[ -z "${3:-}" ]] || extra+=(-H 'Content-Type: application/json' --data "$3")
  for attempt in 1 2 3 4 5 6; do
    demo_history_token || {
      echo 000
      return 0
    }
    code="$(curl -sS --max-time 30 -o "$DEMO_HISTORY_RESP" -D "$DEMO_HISTORY_HEADERS" -w '%{http_code}' \
      -X "$1" "http://127.0.0.1:$PASSERELLE_GATEWAY_PORT$2" \
      -H "Authorization: Bearer $DEMO_HISTORY_TOKEN" -H 'Accept: application/json' "${extra[@]}" \
      2>/dev/null)" || code=000
    [[ "$code" == 429 && "$attempt" -lt 6 ]] || break
    wait="$(grep -i '^retry-after:' "$DEMO_HISTORY_HEADERS" | tr -cd '0-9')" || true
    sleep "${wait:-2}"
  done
  echo "$code"
}

demo_history_etag() { grep -i '^etag:' "$DEMO_HISTORY_HEADERS" | sed 's/^[^:]*: *//' | tr -d '\r' || true; }
demo_history_answer() { head -c 400 "$DEMO_HISTORY_RESP" 2>/dev/null; }

# path jq-filter: polls (up to 2 minutes) until GET path answers 200 and the filter is true.
demo_history_await() {
  local _
  for _ in $(seq 1 120); do
    if [[ "$(demo_history_call GET "$1")" == 200 ]] && jq -e "$2" "$DEMO_HISTORY_RESP" >/dev/null 2>&1; then
      return 0
    fi
    sleep 1
  done
  return 1
}

demo_history_partner() { [[ "$1" == FR ]] && echo 11111111-1111-4111-8111-111111111111 || echo 22222222-2222-4222-8222-222222222222; }
demo_history_offsets() { [[ "$1" == FR ]] && echo "3 6 12" || echo "9 12"; }

# The learners of one cohort key, as "index|line" (index = position among that cohort's lines).
demo_history_learners_of() {
  local key="$1" line i=0
  for line in "${DEMO_HISTORY_LEARNERS[@]}"; do
    if [[ "${line%%|*}" == "$key" ]]; then
      echo "$i|$line"
      i=$((i + 1))
    fi
  done
}

# cohort key -> its site line fields
demo_history_cohort_line() {
  local line
  for line in "${DEMO_HISTORY_COHORTS[@]}"; do
    [[ "${line%%|*}" == "$1" ]] && echo "$line" && return 0
  done
  return 1
}

# The application of learner line $1 (index $4 in its cohort) to cohort $2 (id) at site $3.
demo_history_application_body() {
  local line="$1" cohort="$2" site="$3" idx="$4" key first last gender birth education publics
  local seeker consent country email phone postal city employment="" publics_json seeker_id
  IFS='|' read -r key first last gender birth education publics seeker consent _ _ <<<"$line"
  country="${site%%-*}"
  email="$(tr '[:upper:]' '[:lower:]' <<<"demo.history.${key}.${first}.${last}" | iconv -f utf-8 -t ascii//TRANSLIT 2>/dev/null | tr -cd 'a-z0-9.-')@example.org"
  if [[ "$country" == FR ]]; then
    phone=+33612345678 postal=93270 city=Sevran
    [[ "$site" == FR-CERGY ]] && postal=95000 city=Cergy
  else
    phone=+212612345678 postal=30000 city=Fès
    [[ "$site" == MA-CASABLANCA ]] && postal=20000 city=Casablanca
  fi
  # A made-up registration number in each agency's format (France Travail: 7 digits and a letter).
  if [[ "$country" == FR ]]; then
    local base=100
    [[ "$key" == *-B ]] && base=200
    seeker_id="$(printf '25%05dD' "$((base + idx))")"
  else
    seeker_id="DEMO${key: -1}$(printf '%02d' "$idx")"
  fi
  [[ "$seeker" == - ]] || employment=",\"employment\":{\"jobSeekerAgency\":\"$seeker\",\"jobSeekerId\":\"$seeker_id\"}"
  publics_json="$(json_string_array "$publics")"
  [[ -n "$publics" ]] || publics_json='[]'
  local consents='{"purpose":"APPLICATION_PROCESSING","granted":true}'
  [[ "$consent" == y ]] && consents+=',{"purpose":"FOLLOW_UP_CONTACT","granted":true}'
  printf '{"intakeId":"%s","applicant":{"firstName":"%s","lastName":"%s","birthDate":"%s","email":"%s","phone":"%s","address":{"line":"12 avenue de la Gare","postalCode":"%s","city":"%s","country":"%s"},"nationality":"%s","gender":"%s","educationLevel":"%s"%s,"priorityPublics":%s},"consents":[%s]}' \
    "$cohort" "$first" "$last" "$birth" "$email" "$phone" "$postal" "$city" "$country" "$country" \
    "$gender" "$education" "$employment" "$publics_json" "$consents"
}


declare -A DEMO_HISTORY_APP_IDS=() # cohort key|index -> application id

# The cohort's other fields: site start end jury.
demo_history_dates() {
  local line
  line="$(demo_history_cohort_line "$1")"
  IFS='|' read -r _ DH_SITE DH_START DH_END DH_JURY <<<"$line"
}

# Schedules (or finds again) cohort $1 and, while it recruits, its learners' applications, accepted
# and seated. Sets DEMO_HISTORY_COHORT_IDS and DEMO_HISTORY_APP_IDS.
demo_history_recruit() {
  local key="$1" code cohort status entry idx line app recruiting=0
  local -a apps=()
  demo_history_dates "$key"
  code="$(demo_history_call POST /api/v1/cohorts \
    "{\"programmeCode\":\"WEB-DEV\",\"siteCode\":\"$DH_SITE\",\"startDate\":\"$DEMO_HISTORY_PROVISIONAL_START\",\"endDate\":\"$DEMO_HISTORY_PROVISIONAL_END\",\"capacity\":14,\"funderPartnerIds\":[\"$(demo_history_partner "${DH_SITE%%-*}")\"]}" \
    "demo-history-cohort-$key")"
  cohort="$(jq -r '.id // empty' "$DEMO_HISTORY_RESP" 2>/dev/null)" || true
  if [[ "$code" != 201 || -z "$cohort" ]]; then
    warn "demo history: scheduling cohort $key at $DH_SITE answered HTTP $code: $(demo_history_answer)"
    return 1
  fi
  DEMO_HISTORY_COHORT_IDS["$key"]="$cohort"
  demo_history_call GET "/api/v1/cohorts/$cohort" >/dev/null
  status="$(jq -r '.status' "$DEMO_HISTORY_RESP")" || true
  if [[ "$status" == PLANNED ]]; then
    demo_history_call POST "/api/v1/cohorts/$cohort/open-recruitment" >/dev/null
    status=RECRUITING
  fi
  if [[ "$status" == RECRUITING ]]; then
    recruiting=1
    demo_history_await "/api/v1/intakes/$cohort" '.id' ||
      { warn "demo history: the intake of cohort $key never appeared in enrollment-service"; return 1; }
  fi
  # Submitting again only replays the first answer (same Idempotency-Key, same body): the ids.
  while IFS= read -r entry; do
    idx="${entry%%|*}" line="${entry#*|}"
    code="$(demo_history_call POST /api/v1/applications \
      "$(demo_history_application_body "$line" "$cohort" "$DH_SITE" "$idx")" "demo-history-app-$key-$idx")"
    app="$(jq -r '.id // empty' "$DEMO_HISTORY_RESP" 2>/dev/null)" || true
    if [[ "$code" != 201 || -z "$app" ]]; then
      warn "demo history: an application to cohort $key answered HTTP $code: $(demo_history_answer)"
      return 1
    fi
    DEMO_HISTORY_APP_IDS["$key|$idx"]="$app"
    apps+=("$app")
    if ((recruiting)); then
      # Screened or accepted already by an earlier run: 409, which is fine.
      demo_history_call POST "/api/v1/applications/$app/screen" '{"testScore":72}' >/dev/null
      demo_history_call POST "/api/v1/applications/$app/accept" >/dev/null
    fi
  done < <(demo_history_learners_of "$key")
  if ((recruiting)); then
    for app in "${apps[@]}"; do
      demo_history_await "/api/v1/applications/$app" '.status == "ENROLLED" or .status == "WITHDRAWN"' ||
        { warn "demo history: application $app to cohort $key was never enrolled"; return 1; }
    done
  fi
}

# The seats of cohort $1 (and, for a country's second cohort, of the first), read from
# cohort-service: application id -> learner id, for every line of the key.
demo_history_map_learners() {
  local key="$1" cohort entry idx app learner
  cohort="${DEMO_HISTORY_COHORT_IDS[$key]}"
  demo_history_call GET "/api/v1/cohorts/$cohort/learners?size=100" >/dev/null
  while IFS= read -r entry; do
    idx="${entry%%|*}"
    app="${DEMO_HISTORY_APP_IDS[$key|$idx]:-}"
    [[ -n "$app" ]] || continue
    learner="$(jq -r --arg a "$app" '[.items[]? | select(.applicationId == $a) | .learnerId][0] // empty' "$DEMO_HISTORY_RESP")" || true
    if [[ -n "$learner" ]]; then DEMO_HISTORY_LEARNER_IDS["$key|$idx"]="$learner"; fi
  done < <(demo_history_learners_of "$key")
}

# The learners who train in cohort $1: "line key|index|fate|story|consent". A country's second
# cohort (key ending in -B) also has the first cohort's learners transferred to it.
demo_history_members() {
  local key="$1" entry idx line fate story consent from="${1%-B}-A"
  while IFS= read -r entry; do
    idx="${entry%%|*}" line="${entry#*|}"
    IFS='|' read -r _ _ _ _ _ _ _ _ consent fate story <<<"$line"
    [[ "$fate" == TRANSFER:* ]] && continue
    echo "$key|$idx|$fate|$story|$consent"
  done < <(demo_history_learners_of "$key")
  [[ "$key" == *-B ]] || return 0
  while IFS= read -r entry; do
    idx="${entry%%|*}" line="${entry#*|}"
    IFS='|' read -r _ _ _ _ _ _ _ _ consent fate story <<<"$line"
    [[ "$fate" == TRANSFER:* ]] && echo "$from|$idx|${fate#TRANSFER:}|$story|$consent"
  done < <(demo_history_learners_of "$from")
}

# Before the start, the country's first cohort's transferees move to its second cohort.
demo_history_transfers() {
  local from="$1" to="$2" entry idx line fate learner code
  while IFS= read -r entry; do
    idx="${entry%%|*}" line="${entry#*|}"
    IFS='|' read -r _ _ _ _ _ _ _ _ _ fate _ <<<"$line"
    [[ "$fate" == TRANSFER:* ]] || continue
    learner="${DEMO_HISTORY_LEARNER_IDS[$from|$idx]:-}"
    [[ -n "$learner" ]] || continue
    code="$(demo_history_call POST "/api/v1/cohorts/${DEMO_HISTORY_COHORT_IDS[$from]}/learners/transfer" \
      "{\"toCohortId\":\"${DEMO_HISTORY_COHORT_IDS[$to]}\",\"learnerIds\":[\"$learner\"]}" \
      "demo-history-transfer-$from-$idx")"
    # 409/422 when the cohorts moved on since (an earlier run transferred them already)
    [[ "$code" == 200 || "$code" == 409 || "$code" == 422 ]] ||
      warn "demo history: transferring a learner from $from to $to answered HTTP $code: $(demo_history_answer)"
  done < <(demo_history_learners_of "$from")
}

demo_history_withdraw() { # cohort learner reason day
  local code
  code="$(demo_history_call POST "/api/v1/cohorts/$1/learners/$2/withdraw" \
    "{\"exitReason\":\"$3\",\"withdrawnOn\":\"$4\"}")"
  # 409: withdrawn by an earlier run
  [[ "$code" == 200 || "$code" == 409 ]] ||
    warn "demo history: a departure on $4 answered HTTP $code: $(demo_history_answer)"
}

# A learner's attendance on session number $2 of the cohort (a fixed pattern, a few absences).
demo_history_day_status() {
  local idx="$1" k="$2"
  if (((idx * 5 + k * 3) % 17 == 0)); then
    echo UNEXCUSED_ABSENCE
  elif (((idx + k) % 9 == 0)); then
    echo LATE
  elif (((idx * 7 + k) % 13 == 0)); then
    echo EXCUSED_ABSENCE
  else
    echo PRESENT
  fi
}

# Cohort $1 (key) moved to its real dates, started, its session days, departures and juries
# recorded after the fact, and completed.
demo_history_run() {
  local key="$1" cohort status etag code member src idx fate learner day k body reason left_on
  local -a members=()
  demo_history_dates "$key"
  cohort="${DEMO_HISTORY_COHORT_IDS[$key]}"
  mapfile -t members < <(demo_history_members "$key")
  for member in "${members[@]}"; do
    IFS='|' read -r src idx _ <<<"$member"
    if [[ -z "${DEMO_HISTORY_LEARNER_IDS[$src|$idx]:-}" ]]; then
      warn "demo history: learner $src/$idx has no seat in cohort-service: cohort $key left as it is"
      return 1
    fi
  done
  demo_history_call GET "/api/v1/cohorts/$cohort" >/dev/null
  status="$(jq -r '.status' "$DEMO_HISTORY_RESP")" || true
  etag="$(demo_history_etag)"
  if [[ "$status" == RECRUITING ]]; then
    code="$(demo_history_call PATCH "/api/v1/cohorts/$cohort" \
      "{\"startDate\":\"$DH_START\",\"endDate\":\"$DH_END\",\"recruitmentOpensOn\":\"$(date -d "$DH_START -60 days" +%F)\",\"recruitmentClosesOn\":\"$(date -d "$DH_START -3 days" +%F)\"}" \
      "" "$etag")"
    [[ "$code" == 200 ]] || { warn "demo history: dating cohort $key answered HTTP $code: $(demo_history_answer)"; return 1; }
    for member in "${members[@]}"; do
      IFS='|' read -r src idx fate _ <<<"$member"
      [[ "$fate" == BEFORE:* ]] || continue
      IFS=: read -r _ reason day <<<"$fate"
      demo_history_withdraw "$cohort" "${DEMO_HISTORY_LEARNER_IDS[$src|$idx]:-}" "$reason" "$day"
    done
    code="$(demo_history_call POST "/api/v1/cohorts/$cohort/start")"
    [[ "$code" == 200 ]] || { warn "demo history: starting cohort $key answered HTTP $code: $(demo_history_answer)"; return 1; }
    status=RUNNING
  fi
  if [[ "$status" == RUNNING ]]; then
    # Every other Monday from the start, entered late: who came, who did not.
    k=0
    day="$DH_START"
    while [[ ! "$day" > "$DH_END" ]]; do
      body=""
      for member in "${members[@]}"; do
        IFS='|' read -r src idx fate _ <<<"$member"
        [[ "$fate" == BEFORE:* ]] && continue
        if [[ "$fate" == LEFT:* ]]; then
          left_on="${fate##*:}"
          [[ "$day" < "$left_on" ]] || continue
          # they stopped coming in the weeks before they left
          if [[ ! "$(date -d "$day +28 days" +%F)" < "$left_on" ]]; then
            body+="${body:+,}{\"learnerId\":\"${DEMO_HISTORY_LEARNER_IDS[$src|$idx]:-}\",\"status\":\"UNEXCUSED_ABSENCE\"}"
            continue
          fi
        fi
        body+="${body:+,}{\"learnerId\":\"${DEMO_HISTORY_LEARNER_IDS[$src|$idx]:-}\",\"status\":\"$(demo_history_day_status "$idx" "$k")\"}"
      done
      code="$(demo_history_call PUT "/api/v1/cohorts/$cohort/attendance/$day" "{\"records\":[$body]}")"
      [[ "$code" == 200 ]] || warn "demo history: attendance of cohort $key on $day answered HTTP $code: $(demo_history_answer)"
      k=$((k + 1))
      day="$(date -d "$day +14 days" +%F)"
    done
  fi
  for member in "${members[@]}"; do
    IFS='|' read -r src idx fate _ <<<"$member"
    learner="${DEMO_HISTORY_LEARNER_IDS[$src|$idx]}"
    case "$fate" in
      LEFT:*)
        IFS=: read -r _ reason day <<<"$fate"
        demo_history_withdraw "$cohort" "$learner" "$reason" "$day"
        ;;
      CERTIFIED | NOT_CERTIFIED | PARTIAL:*)
        body="{\"learnerId\":\"$learner\",\"outcome\":\"${fate%%:*}\",\"certifiedOn\":\"$DH_JURY\",\"juryReference\":\"JURY-DEMO-$key\"}"
        if [[ "$fate" == PARTIAL:* ]]; then
          body="{\"learnerId\":\"$learner\",\"outcome\":\"PARTIALLY_CERTIFIED\",\"blocks\":$(json_string_array "${fate#PARTIAL:}"),\"certifiedOn\":\"$DH_JURY\",\"juryReference\":\"JURY-DEMO-$key\"}"
        fi
        code="$(demo_history_call POST "/api/v1/cohorts/$cohort/certification-results" "$body" "demo-history-jury-$src-$idx")"
        [[ "$code" == 201 ]] || warn "demo history: the jury's result for $src/$idx answered HTTP $code: $(demo_history_answer)"
        ;;
    esac
  done
  if [[ "$status" == RUNNING ]]; then
    code="$(demo_history_call POST "/api/v1/cohorts/$cohort/complete")"
    [[ "$code" == 200 ]] || warn "demo history: completing cohort $key answered HTTP $code: $(demo_history_answer)"
  fi
}

# The situation a story token stands for, on day $2, in country $3: a SituationReport's JSON.
demo_history_report() {
  local token="$1" on="$2" country="$3" partner employer
  partner="$(demo_history_partner "$country")"
  if [[ "$country" == FR ]]; then employer="Mairie de Sevran"; else employer="Atlas Centre Relation Client"; fi
  case "$token" in
    CDI) printf '{"situation":"EMPLOYED","situationOn":"%s","employerPartnerId":"%s","contractType":"CDI","workingTime":"FULL_TIME","salaryBand":"UP_TO_1_5_MINIMUM_WAGE","matchesTraining":true,"evidenceKind":"EMPLOYER_STATEMENT"}' "$on" "$partner" ;;
    CDD12 | CDD6) printf '{"situation":"EMPLOYED","situationOn":"%s","employerName":"%s","contractType":"CDD","durationMonths":%s,"workingTime":"FULL_TIME","matchesTraining":true,"evidenceKind":"CONTRACT"}' "$on" "$employer" "${token#CDD}" ;;
    CDD3) printf '{"situation":"EMPLOYED","situationOn":"%s","employerName":"%s","contractType":"CDD","durationMonths":3,"workingTime":"PART_TIME","matchesTraining":false,"evidenceKind":"PAYSLIP"}' "$on" "$employer" ;;
    WS) printf '{"situation":"WORK_STUDY","situationOn":"%s","employerPartnerId":"%s","contractType":"APPRENTICESHIP","durationMonths":24,"workingTime":"FULL_TIME","matchesTraining":true,"evidenceKind":"CONTRACT"}' "$on" "$partner" ;;
    PRO) printf '{"situation":"WORK_STUDY","situationOn":"%s","employerName":"%s","contractType":"PROFESSIONALISATION","durationMonths":12,"workingTime":"FULL_TIME","matchesTraining":true,"evidenceKind":"CONTRACT"}' "$on" "$employer" ;;
    FT) printf '{"situation":"FURTHER_TRAINING","situationOn":"%s","evidenceKind":"TRAINING_ENROLMENT"}' "$on" ;;
    SE) printf '{"situation":"SELF_EMPLOYED","situationOn":"%s","employerName":"Studio web indépendant","evidenceKind":"BUSINESS_REGISTRATION"}' "$on" ;;
    JS) printf '{"situation":"JOB_SEEKING","situationOn":"%s","evidenceKind":"LEARNER_STATEMENT"}' "$on" ;;
    IN) printf '{"situation":"INACTIVE","situationOn":"%s","evidenceKind":"LEARNER_STATEMENT"}' "$on" ;;
    *) return 1 ;;
  esac
}

# After cohort $1's exits: each leaver's follow-ups, answered (or not) as their story says, and the
# job of a learner who left for one confirmed.
demo_history_outcomes() {
  local key="$1" member src idx fate story consent learner country offset token code fu status
  local due due_on id placement exit_day i
  local -a offsets tokens members=()
  demo_history_dates "$key"
  country="${DH_SITE%%-*}"
  read -r -a offsets <<<"$(demo_history_offsets "$country")"
  mapfile -t members < <(demo_history_members "$key")
  for member in "${members[@]}"; do
    IFS='|' read -r src idx fate story consent <<<"$member"
    [[ "$fate" == BEFORE:* ]] && continue
    learner="${DEMO_HISTORY_LEARNER_IDS[$src|$idx]:-}"
    [[ -n "$learner" ]] || continue
    if ! demo_history_await "/api/v1/follow-ups?learnerId=$learner&size=100" '(.items | length) > 0'; then
      warn "demo history: placement-service has no follow-ups for learner $src/$idx (cohort $key)"
      continue
    fi
    fu="$DEMO_HISTORY_RESP.fu"
    cp "$DEMO_HISTORY_RESP" "$fu"
    IFS=, read -r -a tokens <<<"$story"
    if [[ "$fate" == LEFT:FOUND_JOB:* ]]; then
      exit_day="${fate##*:}"
      if demo_history_await "/api/v1/placements?learnerId=$learner&size=100" '(.items | length) > 0'; then
        placement="$(jq -r '[.items[] | select(.status == "TO_CONFIRM") | .id][0] // empty' "$DEMO_HISTORY_RESP")" || true
        if [[ -n "$placement" ]]; then
          code="$(demo_history_call POST "/api/v1/placements/$placement/confirm" \
            "$(demo_history_report "${tokens[0]}" "$exit_day" "$country")")"
          [[ "$code" == 200 ]] || warn "demo history: confirming the job of $src/$idx answered HTTP $code: $(demo_history_answer)"
        fi
      else
        warn "demo history: placement-service never had the job of $src/$idx to confirm"
      fi
    fi
    for i in "${!offsets[@]}"; do
      offset="${offsets[i]}" token="${tokens[i]:--}"
      read -r id status due due_on < <(jq -r --argjson o "$offset" \
        '[.items[] | select(.offsetMonths == $o)][0] | "\(.id) \(.status) \(.due) \(.dueOn)"' "$fu") || continue
      [[ "$status" == SCHEDULED && "$due" == true ]] || continue
      case "$token" in
        -) ;;
        U)
          # every attempt fails: the follow-up closes as UNREACHABLE
          while [[ "$status" == SCHEDULED ]]; do
            code="$(demo_history_call POST "/api/v1/follow-ups/$id/attempts" '{"note":"Pas de réponse au téléphone ni au courriel"}')"
            [[ "$code" == 200 ]] || { warn "demo history: a follow-up attempt answered HTTP $code: $(demo_history_answer)"; break; }
            status="$(jq -r '.status' "$DEMO_HISTORY_RESP")" || true
          done
          ;;
        E*)
          body="$(demo_history_report "${token#E}" "$due_on" "$country")"
          code="$(demo_history_call POST /api/v1/placements \
            "{\"learnerId\":\"$learner\",\"source\":\"EMPLOYER\",${body#\{}" "demo-history-placement-$src-$idx-$offset")"
          [[ "$code" == 201 ]] || warn "demo history: the employer's statement for $src/$idx answered HTTP $code: $(demo_history_answer)"
          ;;
        *)
          code="$(demo_history_call POST "/api/v1/follow-ups/$id/situation" "$(demo_history_report "$token" "$due_on" "$country")")"
          [[ "$code" == 200 ]] || warn "demo history: answering a follow-up of $src/$idx answered HTTP $code: $(demo_history_answer)"
          ;;
      esac
    done
    rm -f "$fu"
  done
}

# One line per cohort, counted from the API.
demo_history_summary() {
  local key cohort learners results followups
  for key in "${!DEMO_HISTORY_COHORT_IDS[@]}"; do
    cohort="${DEMO_HISTORY_COHORT_IDS[$key]}"
    demo_history_dates "$key"
    demo_history_call GET "/api/v1/cohorts/$cohort/learners?size=100" >/dev/null
    learners="$(jq -r '[.items[].status] | group_by(.) | map("\(length) \(.[0] | ascii_downcase)") | join(", ")' "$DEMO_HISTORY_RESP")" || true
    demo_history_call GET "/api/v1/cohorts/$cohort/certification-results?size=100" >/dev/null
    results="$(jq -r '[.items[].outcome] | group_by(.) | map("\(length) \(.[0] | ascii_downcase | gsub("_"; " "))") | join(", ")' "$DEMO_HISTORY_RESP")" || true
    demo_history_call GET "/api/v1/follow-ups?site=$DH_SITE&size=100" >/dev/null
    followups="$(jq -r --arg c "$cohort" '[.items[] | select(.cohortId == $c) | if .status == "SCHEDULED" then (if .due then "unanswered" else "not yet due" end) else (.status | ascii_downcase | gsub("_"; " ")) end] | group_by(.) | map("\(length) \(.[0])") | join(", ")' "$DEMO_HISTORY_RESP")" || true
    ok "history $DH_SITE $DH_START..$DH_END ($cohort): learners ${learners:-none}; jury ${results:-none}; follow-ups ${followups:-none}"
  done | sort
}

# The whole history, country by country (a country's transfers need both its cohorts recruited).
demo_history() {
  local country key
  if ! command -v jq >/dev/null 2>&1; then
    warn "jq is missing (apt-get install -y jq): the demo history was not loaded"
    return 0
  fi
  demo_history_token || { warn "no platform-admin token: the demo history was not loaded"; return 0; }
  info "loading the demo history (past cohorts, exits, juries, follow-ups, placements) through the gateway"
  DEMO_HISTORY_RESP="$(mktemp)"
  DEMO_HISTORY_HEADERS="$(mktemp)"
  for country in FR MA; do
    if ! demo_history_recruit "$country-A" || ! demo_history_recruit "$country-B"; then
      continue
    fi
    demo_history_map_learners "$country-A"
    demo_history_map_learners "$country-B"
    demo_history_transfers "$country-A" "$country-B"
    demo_history_map_learners "$country-B"
    for key in "$country-A" "$country-B"; do
      demo_history_run "$key" || continue
    done
    for key in "$country-A" "$country-B"; do
      demo_history_outcomes "$key"
    done
  done
  demo_history_summary
  rm -f "$DEMO_HISTORY_RESP" "$DEMO_HISTORY_HEADERS"
}
