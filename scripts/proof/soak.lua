-- wrk script for scripts/proof/soak.sh: a mix of reads and writes against spec "soak".
--
--   SOAK_WRITE_PERCENT % POST a distinct revision (every 201 is a durable write)
--   45 %                 GET the rendered manifests of a seeded revision (YAML or JSON List)
--   20 %                 GET a seeded revision's document
--   the rest             list the spec's revisions, or the specs, one page
--
-- Environment: TRAFFICSPEC_ADMIN_TOKEN, SOAK_SEEDED (revisions 1..N exist), SOAK_WRITE_PERCENT.
-- done() prints "soak-status CODE COUNT" for every status seen, for the caller to check.
local threads = {}
local token = os.getenv("TRAFFICSPEC_ADMIN_TOKEN")
local seeded = tonumber(os.getenv("SOAK_SEEDED") or "20")
local write_percent = tonumber(os.getenv("SOAK_WRITE_PERCENT") or "10")
local counter = 0
statuses = {}  -- global: done() reads it from each thread with thread:get

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(id * 7919 + os.time())
end

local function get(path, accept)
  local headers = { ["Authorization"] = "Bearer " .. token }
  if accept then headers["Accept"] = accept end
  return wrk.format("GET", path, headers)
end

function request()
  counter = counter + 1
  local roll = math.random(100)
  if roll <= write_percent then
    local body = string.format(
      "version: trafficspec/v1\nname: soak\ngateway:\n  listeners:\n    - {name: http, protocol: HTTP, port: 80}\n" ..
      "routes:\n  - name: main\n    pathPrefix: /w%d-%d\n    backends: [{service: soak, port: 8000}]\n",
      id, counter)
    return wrk.format("POST", "/v1/specs/soak/revisions",
      { ["Content-Type"] = "application/yaml", ["Authorization"] = "Bearer " .. token }, body)
  end
  local revision = math.random(seeded)
  roll = roll - write_percent
  if roll <= 35 then
    return get("/v1/specs/soak/revisions/" .. revision .. "/manifests")
  elseif roll <= 45 then
    return get("/v1/specs/soak/revisions/" .. revision .. "/manifests?kind=HTTPRoute", "application/json")
  elseif roll <= 65 then
    return get("/v1/specs/soak/revisions/" .. revision)
  elseif roll <= 80 then
    return get("/v1/specs/soak/revisions?limit=20")
  else
    return get("/v1/specs?limit=50")
  end
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    local seen = thread:get("statuses")
    for status, count in pairs(seen) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  for status, count in pairs(totals) do
    io.write(string.format("soak-status %d %d\n", status, count))
  end
end
