#!/usr/bin/env python3
"""How busy the machine was during the benchmark, from /proc.

  machine.py snap FILE                 the machine's CPU counters and every process's CPU time
  machine.py diff START END PID...     JSON: the machine's busy share between the two snapshots,
                                       and the share of processes that are not the benchmark's
                                       (not the PIDs given, nor their descendants, nor PostgreSQL,
                                       Kafka or Keycloak), with the busiest of them.
Processes that started and ended between the snapshots are in the machine's figure only."""
import json
import os
import sys

TICK = os.sysconf("SC_CLK_TCK")


def cpu_line():
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return sum(fields[:8]), idle


def processes():
    found = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
            uid = os.stat(f"/proc/{pid}").st_uid
        except OSError:
            continue
        rest = stat[stat.rindex(")") + 2:].split()
        found[pid] = {"ppid": rest[1], "start": rest[19], "cpu": int(rest[11]) + int(rest[12]),
                      "cmd": cmd[:300], "uid": uid}
    return found


def snap(path):
    total, idle = cpu_line()
    with open(path, "w") as f:
        json.dump({"total": total, "idle": idle, "procs": processes()}, f)


def label(cmd):
    if "surefire" in cmd or "failsafe" in cmd:
        return "java (Maven tests)"
    if "plexus-classworlds" in cmd or "maven" in cmd:
        return "java (Maven build)"
    if cmd.startswith("java") or "/bin/java" in cmd:
        return "java (" + cmd.split()[-1][-60:] + ")"
    return cmd.split()[0][-60:] if cmd else "kernel threads"


def diff(start_path, end_path, ours):
    with open(start_path) as f:
        start = json.load(f)
    with open(end_path) as f:
        end = json.load(f)
    elapsed = end["total"] - start["total"]
    busy = elapsed - (end["idle"] - start["idle"])
    procs = end["procs"]
    mine = set(ours)
    changed = True
    while changed:  # descendants of the benchmark's processes are the benchmark's too
        changed = False
        for pid, p in procs.items():
            if pid not in mine and p["ppid"] in mine:
                mine.add(pid)
                changed = True
    others = {}
    for pid, p in procs.items():
        before = start["procs"].get(pid)
        used = p["cpu"] - (before["cpu"] if before and before["start"] == p["start"] else 0)
        infra = ("kafka.Kafka" in p["cmd"] or "keycloak" in p["cmd"] or p["cmd"].startswith("postgres")
                 or "/postgres" in p["cmd"].split(" ")[0])
        if pid in mine or infra or used <= 0:
            continue
        name = label(p["cmd"])
        others[name] = others.get(name, 0) + used
    share = lambda ticks: round(100.0 * ticks / elapsed, 1) if elapsed > 0 else 0.0
    top = sorted(others.items(), key=lambda kv: -kv[1])[:4]
    print(json.dumps({
        "busy_pct": share(busy),
        "others_pct": share(sum(others.values())),
        "others_top": [f"{name} {share(ticks)} %" for name, ticks in top if share(ticks) >= 0.5]}))


if __name__ == "__main__":
    if sys.argv[1] == "snap":
        snap(sys.argv[2])
    elif sys.argv[1] == "diff":
        diff(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        sys.exit("usage: machine.py snap FILE | diff START END PID...")
