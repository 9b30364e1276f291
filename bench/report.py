#!/usr/bin/env python3
"""Writes the benchmark's results table (markdown) from its measures and the run's description.

Usage: report.py RESULTS.jsonl META.json > table.md
RESULTS: one JSON object per measure and round ({"measure", "round", figures...});
META: the run (date, commit, mode, machine, load, memory of each JVM, failures)."""
import json
import statistics
import sys

results_path, meta_path = sys.argv[1], sys.argv[2]
rounds = {}
with open(results_path) as f:
    for line in f:
        if line.strip():
            r = json.loads(line)
            rounds.setdefault(r["measure"], []).append(r)
with open(meta_path) as f:
    meta = json.load(f)
failed = set(meta.get("failed", []))


def values(measure, field):
    return [r[field] for r in rounds.get(measure, []) if r.get(field) is not None]


def mean(measure, field):
    v = values(measure, field)
    return statistics.mean(v) if v else None


def num(x, decimals=0):
    if x is None:
        return "?"
    return f"{x:,.{decimals}f}"


def span(measure, field, unit, decimals=0):
    v = values(measure, field)
    if not v:
        return "not measured"
    lo, hi = min(v), max(v)
    text = num(lo, decimals) if lo == hi or len(v) == 1 else f"{num(lo, decimals)}–{num(hi, decimals)}"
    return f"{text} {unit}".strip()


def latency(measure, p50=True):
    parts = []
    if p50:
        parts.append("p50 " + span(measure, "p50_ms", "ms", 1))
    parts.append("p99 " + span(measure, "p99_ms", "ms", 1))
    return ", ".join(parts)


def cell(measure, text):
    if measure in failed:
        return f"**FAILED** ({text})"
    return text


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


def verdict(value, target, at_least=True):
    if value is None:
        return "?"
    ok = value >= target if at_least else value <= target
    return "met" if ok else "**not met**"


rows = []


def row(work, ours, other, value, target_text, target, at_least=True, measures=()):
    mark = verdict(value, target, at_least) if target is not None else ""
    if failed.intersection(measures) or "**FAILED**" in ours + other:
        mark = "**failed**"
    shown = "?" if value is None else f"{value:.3f}×" if value < 0.1 else f"{value:.2f}×"
    rows.append((work, ours, other, shown, target_text, mark))


get_d, get_g, get_p = (mean(m, "rps") for m in ("get_direct", "get_gateway", "get_peer"))
post_d, post_g, post_p = (mean(m, "ok_rps") for m in ("post_direct", "post_gateway", "post_peer"))
post_g99, post_p99 = mean("post_gateway", "p99_ms"), mean("post_peer", "p99_ms")
peer_get = cell("get_peer", f"peer `GET /fruits/Apple`: {span('get_peer', 'rps', 'req/s')}, {latency('get_peer', False)}")
peer_post = cell("post_peer", f"peer `POST /fruits`: {span('post_peer', 'ok_rps', 'creates/s')}, {latency('post_peer')}")

row("GET one cohort, straight to cohort-service (token checked)",
    cell("get_direct", f"{span('get_direct', 'rps', 'req/s')}, {latency('get_direct', False)}"),
    peer_get, ratio(get_d, get_p), "≥ 1.0× peer", 1.0)
row("the same GET through the gateway",
    cell("get_gateway", f"{span('get_gateway', 'rps', 'req/s')}, {latency('get_gateway', False)}"),
    peer_get, ratio(get_g, get_p), "≥ 0.7× peer", 0.7)
row("GET: gateway / direct", "", "", ratio(get_g, get_d), "≥ 0.75", 0.75, measures=("get_direct", "get_gateway"))
row("POST an application straight to enrollment-service",
    cell("post_direct", f"{span('post_direct', 'ok_rps', 'creates/s')}, {latency('post_direct')}"),
    peer_post, ratio(post_d, post_p), "(no target)", None)
row("the same POST through the gateway",
    cell("post_gateway", f"{span('post_gateway', 'ok_rps', 'creates/s')}, {latency('post_gateway')}"),
    peer_post, ratio(post_g, post_p), "≥ 0.35× peer", 0.35)
row("POST through the gateway: p99 / peer's p99", "", "", ratio(post_g99, post_p99), "≤ 5×", 5.0, False,
    measures=("post_gateway", "post_peer"))
row("POST: gateway / direct", "", "", ratio(post_g, post_d), "≥ 0.75", 0.75, measures=("post_direct", "post_gateway"))
row("POST through the gateway / the insert limit", "",
    cell("pgbench", f"pgbench one-row insert: {span('pgbench', 'tps', 'tps')}"),
    ratio(post_g, mean("pgbench", "tps")), "(no target)", None, measures=("post_gateway",))
small, large = meta.get("rows_small"), meta.get("rows_large")
for kind, label in (("list", "list applications, page of 20 (staff scope, newest first)"),
                    ("search", "search `q=martin`, page of 20 (staff scope)")):
    row(f"{label}, at {num(large)} applications vs {num(small)}",
        cell(f"{kind}_large", f"at {num(large)}: {span(f'{kind}_large', 'rps', 'req/s', 1)}, {latency(f'{kind}_large')}"),
        cell(f"{kind}_small", f"at {num(small)}: {latency(f'{kind}_small')}"),
        ratio(mean(f"{kind}_large", "p99_ms"), mean(f"{kind}_small", "p99_ms")), "p99 ≤ 2×", 2.0, False)
row(f"event effect: 201 of a POST to cohort-service's known application, at {span('event_effect', 'rate', 'per s')}",
    cell("event_effect", latency("event_effect")),
    cell("kafka_roundtrip", f"raw Kafka produce→consume at the same rate: {latency('kafka_roundtrip')}"),
    ratio(mean("event_effect", "p99_ms"), mean("kafka_roundtrip", "p99_ms")), "p99 ≤ 1.5×", 1.5, False)
rss = meta.get("rss", {})
peer_rss = rss.get("peer", {}).get("rss_mb")
for part in ("enrollment", "cohort", "partnership", "placement", "gateway"):
    if part in rss:
        row(f"RSS of {part} after the load", f"{rss[part]['rss_mb']} MB (peak {rss[part]['peak_mb']} MB)",
            f"peer: {peer_rss} MB (peak {rss.get('peer', {}).get('peak_mb')} MB)",
            ratio(rss[part]["rss_mb"], peer_rss), "≤ 1.0× peer", 1.0, False)

out = []
m = meta
out.append(f"## {m['date']} · commit `{m['commit']}`{' · ' + m['mode'] if m.get('mode') else ''}")
out.append("")
out.append("| work | Passerelle | peer or limit, same run | ratio | target | |")
out.append("|---|---|---|---|---|---|")
for r in rows:
    out.append("| " + " | ".join(r) + " |")
out.append("")
mach = m["machine"]
out.append(f"- Machine: {mach['cpu']}, {mach['nproc']} CPUs, {mach['memory']} memory; "
           f"PostgreSQL {mach['postgres']}; {mach['java']}; wrk {mach['wrk']}.")
out.append(f"- Load: loadavg {m['load_before']} before, {m['load_after']} after. Machine busy "
           f"{m['cpu']['busy_pct']} % during the measures; processes outside the benchmark (not its JVMs, "
           f"wrk, PostgreSQL, Kafka, Keycloak) {m['cpu']['others_pct']} %"
           + (f" ({', '.join(m['cpu']['others_top'])})" if m['cpu'].get('others_top') else "") + ".")
busy = [f"{k} {v} %" for k, v in m.get("busy_by_measure", {}).items()]
if busy:
    out.append("- Machine busy per measure (last round): " + ", ".join(busy) + ".")
out.append(f"- Method: {m['method']}")
out.append(f"- Heap: {m['heap']}")
if m.get("seed_seconds") is not None:
    out.append(f"- Seeded {num(small)} then {num(large)} applications with SQL in {m['seed_seconds']} s (then ANALYZE).")
if failed:
    out.append(f"- **Failed measures** (a non-2xx answer or a socket error): {', '.join(sorted(failed))}.")
out.append(f"- Run took {m['duration_s']} s.")
out.append("")
print("\n".join(out))
