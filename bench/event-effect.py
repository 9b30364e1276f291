#!/usr/bin/env python3
"""Event effect: POST applications straight to enrollment-service at a steady rate and measure, for
each, the time from its 201 to cohort-service's effect of application-submitted (the row of
known_application it writes, learned_at, in the same transaction as the inbox row).

Usage: event-effect.py ENROLLMENT_URL TOKEN INTAKE RATE SECONDS RUN_ID
Reads the cohort database with psql (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE from the
environment). Prints one JSON line; exits 1 on any non-201 answer or a missing effect."""
import http.client
import json
import subprocess
import sys
import threading
import time
from urllib.parse import urlsplit

url, token, intake, rate, seconds, run = sys.argv[1:7]
rate, seconds = float(rate), float(seconds)
target = urlsplit(url)
total = max(1, int(rate * seconds))
workers = max(2, min(32, int(rate / 20) + 2))
answered = {}  # application id -> wall clock of its 201
failures = []
lock = threading.Lock()
start = time.monotonic() + 0.2
wall_offset = time.time() - time.monotonic()


def body(i):
    key = f"{run}-{i}"
    return json.dumps({
        "intakeId": intake,
        "applicant": {
            "firstName": "Inès", "lastName": ["Martin", "Diallo", "Moreau"][i % 3],
            "birthDate": "1999-04-%02d" % (i % 28 + 1), "email": f"effect.{key}@example.org",
            "phone": "+33612345678",
            "address": {"line": "1 rue de l'École", "postalCode": "93270", "city": "Sevran", "country": "FR"},
            "nationality": "FR", "gender": "FEMALE", "educationLevel": "BAC", "priorityPublics": []},
        "consents": [{"purpose": "APPLICATION_PROCESSING", "granted": True}],
    }).encode(), f"effect-{key}"


def worker(w):
    conn = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
    for i in range(w, total, workers):
        due = start + i / rate
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        payload, key = body(i)
        try:
            conn.request("POST", "/api/v1/applications", payload, {
                "Content-Type": "application/json", "Accept": "application/json",
                "Authorization": f"Bearer {token}", "Idempotency-Key": key})
            response = conn.getresponse()
            data = response.read()
            at = time.monotonic() + wall_offset
        except (OSError, http.client.HTTPException) as e:
            with lock:
                failures.append(f"request {i}: {e}")
            conn.close()
            conn = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
            continue
        with lock:
            if response.status == 201:
                answered[json.loads(data)["id"]] = at
            else:
                failures.append(f"request {i}: HTTP {response.status} {data[:200]!r}")
    conn.close()


threads = [threading.Thread(target=worker, args=(w,)) for w in range(workers)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - start

# The effects: wait (up to 30 s) until cohort-service learned every application answered.
ids = list(answered)
effects = {}
deadline = time.monotonic() + 30
while ids and time.monotonic() < deadline:
    sql = ("select application_id, extract(epoch from learned_at) from known_application"
           " where application_id = any(string_to_array('%s', ',')::uuid[])" % ",".join(ids))
    out = subprocess.run(["psql", "-X", "-w", "-q", "-tA", "-F", " "], input=sql,
                         capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        app, learned = line.split()
        effects[app] = float(learned)
    if len(effects) == len(ids):
        break
    time.sleep(0.5)

latencies = sorted(max(0.0, effects[a] - answered[a]) * 1000 for a in effects)


def percentile(p):
    if not latencies:
        return float("nan")
    return latencies[max(0, min(len(latencies) - 1, -(-len(latencies) * p // 100) - 1))]


missing = len(ids) - len(effects)
print(json.dumps({
    "sent": total, "created": len(answered), "non2xx": len(failures), "missing_effects": missing,
    "rate": round(len(answered) / elapsed, 1) if elapsed > 0 else 0,
    "p50_ms": round(percentile(50), 2), "p99_ms": round(percentile(99), 2),
    "max_ms": round(latencies[-1], 2) if latencies else None}))
for failure in failures[:5]:
    print(failure, file=sys.stderr)
sys.exit(1 if failures or missing else 0)
