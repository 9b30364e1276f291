#!/usr/bin/env python3
"""The soak run's driver (./passerelle soak, deploy/local/soak.sh): fixtures, a mixed load through
the gateway, the 10,000-row import's timing, and the checks once the faults are over.

  soak.py setup   WORK GATEWAY KEYCLOAK                    -> WORK/fixtures.json
  soak.py load    WORK GATEWAY KEYCLOAK SECONDS            -> WORK/requests.jsonl, WORK/acks.jsonl
  soak.py import  WORK GATEWAY KEYCLOAK ROWS               -> WORK/import.json
  soak.py check   WORK GRACE_SECONDS                       -> the table (stdout), WORK/summary.json

Only this machine is called. Personal data is invented and carries a run tag (WORK/pii-tag) so
the log scan can look for it; the scan itself is in soak.sh.
"""

import csv
import http.client
import io
import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from datetime import date, timedelta

USERS = {"staff": "site-staff-fr", "admin": "platform-admin"}
PASSWORD = "passerelle"
FIRST = ["Inès", "Yanis", "Lina", "Adam", "Sarah", "Mohamed", "Emma", "Lucas", "Nour", "Jade"]


class Tokens:
    """Access tokens from Keycloak, fetched again before they expire; while Keycloak is down the
    last token is used (the services keep verifying it with the keys they hold)."""

    def __init__(self, keycloak):
        self.keycloak = keycloak
        self.cache = {}
        self.lock = threading.Lock()

    def _fetch(self, who):
        url = urllib.parse.urlsplit(self.keycloak)
        if who == "integration":
            form = {"grant_type": "client_credentials", "client_id": "integration-fr",
                    "client_secret": "integration-fr-secret"}
        else:
            form = {"grant_type": "password", "client_id": "passerelle-web", "username": USERS[who],
                    "password": PASSWORD, "scope": "openid"}
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        try:
            conn.request("POST", url.path + "/protocol/openid-connect/token", urllib.parse.urlencode(form),
                         {"Content-Type": "application/x-www-form-urlencoded"})
            resp = conn.getresponse()
            body = resp.read()
            if resp.status != 200:
                raise RuntimeError(f"Keycloak answered {resp.status} for {who}")
            return json.loads(body)["access_token"]
        finally:
            conn.close()

    def renew(self, who):
        """A token refused with 401: Keycloak's in-memory realm has new signing keys after a restart
        (deploy/local/keycloak.sh), so a client does what any OIDC client does: a new token."""
        with self.lock:
            try:
                self.cache[who] = (self._fetch(who), time.time())
            except Exception:
                pass

    def get(self, who):
        with self.lock:
            token, at = self.cache.get(who, (None, 0))
            if token is None or time.time() - at > 300:
                try:
                    token, at = self._fetch(who), time.time()
                    self.cache[who] = (token, at)
                except Exception:
                    if token is None:
                        raise
            return token


class Client:
    """One keep-alive connection to the gateway; records every answer it gets."""

    def __init__(self, base, record=None, tokens=None):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port
        self.conn = None
        self.record = record
        self.tokens = tokens

    def call(self, kind, method, path, token=None, body=None, headers=None, ctype="application/json"):
        """token: a token, or the name of a caller (staff, admin, integration) whose token is
        renewed once when refused with 401."""
        who = token if self.tokens is not None and token in ("staff", "admin", "integration") else None
        if who:
            started = time.time()
            try:
                held = self.tokens.get(who)
            except Exception as e:  # Keycloak down before this caller ever had a token: no answer, as for a refused call
                if self.record is not None:
                    self.record({"kind": kind, "start": round(started, 3), "end": round(time.time(), 3), "status": 0,
                                 "error": "token:" + type(e).__name__, "ctype": "", "retryAfter": None,
                                 "renewed": False})
                return 0, {}, None
            status, rheaders, parsed = self._call(kind, method, path, held, body, headers, ctype, renewable=True)
            if status != 401:
                return status, rheaders, parsed
            self.tokens.renew(who)
            status, rheaders, parsed = self._call(kind, method, path, self.tokens.get(who), body, headers, ctype,
                                                  renewable=True)
            if status != 401:
                return status, rheaders, parsed
            # A part that meets the new keys' first token fetches Keycloak's keys once; a request
            # that comes while that fetch is under way is refused too (Quarkus OIDC does not wait for
            # it), so a client tries once more a moment later. A third 401 is a failure.
            time.sleep(1)
            token = self.tokens.get(who)
        return self._call(kind, method, path, token, body, headers, ctype)

    def _call(self, kind, method, path, token, body, headers, ctype, renewable=False):
        h = {"Accept": "application/json"}
        if token:
            h["Authorization"] = "Bearer " + token
        if body is not None:
            h["Content-Type"] = ctype
            if not isinstance(body, (bytes, str)):
                body = json.dumps(body)
            if isinstance(body, str):
                body = body.encode("utf-8")
        h.update(headers or {})
        started = time.time()
        status, rheaders, data, error = 0, {}, b"", None
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
            self.conn.request(method, path, body, h)
            resp = self.conn.getresponse()
            data = resp.read()
            status = resp.status
            rheaders = {k.lower(): v for k, v in resp.getheaders()}
            if rheaders.get("connection", "").lower() == "close":
                self.conn.close()
                self.conn = None
        except Exception as e:  # refused, reset, timed out: no HTTP answer at all
            error = type(e).__name__
            if self.conn is not None:
                self.conn.close()
            self.conn = None
        ended = time.time()
        if self.record is not None:
            self.record({"kind": kind, "start": round(started, 3), "end": round(ended, 3), "status": status,
                         "error": error, "ctype": rheaders.get("content-type", ""),
                         "retryAfter": rheaders.get("retry-after"), "renewed": renewable and status == 401})
        parsed = None
        if data and rheaders.get("content-type", "").split(";")[0].strip().endswith("json"):
            try:
                parsed = json.loads(data)
            except ValueError:
                parsed = None
        return status, rheaders, parsed


def applicant(tag, n, rnd):
    """An invented applicant; the tag is in the names and email so the log scan can find them."""
    return {
        "firstName": FIRST[n % len(FIRST)] + tag,
        "lastName": "Soak" + tag + str(n),
        "birthDate": f"1998-0{1 + n % 9}-{1 + n % 28:02d}",
        "email": f"soak.{tag}.{n}@example.org".lower(),
        "phone": "+336" + "".join(str(rnd.randrange(10)) for _ in range(8)),
        "address": {"line": f"{n} rue {tag}", "postalCode": "93270", "city": "Sevran", "country": "FR"},
        "nationality": "FR",
        "gender": ["FEMALE", "MALE", "NOT_DECLARED"][n % 3],
        "educationLevel": "BAC",
        "priorityPublics": [],
    }


def consents():
    return [{"purpose": "APPLICATION_PROCESSING", "granted": True}]


def must(ok, what):
    if not ok:
        raise SystemExit(f"soak setup: {what}")


def await_status(client, token, path, predicate, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        status, _, body = client.call("setup", "GET", path, token)
        if status == 200 and predicate(body):
            return body
        time.sleep(0.5)
    raise SystemExit(f"soak setup: {what} (after {seconds} s)")


def new_cohort(client, admin, key, capacity, start, end):
    status, _, body = client.call("setup", "POST", "/api/v1/cohorts", admin, {
        "programmeCode": "WEB-DEV", "siteCode": "FR-SEVRAN", "startDate": start, "endDate": end,
        "capacity": capacity}, {"Idempotency-Key": key})
    must(status == 201, f"creating a cohort answered {status}: {body}")
    cohort = body["id"]
    status, _, body = client.call("setup", "POST", f"/api/v1/cohorts/{cohort}/open-recruitment", admin)
    must(status == 200, f"opening recruitment answered {status}: {body}")
    await_status(client, admin, f"/api/v1/intakes/{cohort}", lambda b: True, 60, "the intake never appeared")
    return cohort


def setup(work, gateway, keycloak):
    tag = open(os.path.join(work, "pii-tag")).read().strip()
    run = os.path.basename(work)
    tokens = Tokens(keycloak)
    admin, staff = tokens.get("admin"), tokens.get("staff")
    client = Client(gateway)
    rnd = random.Random(7)
    today = date.today()
    # Recruiting: the load's applications and selection decisions.
    recruiting = new_cohort(client, admin, f"soak-{run}-recruiting", 100,
                            str(today + timedelta(days=60)), str(today + timedelta(days=240)))
    # Running since a month ago: attendance days, and certificates for the public checks.
    running = new_cohort(client, admin, f"soak-{run}-running", 12,
                         str(today + timedelta(days=30)), str(today + timedelta(days=200)))
    apps = []
    for n in range(6):
        status, _, body = client.call("setup", "POST", "/api/v1/applications", staff, {
            "intakeId": running, "applicant": applicant(tag, 900000 + n, rnd), "consents": consents()},
            {"Idempotency-Key": f"soak-{run}-seat-{n}"})
        must(status == 201, f"an application answered {status}: {body}")
        apps.append(body["id"])
        for step, payload in (("screen", {"testScore": 70}), ("accept", {})):
            status, _, body = client.call("setup", "POST", f"/api/v1/applications/{body['id']}/{step}", staff,
                                          payload)
            must(status == 200, f"{step} answered {status}: {body}")
            body = {"id": apps[-1]}
    for app in apps:
        await_status(client, staff, f"/api/v1/applications/{app}", lambda b: b.get("status") == "ENROLLED",
                     60, f"application {app} was never enrolled")
    status, headers, body = client.call("setup", "GET", f"/api/v1/cohorts/{running}", admin)
    start = today - timedelta(days=40)
    status, _, body = client.call("setup", "PATCH", f"/api/v1/cohorts/{running}", admin, {
        "startDate": str(start), "endDate": str(today + timedelta(days=120)),
        "recruitmentOpensOn": str(start - timedelta(days=60)), "recruitmentClosesOn": str(start - timedelta(days=3))},
        {"If-Match": headers.get("etag", "*")}, ctype="application/merge-patch+json")
    must(status == 200, f"dating the running cohort answered {status}: {body}")
    status, _, body = client.call("setup", "POST", f"/api/v1/cohorts/{running}/start", admin)
    must(status == 200, f"starting the cohort answered {status}: {body}")
    status, _, body = client.call("setup", "GET", f"/api/v1/cohorts/{running}/learners?size=100", admin)
    must(status == 200, f"the learners answered {status}")
    learners = [item["learnerId"] for item in body["items"]]
    certificates = []
    for learner in learners[:3]:
        status, _, body = client.call("setup", "POST", f"/api/v1/cohorts/{running}/certification-results", admin, {
            "learnerId": learner, "outcome": "CERTIFIED", "certifiedOn": str(today - timedelta(days=1)),
            "juryReference": f"JURY-SOAK-{run}"}, {"Idempotency-Key": f"soak-{run}-jury-{learner}"})
        must(status == 201, f"a jury result answered {status}: {body}")
        certificates.append(body["certificate"]["publicId"])
    fixtures = {"recruiting": recruiting, "running": running, "learners": learners,
                "certificates": certificates, "attendanceFrom": str(start), "tag": tag, "run": run}
    json.dump(fixtures, open(os.path.join(work, "fixtures.json"), "w"))
    print(json.dumps({"recruiting": recruiting, "running": running, "learners": len(learners),
                      "certificates": len(certificates)}))


class Load:
    """The mixed load: a few workers, each picking a kind of work by weight, paced so the machine
    is busy but not saturated (a school's day, not a benchmark)."""

    WEIGHTS = [("staff_list", 25), ("staff_read", 20), ("apply", 25), ("decide", 10), ("attendance", 6),
               ("certificate_check", 13), ("import", 2)]

    def __init__(self, work, gateway, keycloak, seconds, workers=6, pause=0.1, import_rows=2000):
        self.work, self.gateway, self.seconds = work, gateway, seconds
        self.fixtures = json.load(open(os.path.join(work, "fixtures.json")))
        self.tokens = Tokens(keycloak)
        self.requests = open(os.path.join(work, "requests.jsonl"), "a")
        self.acks = open(os.path.join(work, "acks.jsonl"), "a")
        self.lock = threading.Lock()
        self.applied = []  # acknowledged applications, for reads and decisions
        self.decided = set()
        self.accepted = 0
        self.imports_running = 0
        self.import_job = None
        self.day = 0
        self.counter = 0
        self.workers, self.pause, self.import_rows = workers, pause, import_rows
        self.stop_at = time.time() + seconds

    def record(self, line):
        with self.lock:
            self.requests.write(json.dumps(line) + "\n")

    def ack(self, line):
        with self.lock:
            self.acks.write(json.dumps(line) + "\n")
            self.acks.flush()

    def next_number(self):
        with self.lock:
            self.counter += 1
            return self.counter

    def retrying(self, client, kind, method, path, who, body=None, headers=None, ctype="application/json",
                 give_up_after=90):
        """A client as integrators are told to write one: on 503, 504 or no answer, wait (Retry-After)
        and send the same request again with the same Idempotency-Key."""
        deadline = time.time() + give_up_after
        while True:
            status, rheaders, parsed = client.call(kind, method, path, who, body, headers, ctype)
            if status and status not in (502, 503, 504):
                return status, rheaders, parsed
            stopping = os.path.exists(os.path.join(self.work, "stop"))
            if time.time() > deadline or time.time() > self.stop_at + 60 or (
                    stopping and time.time() > deadline - give_up_after + 30):
                return status, rheaders, parsed
            wait = 1.0
            try:
                wait = min(5.0, float(rheaders.get("retry-after", "1")))
            except ValueError:
                pass
            time.sleep(wait)

    def do_apply(self, client, rnd):
        n = self.next_number()
        key = f"soak-{self.fixtures['run']}-apply-{n}"
        status, _, body = self.retrying(client, "apply", "POST", "/api/v1/applications", "staff", {
            "intakeId": self.fixtures["recruiting"], "applicant": applicant(self.fixtures["tag"], n, rnd),
            "consents": consents()}, {"Idempotency-Key": key})
        if status == 201:
            self.ack({"kind": "apply", "application": body["id"], "key": key})
            with self.lock:
                self.applied.append(body["id"])

    def do_decide(self, client, rnd):
        with self.lock:
            open_apps = [a for a in self.applied[-200:] if a not in self.decided]
            if not open_apps:
                return
            app = rnd.choice(open_apps)
            self.decided.add(app)
            accept = self.accepted < 80
            if accept:
                self.accepted += 1
        status, _, _ = self.retrying(client, "decide", "POST", f"/api/v1/applications/{app}/screen", "staff",
                                     {"testScore": 60 + rnd.randrange(40)})
        if status != 200:
            return
        decision = "accept" if accept else "reject"
        status, _, body = self.retrying(client, "decide", "POST", f"/api/v1/applications/{app}/{decision}", "staff",
                                        {} if accept else {"reason": "Soak run: not selected"})
        if status == 200:
            self.ack({"kind": decision, "application": app})
        elif accept:
            with self.lock:
                self.accepted -= 1

    def do_attendance(self, client, rnd):
        with self.lock:
            self.day = (self.day + 1) % 35
            day = date.fromisoformat(self.fixtures["attendanceFrom"]) + timedelta(days=self.day)
        records = [{"learnerId": learner, "status": rnd.choice(["PRESENT", "PRESENT", "PRESENT", "LATE",
                                                                "EXCUSED_ABSENCE"])}
                   for learner in self.fixtures["learners"]]
        status, _, body = self.retrying(client, "attendance", "PUT",
                                        f"/api/v1/cohorts/{self.fixtures['running']}/attendance/{day}", "admin",
                                        {"records": records})
        if status == 200:
            self.ack({"kind": "attendance", "day": str(day), "records": records})

    def do_import(self, client, rnd):
        """One import at a time, as a regional office would: submit, then poll the job until it ends."""
        with self.lock:
            if self.imports_running:
                return
            self.imports_running += 1
        try:
            if self.import_job:
                status, _, body = client.call("import", "GET", f"/api/v1/applications/imports/{self.import_job}",
                                              "integration")
                if status == 200 and body.get("status") in ("SUCCEEDED", "FAILED"):
                    self.import_job = None
                return
            n0 = self.next_number() * 100000
            key = f"soak-{self.fixtures['run']}-import-{n0}"
            text = import_csv(self.fixtures, n0, self.import_rows, rnd)
            status, headers, body = self.retrying(client, "import", "POST", "/api/v1/applications/imports",
                                                  "integration", text, {"Idempotency-Key": key},
                                                  "text/csv; charset=UTF-8")
            if status != 202:
                return
            self.import_job = body["id"]
            self.ack({"kind": "import", "job": body["id"], "key": key, "rows": self.import_rows,
                      "refs": [f"SOAK-{self.fixtures['run']}-{n0 + i}" for i in range(self.import_rows)]})
        finally:
            with self.lock:
                self.imports_running -= 1

    def worker(self, i):
        rnd = random.Random(i)
        client = Client(self.gateway, self.record, self.tokens)
        kinds = [k for k, w in self.WEIGHTS for _ in range(w)]
        while time.time() < self.stop_at and not os.path.exists(os.path.join(self.work, "stop")):
            kind = rnd.choice(kinds)
            try:
                if kind == "staff_list":
                    client.call(kind, "GET", "/api/v1/applications?size=20", "staff")
                elif kind == "staff_read":
                    with self.lock:
                        app = rnd.choice(self.applied) if self.applied else None
                    if app:
                        client.call(kind, "GET", f"/api/v1/applications/{app}", "staff")
                elif kind == "apply":
                    self.do_apply(client, rnd)
                elif kind == "decide":
                    self.do_decide(client, rnd)
                elif kind == "attendance":
                    self.do_attendance(client, rnd)
                elif kind == "certificate_check":
                    client.call(kind, "GET", f"/api/v1/certificates/{rnd.choice(self.fixtures['certificates'])}")
                elif kind == "import":
                    self.do_import(client, rnd)
            except Exception as e:  # a bug of the driver must not stop the load silently
                self.record({"kind": kind, "start": time.time(), "end": time.time(), "status": -1,
                             "error": "driver:" + repr(e)[:200]})
            time.sleep(self.pause * rnd.random() * 2)

    def run(self):
        # Every caller signs in before the faults begin, as a running client would have.
        for who in ("staff", "admin", "integration"):
            self.tokens.get(who)
        open(os.path.join(self.work, "load-ready"), "w").close()
        threads = [threading.Thread(target=self.worker, args=(i,), daemon=True) for i in range(self.workers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.requests.close()
        self.acks.close()


def import_csv(fixtures, n0, rows, rnd):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["externalRef", "intakeId", "firstName", "lastName", "birthDate", "email", "phone", "addressLine",
                "postalCode", "city", "addressCountry", "nationality", "educationLevel",
                "consentApplicationProcessing"])
    for i in range(rows):
        a = applicant(fixtures["tag"], n0 + i, rnd)
        w.writerow([f"SOAK-{fixtures['run']}-{n0 + i}", fixtures["recruiting"], a["firstName"], a["lastName"],
                    a["birthDate"], a["email"], a["phone"], a["address"]["line"], "93270", "Sevran", "FR", "FR",
                    "BAC", "true"])
    return out.getvalue()


def timed_import(work, gateway, keycloak, rows):
    """A regional office's 10,000 rows at once: the time to the 202, the progress as it is polled,
    the time to the end."""
    fixtures = json.load(open(os.path.join(work, "fixtures.json")))
    tokens = Tokens(keycloak)
    client = Client(gateway)
    text = import_csv(fixtures, 50000000, rows, random.Random(11))
    started = time.time()
    status, headers, body = client.call("import", "POST", "/api/v1/applications/imports", tokens.get("integration"),
                                        text, {"Idempotency-Key": f"soak-{fixtures['run']}-timed-import"},
                                        "text/csv; charset=UTF-8")
    accepted = time.time()
    must(status == 202, f"the timed import answered {status}: {body}")
    job = body["id"]
    readings = []
    while True:
        time.sleep(2)
        status, _, body = client.call("import", "GET", f"/api/v1/applications/imports/{job}",
                                      tokens.get("integration"))
        if status != 200:
            continue
        readings.append({"t": round(time.time() - started, 1), "status": body["status"],
                         "rowsProcessed": body.get("rowsProcessed"), "created": body.get("created"),
                         "failed": body.get("failed")})
        if body["status"] in ("SUCCEEDED", "FAILED"):
            break
    result = {"rows": rows, "bytes": len(text.encode()), "toAcceptedSeconds": round(accepted - started, 2),
              "toEndSeconds": round(time.time() - started, 1), "status": body["status"],
              "created": body.get("created"), "unchanged": body.get("unchanged"), "failed": body.get("failed"),
              "readings": readings}
    json.dump(result, open(os.path.join(work, "import.json"), "w"))
    print(json.dumps({k: v for k, v in result.items() if k != "readings"}))


def psql(service, sql):
    env = dict(os.environ, PGPASSWORD=os.environ.get("PASSERELLE_DB_PASSWORD", "passerelle"),
               PGOPTIONS="-c client_min_messages=warning")
    out = subprocess.run(["psql", "-X", "-q", "-w", "-tA", "-F", "|", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                          "-p", os.environ.get("PASSERELLE_DB_PORT", "5432"), "-U", f"passerelle_{service}",
                          "-d", f"passerelle_{service}_{os.environ.get('PASSERELLE_APP_INSTANCE', 'soak')}",
                          "-c", sql], env=env, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"psql on {service}: {out.stderr.strip()}")
    return [line.split("|") for line in out.stdout.splitlines() if line]


def check(work, grace):
    fixtures = json.load(open(os.path.join(work, "fixtures.json")))
    requests = [json.loads(line) for line in open(os.path.join(work, "requests.jsonl"))]
    acks = [json.loads(line) for line in open(os.path.join(work, "acks.jsonl"))]
    faults = [json.loads(line) for line in open(os.path.join(work, "faults.jsonl"))]
    extra = json.load(open(os.path.join(work, "after.json")))
    problems = []

    # Requests by kind and answer.
    by_kind = {}
    for r in requests:
        k = by_kind.setdefault(r["kind"], {"requests": 0, "2xx": 0, "4xx": 0, "5xx": 0, "no answer": 0})
        k["requests"] += 1
        s = r["status"]
        if 200 <= s < 300:
            k["2xx"] += 1
        elif 400 <= s < 500:
            k["4xx"] += 1
        elif s >= 500:
            k["5xx"] += 1
        else:
            k["no answer"] += 1
    renewed = [r for r in requests if r.get("renewed")]
    unexpected_4xx = [r for r in requests if 400 <= r["status"] < 500 and r["status"] not in (409,)
                      and not r.get("renewed")]

    # Outage windows: from a fault's start to its part being ready again plus the grace the gateway's
    # breaker and the pools need; 5xx and unanswered requests outside them are failures.
    windows = [(f["start"], f["ready"] + grace) for f in faults]

    def inside(r):
        return any(r["start"] <= end and r["end"] >= start for start, end in windows)

    failing = [r for r in requests if r["status"] >= 500 or r["status"] == 0 or r["status"] == -1]
    outside = [r for r in failing if not inside(r) or r["status"] == -1]
    not_503 = [r for r in requests if r["status"] >= 500 and not (
        r["status"] == 503 and r["ctype"].startswith("application/problem+json") and r.get("retryAfter"))]
    # Each failure belongs to the latest fault begun before it whose window holds it (windows
    # overlap in the short run).
    owner = {}
    for i, r in enumerate(failing):
        holding = [f for f in faults if f["start"] <= r["end"] and r["start"] <= f["ready"] + grace]
        if holding:
            owner[i] = max(holding, key=lambda f: f["start"])["fault"]
    recovery = []
    for f in faults:
        hit = [r for i, r in enumerate(failing) if owner.get(i) == f["fault"]]
        last_bad = max((r["end"] for r in hit), default=None)
        recovery.append({"fault": f["fault"], "partReadyAfter": round(f["ready"] - f["start"], 1),
                         "failedRequests": len(hit),
                         "answers": sorted({str(r["status"] or r["error"]) for r in hit}),
                         "trafficRecoveredAfter": round(last_bad - f["start"], 1) if last_bad else 0.0})

    # Acknowledged writes: present, and their events applied downstream exactly once.
    applied = [a["application"] for a in acks if a["kind"] == "apply"]
    accepted = [a["application"] for a in acks if a["kind"] == "accept"]
    rejected = [a["application"] for a in acks if a["kind"] == "reject"]
    imports = [a for a in acks if a["kind"] == "import"]
    attendance = {}
    for a in acks:
        if a["kind"] == "attendance":
            attendance[a["day"]] = a["records"]

    def ids(values):
        return ",".join(f"'{v}'" for v in values) or "null"

    enrollment_apps = {row[0]: row[1] for row in psql(
        "enrollment", "select a.id, a.status from application a where a.intake_id = '"
        + fixtures["recruiting"] + "'")}
    lost_apps = [a for a in applied + accepted + rejected if a not in enrollment_apps]
    wrong_status = [a for a in accepted if enrollment_apps.get(a) != "ENROLLED"] + \
        [a for a in rejected if enrollment_apps.get(a) != "REJECTED"]
    # Imports: every job ended, every row created, each reference once.
    import_rows, import_created, import_problems = 0, 0, []
    for imp in imports:
        row = psql("enrollment", f"select status, created, failed from application_import where id = '{imp['job']}'")
        if not row or row[0][0] != "SUCCEEDED":
            import_problems.append(f"import {imp['job']}: {row}")
            continue
        import_rows += imp["rows"]
        import_created += int(row[0][1])
        if int(row[0][2]):
            # The report holds no personal data: each failed row's problem says why.
            why = psql("enrollment", "select row_number, result::json->'problem'->>'type', "
                       "result::json->'problem'->>'detail' from application_import_row where import_id = '"
                       + imp["job"] + "' and outcome = 'FAILED' order by row_number limit 3")
            import_problems.append(f"import {imp['job']}: {row[0][2]} rows failed, e.g. {why}")
    refs = [ref for imp in imports for ref in imp["refs"]]
    ref_counts = psql("enrollment", "select count(*), count(distinct external_ref) from application where "
                      "external_ref like 'SOAK-" + fixtures["run"] + "-%'") if refs else [["0", "0"]]
    # cohort-service: each application learned once (the intake's counter counts events applied).
    known = {row[0] for row in psql("cohort", "select application_id from known_application where cohort_id = '"
                                    + fixtures["recruiting"] + "'")}
    received = int(psql("cohort", "select applications_received from cohort where id = '"
                        + fixtures["recruiting"] + "'")[0][0])
    missing_downstream = [a for a in enrollment_apps if a not in known]
    seats = {}
    for row in psql("cohort", "select application_id, count(*) from cohort_learner where cohort_id = '"
                    + fixtures["recruiting"] + "' group by application_id"):
        seats[row[0]] = int(row[1])
    seat_problems = [a for a in accepted if seats.get(a) != 1] + [a for a in seats if seats[a] != 1]
    attendance_rows = {(row[0], row[1]): row[2] for row in psql(
        "cohort", "select a.session_date, l.learner_id, a.status from attendance a join cohort_learner l "
        "on l.id = a.cohort_learner_id where l.cohort_id = '" + fixtures["running"] + "'")}
    lost_attendance = [(d, r["learnerId"]) for d, recs in attendance.items() for r in recs
                       if (d, r["learnerId"]) not in attendance_rows]

    writes = len(applied) + len(accepted) + len(rejected) + len(attendance) + import_created
    losses = len(lost_apps) + len(lost_attendance) + max(0, len(refs) - int(ref_counts[0][1]))
    duplicates = (received - len(known)) + sum(max(0, c - 1) for c in seats.values()) + \
        (int(ref_counts[0][0]) - int(ref_counts[0][1]))
    if losses:
        problems.append(f"{losses} acknowledged writes lost: {lost_apps[:5]} {lost_attendance[:5]}")
    if duplicates:
        problems.append(f"{duplicates} effects applied twice (intake counter {received} for {len(known)} "
                        f"applications known)")
    if missing_downstream:
        problems.append(f"{len(missing_downstream)} applications never reached cohort-service")
    if wrong_status or seat_problems:
        problems.append(f"decisions without their effect: {wrong_status[:5]} seats {seat_problems[:5]}")
    if import_problems:
        problems.append("; ".join(import_problems[:5]))
    if outside:
        problems.append(f"{len(outside)} failed requests outside the outage windows, e.g. {outside[:3]}")
    if not_503:
        problems.append(f"{len(not_503)} 5xx answers that are not a 503 problem+json with Retry-After, "
                        f"e.g. {not_503[:3]}")
    if unexpected_4xx:
        problems.append(f"{len(unexpected_4xx)} unexpected 4xx answers, e.g. {unexpected_4xx[:3]}")
    problems += extra.get("problems", [])

    summary = {"byKind": by_kind, "renewedTokens": len(renewed), "acknowledgedWrites": writes, "losses": losses, "duplicates": duplicates,
               "failedOutsideWindows": len(outside), "fiveHundredsNot503": len(not_503), "recovery": recovery,
               "problems": problems, "after": extra}
    json.dump(summary, open(os.path.join(work, "summary.json"), "w"), indent=1)
    print(table(summary))
    for p in problems:
        print("FAILED: " + p)
    return 1 if problems else 0


def table(s):
    lines = ["| kind | requests | 2xx | 4xx | 5xx | no answer |", "|---|---|---|---|---|---|"]
    for kind, k in sorted(s["byKind"].items()):
        if kind == "setup":
            continue
        lines.append(f"| {kind} | {k['requests']:,} | {k['2xx']:,} | {k['4xx']:,} | {k['5xx']:,} | {k['no answer']:,} |")
    lines += ["", f"- acknowledged writes: {s['acknowledgedWrites']:,}; lost: {s['losses']}; applied twice: "
              f"{s['duplicates']}; failed requests outside the outage windows: {s['failedOutsideWindows']}; "
              f"5xx not a 503 problem with Retry-After: {s['fiveHundredsNot503']}; 401s answered with a new "
              f"token (Keycloak's new keys after its restart): {s['renewedTokens']}", "",
              "| fault | part ready after | failed requests | their answers | traffic recovered after |",
              "|---|---|---|---|---|"]
    for r in s["recovery"]:
        lines.append(f"| {r['fault']} | {r['partReadyAfter']} s | {r['failedRequests']} | "
                     f"{', '.join(r['answers']) or '-'} | {r['trafficRecoveredAfter']} s |")
    after = s["after"]
    if after.get("rss"):
        lines += ["", "| JVM | RSS warm (after the last restart) | RSS at the end | growth |", "|---|---|---|---|"]
        for part, r in after["rss"].items():
            lines.append(f"| {part} | {r['start']} MB | {r['end']} MB | {r['growth']} % |")
    if "outboxPending" in after:
        lines += ["", f"- outbox pending at the end: {after['outboxPending']}; consumer lag at the end: "
                  f"{after.get('consumerLag')}; log lines scanned: {after.get('logLines')}, with personal data or "
                  f"a token: {after.get('logFindings')}"]
    return "\n".join(lines)


def main(argv):
    cmd, work = argv[1], argv[2]
    if cmd == "setup":
        setup(work, argv[3], argv[4])
    elif cmd == "load":
        Load(work, argv[3], argv[4], float(argv[5]), workers=int(os.environ.get("SOAK_WORKERS", "6")),
             pause=float(os.environ.get("SOAK_PAUSE", "0.1")),
             import_rows=int(os.environ.get("SOAK_IMPORT_ROWS", "2000"))).run()
    elif cmd == "import":
        timed_import(work, argv[3], argv[4], int(argv[5]))
    elif cmd == "check":
        return check(work, float(argv[3]))
    else:
        raise SystemExit(f"unknown command {cmd}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
