-- Open-loop pacing for wrk, which has no rate option of its own: wrk asks delay() before each
-- request on a connection, and every call takes the next slot of one global schedule of
-- rate-per-second slots, so the whole run sends at that rate whatever the latency, as long as
-- enough connections are free. A server that stalls puts the schedule behind; the requests it
-- owes then go out at once (so a stall shows in the latencies instead of being skipped), but
-- never more than one second's worth. wrk's timers have millisecond resolution, hence the
-- rounding. The clock is read through LuaJIT's FFI: wrk's Lua has no wall clock finer than 1 s.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } refgate_timespec;
  int clock_gettime(int clock_id, refgate_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local now_buffer = ffi.new("refgate_timespec")

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, now_buffer)
  return tonumber(now_buffer.tv_sec) * 1e3 + tonumber(now_buffer.tv_nsec) / 1e6
end

return function(rate)
  local interval = 1000 / rate
  local next_slot
  return function()
    local now = now_ms()
    next_slot = math.max(next_slot or now, now - 1000) + interval
    local wait = next_slot - now
    if wait <= 0 then
      return 0
    end
    return math.floor(wait + 0.5)
  end
end
