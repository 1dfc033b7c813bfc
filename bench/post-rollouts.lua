-- wrk script: every request records one rollout of spec "bench" (its latest revision) to one of
-- eight environments in turn, as the bootstrap admin. Each 201 is a render, a validation of
-- the manifests and a durable write of the rollout with its audit event.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"revision": "latest", "environment": "env-%d-%d", "reason": "bench rollout %d"}', id, counter % 8, counter)
  return wrk.format("POST", "/v1/specs/bench/rollouts",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TRAFFICSPEC_ADMIN_TOKEN") }, body)
end
