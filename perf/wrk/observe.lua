-- POST /api/v1/indicators/{code}/observations with a valid body whose value differs request by request
-- (the thread id and a counter make every body distinct). $PERIOD (default 2023) is the reporting period.
dofile(os.getenv("PERF_WRK_DIR") .. "/report.lua")

local period = os.getenv("PERIOD") or "2023"
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function request()
  counter = counter + 1
  local value = 8 + ((id * 7919 + counter) % 4000) / 1000
  local body = string.format(
    '{"period":"%s","value":%.3f,"comment":"perf run, thread %d, report %d","source":"perf/run-benchmarks.sh"}',
    period, value, id, counter)
  return wrk.format(nil, nil, nil, body)
end
