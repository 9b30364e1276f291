#!/usr/bin/env bash
# What a burst of stalled uploads from one token does to other callers: another user's latency on
# GET /api/v1/sites (cohort-service) through the gateway, first alone, then while one user holds
# many uploads to the same service open (headers and half the body sent, then nothing).
# Needs wrk (apt-get install wrk), python3, jq and a stack started with raised rate limits, e.g.
#   PASSERELLE_RATE_LIMIT_FRONT_END=100000000 PASSERELLE_RATE_BURST_FRONT_END=10000000 ./passerelle up
# Talks to 127.0.0.1 only. Usage:
#   bench/stalled-uploads.sh [stalled connections, default 200] [duration, default 20s]
set -euo pipefail
stalled="${1:-200}"
duration="${2:-20s}"
keycloak="${PASSERELLE_OIDC_URL:-http://127.0.0.1:8180/realms/passerelle}"
gateway="${PASSERELLE_GATEWAY_URL:-http://127.0.0.1:8080}"
for url in "$keycloak" "$gateway"; do
  [[ "$url" == http://127.0.0.1:* ]] || { echo "$url is not on 127.0.0.1" >&2; exit 1; }
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[[ "$stalled" =~ ^[0-9]+$ && "$stalled" -le 1000 ]] || { echo "at most 1000 connections" >&2; exit 1; }
seconds="${duration%s}"
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -le 300 ]] || { echo "duration: e.g. 20s, at most 300s" >&2; exit 1; }

token() {
  curl -sf --max-time 10 -d grant_type=password -d client_id=passerelle-web -d username="$1" \
    -d password=passerelle "$keycloak/protocol/openid-connect/token" | jq -r .access_token
}
victim=$(token country-admin-fr)
attacker=$(token site-staff-fr)
status=$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $victim" \
  "$gateway/api/v1/sites")
[[ "$status" == 200 ]] || { echo "GET /api/v1/sites answered $status" >&2; exit 1; }

measure() { # label
  echo "== $1: GET /api/v1/sites, 4 connections, $duration"
  wrk -t1 -c4 -d"$duration" --timeout 30s --latency -H "Authorization: Bearer $victim" \
    "$gateway/api/v1/sites" | grep -E 'Latency |50%|99%|requests in|Non-2xx|Socket errors'
}

wrk -t1 -c4 -d5s -H "Authorization: Bearer $victim" "$gateway/api/v1/sites" >/dev/null # warm-up
measure "alone"

# The stalled uploads: one token, POST /api/v1/cohorts (the same backend), Content-Length 2048 with
# 1024 bytes sent, then silence until the end of the run. Prints what the gateway answered them.
hold=$((seconds + 5))
python3 - "$gateway" "$attacker" "$stalled" "$hold" <<'PY' &
import collections, selectors, socket, sys, time
from urllib.parse import urlsplit
url, token, count, hold = urlsplit(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
host, port = url.hostname, url.port or 80
length = 2048
head = (f"POST /api/v1/cohorts HTTP/1.1\r\nHost: {host}:{port}\r\nAuthorization: Bearer {token}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {length}\r\n\r\n").encode()
body = b"{\"siteCode\": \"" + b"x" * (length // 2 - 14)
selector, answers, started = selectors.DefaultSelector(), collections.Counter(), time.monotonic()
for _ in range(count):
    s = socket.create_connection((host, port), timeout=5)
    s.sendall(head + body)
    s.setblocking(False)
    selector.register(s, selectors.EVENT_READ, time.monotonic())
while selector.get_map() and time.monotonic() - started < hold:
    for key, _ in selector.select(timeout=0.5):
        try:
            data = key.fileobj.recv(64)
        except OSError:
            data = b""
        status = data[9:12].decode() if data.startswith(b"HTTP/") else "closed without answer"
        answers[f"{status} after ~{int(time.monotonic() - key.data)} s"] += 1
        selector.unregister(key.fileobj)
        key.fileobj.close()
for key in list(selector.get_map().values()):
    answers["still open, no answer"] += 1
    key.fileobj.close()
print("== the stalled uploads got:", ", ".join(f"{n} x {a}" for a, n in sorted(answers.items())))
PY
uploads=$!
sleep 2
echo "== load: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "during $stalled stalled uploads from one token"
wait "$uploads"
