-- wrk script for GET /r/{code}, as a browser sends it (a browser User-Agent: without one a
-- request counts as a bot and gets no cookies). Codes come from the file WRK_CODES_FILE, one per
-- line; the line number is the code's popularity rank, and each request has a rank drawn with
-- Zipf-like odds (rank k weighs k^-s, s = WRK_ZIPF_S), by binary search over the cumulative
-- weights. With WRK_RATE set, requests are paced to that many per second (see pacing.lua).
-- Settings come from the environment because wrk looks for delay() before it runs init().
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local report = dofile(dir .. "report.lua")

local USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
local codes_file = assert(os.getenv("WRK_CODES_FILE"), "WRK_CODES_FILE is not set")
local zipf_s = tonumber(os.getenv("WRK_ZIPF_S") or "1.1")
local rate = tonumber(os.getenv("WRK_RATE") or "")

local codes, cumulative, requests = {}, {}, {}
local head, tail = "GET /r/", nil

-- The request texts of 2^20 draws, made in init() and sent in turn: a draw per request (a random
-- number, a binary search, a string) costs wrk enough CPU to make it, not the server, the
-- bottleneck at nginx's rate. 2^20 draws keep the Zipf shape and, with a million links, a working
-- set far larger than the gateway's local cache; only codes drawn take memory.
local DRAWS = 2 ^ 20
local sequence, next_draw = {}, 0

local function pick_rank()
  local u = math.random()
  local lo, hi = 1, #cumulative
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cumulative[mid] < u then
      lo = mid + 1
    else
      hi = mid
    end
  end
  return lo
end

local function draw_sequence()
  for i = 1, DRAWS do
    local rank = pick_rank()
    local text = requests[rank]
    if text == nil then
      text = head .. codes[rank] .. tail
      requests[rank] = text
    end
    sequence[i] = text
  end
end

function init(args)
  for line in io.lines(codes_file) do
    codes[#codes + 1] = line
  end
  assert(#codes > 0, codes_file .. " holds no codes")
  local total = 0
  for rank = 1, #codes do
    total = total + rank ^ -zipf_s
    cumulative[rank] = total
  end
  for rank = 1, #codes do
    cumulative[rank] = cumulative[rank] / total
  end
  tail = " HTTP/1.1\r\nHost: " .. wrk.host .. ":" .. wrk.port .. "\r\nUser-Agent: " .. USER_AGENT
      .. "\r\nAccept: text/html\r\n\r\n"
  draw_sequence()
end

function request()
  next_draw = next_draw % DRAWS + 1
  return sequence[next_draw]
end

if rate then
  delay = dofile(dir .. "pacing.lua")(rate)
end

function done(summary, latency)
  report(summary, latency, rate and { string.format("target_rps=%.0f", rate) } or nil)
end
