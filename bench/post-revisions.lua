-- wrk script: every request posts a distinct, valid revision of spec "bench", so each 201 is
-- one durable write (synchronous=FULL) and none is deduplicated as identical content.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local body = string.format(
    "version: trafficspec/v1\nname: bench\ngateway:\n  listeners:\n    - {name: http, protocol: HTTP, port: 80}\n" ..
    "routes:\n  - name: main\n    pathPrefix: /r%d-%d\n    backends: [{service: bench, port: 8000}]\n",
    id, counter)
  return wrk.format("POST", "/v1/specs/bench/revisions",
    { ["Content-Type"] = "application/yaml", ["Authorization"] = "Bearer " .. os.getenv("TRAFFICSPEC_ADMIN_TOKEN") }, body)
end
