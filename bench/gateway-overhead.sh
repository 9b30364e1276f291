#!/usr/bin/env bash
# The gateway's added latency and throughput: the same endpoint with the same token, called
# directly on cohort-service and through the gateway, alternating, in the same run.
# Needs wrk (apt-get install wrk) and a stack started with raised rate limits, e.g.
#   PASSERELLE_RATE_LIMIT_FRONT_END=100000000 PASSERELLE_RATE_BURST_FRONT_END=10000000 ./passerelle up
# Usage: bench/gateway-overhead.sh [duration, default 20s] [connections, default 16]
set -euo pipefail
duration="${1:-20s}"
connections="${2:-16}"
keycloak="${PASSERELLE_OIDC_URL:-http://127.0.0.1:8180/realms/passerelle}"
direct="${PASSERELLE_COHORT_URL:-http://127.0.0.1:8082}/api/v1/sites"
gateway="${PASSERELLE_GATEWAY_URL:-http://127.0.0.1:8080}/api/v1/sites"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
token=$(curl -sf -d grant_type=password -d client_id=passerelle-web -d username=site-staff-fr \
  -d password=passerelle "$keycloak/protocol/openid-connect/token" | jq -r .access_token)
for url in "$direct" "$gateway"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url")
  [[ "$status" == 200 ]] || { echo "$url answered $status" >&2; exit 1; }
  wrk -t2 -c8 -d10s -H "Authorization: Bearer $token" "$url" >/dev/null # warm-up
done
for round in 1 2; do
  for url in "$direct" "$gateway"; do
    echo "== round $round: $url"
    wrk -t2 -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" "$url" |
      grep -E 'Latency|50%|90%|99%|Requests/sec|Non-2xx'
  done
done
