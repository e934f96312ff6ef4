-- wrk script: POST the body file named by BODY_FILE with CONTENT_TYPE and AUTHORIZATION,
-- and count non-2xx answers so a benchmark never reports refusals as throughput.
local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = os.getenv("CONTENT_TYPE")
wrk.headers["Authorization"] = os.getenv("AUTHORIZATION")

local failures = 0
response = function(status, headers, body)
  if status < 200 or status >= 300 then failures = failures + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.3f non2xx=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
