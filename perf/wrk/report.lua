-- Shared by every wrk script of the benchmark: the bearer token from $TOKEN and one machine-readable
-- result line (PERF_RESULT …) that run-benchmarks.sh parses. Status codes are counted per thread.
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("TOKEN"), "TOKEN is not set")

statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for code, n in pairs(s) do counts[code] = (counts[code] or 0) + n end
  end
  local codes = {}
  for code, n in pairs(counts) do table.insert(codes, code .. ":" .. n) end
  table.sort(codes)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "PERF_RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f statuses=%s socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, table.concat(codes, ","), e.connect + e.read + e.write + e.timeout))
end
