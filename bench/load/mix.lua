-- wrk script of the load benchmark: POSTs the GraphQL request bodies of a file (one JSON body a line, written by
-- mix.py) in turn (a line "GET <path>" is sent as a GET of that path, Accept text/turtle: the DCAT pages), each wrk thread starting at a different place, and counts errors in the response() hook:
-- an HTTP status other than 200, or a 200 whose body carries GraphQL "errors".
-- Usage: wrk -t2 -c50 -d60s -s mix.lua http://127.0.0.1:PORT/graphql -- requests.jsonl
-- done() prints one machine-readable RESULT line (read by run.sh).

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local bodies = {}
local position = 0
http_errors = 0
graphql_errors = 0
first_error = ""

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then
      bodies[#bodies + 1] = line
    end
  end
  if #bodies == 0 then
    error("no request bodies in " .. tostring(args[1]))
  end
  position = (id * 7919) % #bodies
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end

function request()
  position = position % #bodies + 1
  local line = bodies[position]
  if string.sub(line, 1, 4) == "GET " then
    return wrk.format("GET", string.sub(line, 5), {["Accept"] = "text/turtle"}, nil)
  end
  return wrk.format(nil, nil, nil, line)
end

function response(status, headers, body)
  if status ~= 200 then
    http_errors = http_errors + 1
    if first_error == "" then first_error = "HTTP " .. status .. ": " .. string.sub(body or "", 1, 200) end
  elseif string.sub(body, 1, 1) == "{" and string.find(body, '"errors":', 1, true) then
    graphql_errors = graphql_errors + 1
    if first_error == "" then first_error = string.sub(body, 1, 300) end
  end
end

function done(summary, latency, requests)
  local http, graphql, sample = 0, 0, ""
  for _, thread in ipairs(threads) do
    http = http + thread:get("http_errors")
    graphql = graphql + thread:get("graphql_errors")
    local e = thread:get("first_error")
    if sample == "" and e ~= nil then sample = e end
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f "
      .. "http_errors=%d graphql_errors=%d socket_errors=%d errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, http, graphql, socket, http + graphql + socket))
  if sample ~= "" then
    io.write("FIRST_ERROR " .. string.gsub(sample, "\n", " ") .. "\n")
  end
end
