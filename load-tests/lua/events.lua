-- wrk script for the event endpoints (CONTRACT §5), one new event per request:
--   WRK_EVENT_KIND=signup   POST /v1/events/signup, a new user each time, attributed by a code
--                           drawn at random from WRK_CODES_FILE;
--   WRK_EVENT_KIND=billing  POST /v1/events/billing, an invoice.paid of a new payment for one of
--                           the users 1..WRK_SIGNED_UP that the signup run of id WRK_USERS_RUN
--                           created.
-- Event ids, user ids and payment ids are WRK_RUN_ID plus a sequence number, so runs never
-- collide and nothing is a replay; the sequence is per wrk thread, hence one thread only (run.sh
-- pins wrk to one CPU anyway), which also lets a billing run know the signup run's user ids.
-- Answers are counted by status: 201 created, 200 replayed, anything else.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local report = dofile(dir .. "report.lua")

local kind = assert(os.getenv("WRK_EVENT_KIND"), "WRK_EVENT_KIND is not set")
local run_id = assert(os.getenv("WRK_RUN_ID"), "WRK_RUN_ID is not set")
local api_key = assert(os.getenv("WRK_API_KEY"), "WRK_API_KEY is not set")
assert(kind == "signup" or kind == "billing", "WRK_EVENT_KIND must be signup or billing")

local threads = {}
local codes = {}
local users_run, signed_up
local sequence = 0
created, replayed, other = 0, 0, 0

function setup(thread)
  assert(#threads == 0, "events.lua needs wrk -t1")
  threads[1] = thread
end

function init(args)
  if kind == "signup" then
    local codes_file = assert(os.getenv("WRK_CODES_FILE"), "WRK_CODES_FILE is not set")
    for line in io.lines(codes_file) do
      codes[#codes + 1] = line
    end
  else
    users_run = assert(os.getenv("WRK_USERS_RUN"), "WRK_USERS_RUN is not set")
    signed_up = assert(tonumber(os.getenv("WRK_SIGNED_UP")), "WRK_SIGNED_UP is not set")
    assert(signed_up > 0, "the signup run created no users")
  end
  wrk.method = "POST"
  wrk.path = "/v1/events/" .. kind
  wrk.headers["Authorization"] = "Bearer " .. api_key
  wrk.headers["Content-Type"] = "application/json"
end

local function signup_body(n)
  local user = string.format("ee-%s-%d", run_id, n)
  return string.format('{"event_id":"sg-%s-%d","new_user_id":"%s","email":"%s@buyer.example","code":"%s"}',
    run_id, n, user, user, codes[math.random(#codes)])
end

local function billing_body(n)
  return string.format('{"event_id":"bl-%s-%d","type":"invoice.paid","new_user_id":"ee-%s-%d",'
    .. '"payment_id":"pay-%s-%d","amount_minor":10000,"currency":"EUR"}',
    run_id, n, users_run, math.random(signed_up), run_id, n)
end

function request()
  sequence = sequence + 1
  local body = kind == "signup" and signup_body(sequence) or billing_body(sequence)
  return wrk.format(nil, nil, nil, body)
end

function response(status)
  if status == 201 then
    created = created + 1
  elseif status == 200 then
    replayed = replayed + 1
  else
    other = other + 1
  end
end

function done(summary, latency)
  local totals = { created = 0, replayed = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for name in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
  end
  report(summary, latency, {
    "created=" .. totals.created, "replayed=" .. totals.replayed, "other_status=" .. totals.other })
end
