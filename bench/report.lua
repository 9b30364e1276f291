-- Appended to every wrk script of the benchmark: prints the run's figures as one JSON line.
-- wrk counts as "status errors" the answers >= 400 (its "Non-2xx or 3xx responses"); none of the
-- measured endpoints redirects, so non2xx > 0 means a refused or failed request.
function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "seconds": %.3f, "non2xx": %d, "socket_errors": %d,'
      .. ' "rps": %.1f, "ok_rps": %.1f, "p50_ms": %.2f, "p90_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f}\n',
    summary.requests, seconds, e.status, e.connect + e.read + e.write + e.timeout,
    summary.requests / seconds, (summary.requests - e.status) / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
