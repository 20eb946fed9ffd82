-- The one machine-readable line a wrk run ends with; run.sh parses it. wrk records latency in
-- microseconds; its own --latency table stops at p99, so p99.9 comes from here.
-- "ok" counts answers below 400: wrk counts only those of 400 and up as status errors, and the
-- endpoints measured answer nothing else below 400 than their success status.
return function(summary, latency, extra)
  local errors = summary.errors
  local seconds = summary.duration / 1e6
  local fields = {
    string.format("requests=%d", summary.requests),
    string.format("seconds=%.3f", seconds),
    string.format("rps=%.1f", summary.requests / seconds),
    string.format("ok=%d", summary.requests - errors.status),
    string.format("status_errors=%d", errors.status),
    string.format("socket_errors=%d", errors.connect + errors.read + errors.write + errors.timeout),
    string.format("p50_ms=%.3f", latency:percentile(50) / 1000),
    string.format("p99_ms=%.3f", latency:percentile(99) / 1000),
    string.format("p999_ms=%.3f", latency:percentile(99.9) / 1000),
    string.format("max_ms=%.3f", latency.max / 1000),
  }
  for _, field in ipairs(extra or {}) do
    fields[#fields + 1] = field
  end
  io.write("WRK ", table.concat(fields, " "), "\n")
end
