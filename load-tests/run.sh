#!/usr/bin/env bash
# Refgate load tests: the method is DESIGN.md's "Performance is measured, not asserted", the
# scenarios and their output are described in load-tests/README.md.
#
#   load-tests/run.sh [redirect|events|scale|jmh]        (default: redirect)
#
# Progress goes to stderr; results go to stdout, whose last line is the scenario's one-line
# summary. Everything (raw wrk output, gateway log, nginx config, metrics, summary) is also kept
# in load-tests/results/<timestamp>-<scenario>/. Every setting below can be overridden from the
# environment; REFGATE_* variables in the environment reach the gateway too (except the ones this
# script sets), so a gateway setting can be tried without editing anything.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
readonly HERE REPO

# Load shape.
CONNECTIONS=${CONNECTIONS:-128}          # wrk connections in the throughput and fixed-rate runs
DURATION=${DURATION:-15}                 # seconds per measured run
ROUNDS=${ROUNDS:-3}                      # nginx/gateway rounds, alternated
WARMUP=${WARMUP:-20}                     # least seconds of gateway warm-up (JIT, caches, pools)
WARMUP_MAX=${WARMUP_MAX:-120}            # most seconds of gateway warm-up
JIT_SETTLED_PERCENT=${JIT_SETTLED_PERCENT:-2}  # warm-up ends only once the JIT works less than this share of a run
WARMUP_CHUNK=${WARMUP_CHUNK:-5}          # seconds per warm-up run
NGINX_WARMUP=${NGINX_WARMUP:-3}          # seconds of nginx warm-up
ZIPF_S=${ZIPF_S:-1.1}                    # popularity skew: rank k is drawn with weight k^-s
LINKS=${LINKS:-10000}                    # links seeded for redirect and events
SCALE_LINKS=${SCALE_LINKS:-1000000}      # links seeded for scale
SCALE_LOCAL_CACHE=${SCALE_LOCAL_CACHE:-50000}  # cache.local_max_entries in the scale run
EVENTS_CONNECTIONS=${EVENTS_CONNECTIONS:-32}
EVENTS_DURATION=${EVENTS_DURATION:-15}
EVENTS_WARMUP=${EVENTS_WARMUP:-20}            # least seconds of event warm-up (signups and billing in turn)
EVENTS_WARMUP_MAX=${EVENTS_WARMUP_MAX:-120}   # most seconds of event warm-up
JMH_ARGS=${JMH_ARGS:--wi 2 -i 3 -f 1 -w 1s -r 2s}
JMH_FILTER=${JMH_FILTER:-}               # a JMH benchmark regex; empty = all
# Placement: the server under test (gateway or nginx) on one core, wrk on the other.
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
# Where the gateway's PostgreSQL sessions run: a CPU, or "any" for wherever the scheduler puts them.
# By default wrk's for the redirect and scale, so that the gateway has its core to itself as nginx
# has, and any for events, where PostgreSQL does more of the work than wrk's core has to spare
# (load-tests/README.md, "Where PostgreSQL runs").
DB_CPU=${DB_CPU:-}
# The JVM flags README.md recommends for production (load-tests/README.md says what they bought).
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:--XX:+UseParallelGC -Xms320m -Xmx320m -Xmn192m}
# Loopback ports.
GATEWAY_PORT=${GATEWAY_PORT:-18080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-19090}
NGINX_PORT=${NGINX_PORT:-18081}
# The stores: a database and a Redis key prefix of the load tests' own, reset at every start.
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
LOAD_DB=${LOAD_DB:-refgate_load}
REDIS_HOST=${REDIS_HOST:-127.0.0.1}
REDIS_PORT=${REDIS_PORT:-6379}
REDIS_PREFIX=${REDIS_PREFIX:-refgate-load:}
KEEP_DB=${KEEP_DB:-0}                    # 1 = leave the load database and Redis keys for inspection

# What the seeded tenant's links answer; the nginx reference answers the same.
readonly DESTINATION=https://shop.example/signup
readonly COOKIE_MAX_AGE=7776000          # the default attribution window, 90 days
readonly BROWSER_UA="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"

# State the exit trap cleans up.
WORK=""
RESULTS=""
GATEWAY_PID=""
WRK_PID=""
NGINX_PID=""
STORE_CREATED=0
POLICY_RC=""
DB_PLACEMENT_FAILED=""

# Counts of the gateway's answers as wrk saw them, and how many could have been in flight when a
# wrk run stopped (answered by the gateway, never seen by wrk): one per connection per run.
GATEWAY_ANSWERED=0
GATEWAY_IN_FLIGHT_BOUND=0

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
result() { printf '%s\n' "$*" | tee -a "$RESULTS/summary.txt"; }
# calc FORMAT EXPRESSION: floating-point arithmetic, which bash lacks.
calc() { awk "BEGIN { printf \"$1\", ($2) }"; }
# field KEY LINE: the value of key=value in a line.
field() { tr ' ' '\n' <<<"$2" | awk -F= -v key="$1" '$1 == key { print $2; found = 1 } END { if (!found) print "n/a" }'; }
is_count() { [[ $1 =~ ^[0-9]+$ ]]; }

usage() {
  sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# --- set-up and clean-up -------------------------------------------------------------------------

check_settings() {
  local name
  for name in CONNECTIONS DURATION ROUNDS WARMUP WARMUP_MAX WARMUP_CHUNK NGINX_WARMUP LINKS SCALE_LINKS SCALE_LOCAL_CACHE EVENTS_CONNECTIONS \
      EVENTS_DURATION EVENTS_WARMUP EVENTS_WARMUP_MAX JIT_SETTLED_PERCENT SERVER_CPU LOAD_CPU GATEWAY_PORT MANAGEMENT_PORT NGINX_PORT PG_PORT REDIS_PORT; do
    is_count "${!name}" || die "$name must be a whole number, not '${!name}'"
  done
  ((ROUNDS >= 3)) || die "ROUNDS must be at least 3: a ratio from fewer rounds drowns in this machine's drift"
  ((CONNECTIONS > 0 && DURATION > 0 && LINKS > 0 && WARMUP_CHUNK > 0)) ||
    die "CONNECTIONS, DURATION, LINKS and WARMUP_CHUNK must be positive"
  [[ $ZIPF_S =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "ZIPF_S must be a number, not '$ZIPF_S'"
  # Never the gateway's own database or key space: both are wiped at every start.
  [[ $LOAD_DB =~ ^[a-z_][a-z0-9_]*$ && $LOAD_DB != refgate ]] || die "LOAD_DB must be a plain name other than refgate"
  [[ $REDIS_PREFIX =~ ^[A-Za-z0-9_.:-]+$ && $REDIS_PREFIX != refgate: ]] || die "REDIS_PREFIX must be a plain prefix other than refgate:"
  [[ $SERVER_CPU != "$LOAD_CPU" ]] || die "SERVER_CPU and LOAD_CPU must differ"
  [[ $DB_CPU == any ]] || { is_count "$DB_CPU" && (($(nproc --all) > DB_CPU)); } || die "DB_CPU must be a CPU of this machine or any, not '$DB_CPU'"
  (($(nproc --all) > SERVER_CPU && $(nproc --all) > LOAD_CPU)) || die "this machine has no CPU $SERVER_CPU or $LOAD_CPU"
}

require_commands() {
  local command
  for command in "$@"; do
    command -v "$command" >/dev/null || die "$command is needed and missing"
  done
}

nginx_binary() {
  command -v nginx || { [[ -x /usr/sbin/nginx ]] && echo /usr/sbin/nginx; }
}

# wrk and nginx from Debian's packages when missing.
install_load_tools() {
  local packages=()
  command -v wrk >/dev/null || packages+=(wrk)
  nginx_binary >/dev/null || packages+=(nginx-light)
  ((${#packages[@]})) || return 0
  local sudo=()
  [[ $(id -u) == 0 ]] || sudo=(sudo)
  log "installing ${packages[*]} with apt-get"
  # Debian's nginx package starts a system-wide nginx on port 80 when installed; a policy-rc.d
  # that says no keeps this script from leaving behind a server it did not start.
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee /usr/sbin/policy-rc.d >/dev/null
    "${sudo[@]}" chmod 755 /usr/sbin/policy-rc.d
    POLICY_RC=/usr/sbin/policy-rc.d
  fi
  local status=0
  {
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}" ||
      { "${sudo[@]}" apt-get update -q && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}"; } ||
      { packages=("${packages[@]/nginx-light/nginx}") &&
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}"; }
  } >&2 || status=$?
  remove_policy_rc
  ((status == 0)) || die "could not install ${packages[*]}"
}

remove_policy_rc() {
  [[ -n $POLICY_RC ]] || return 0
  local sudo=()
  [[ $(id -u) == 0 ]] || sudo=(sudo)
  "${sudo[@]}" rm -f "$POLICY_RC"
  POLICY_RC=""
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

check_ports_free() {
  local port
  for port in "$@"; do
    ! port_in_use "$port" || die "port $port is taken; choose others with GATEWAY_PORT, MANAGEMENT_PORT, NGINX_PORT"
  done
}

prepare_run() {
  local scenario=$1
  RESULTS="$HERE/results/$(date -u +%Y%m%dT%H%M%SZ)-$scenario"
  mkdir -p "$RESULTS"
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/refgate-load.XXXXXX")
  log "results go to ${RESULTS#"$REPO"/}"
}

# Stops whatever is still running, by pid, whether the run succeeded or failed half-way.
cleanup() {
  local status=$?
  if [[ -n $WRK_PID ]]; then
    kill "$WRK_PID" 2>/dev/null || true
    wait "$WRK_PID" 2>/dev/null || true
  fi
  remove_policy_rc
  stop_nginx
  stop_gateway
  if ((STORE_CREATED && !KEEP_DB)); then
    drop_store || log "could not drop database $LOAD_DB"
  fi
  [[ -z $WORK ]] || rm -rf "$WORK"
  exit "$status"
}

# --- the stores ----------------------------------------------------------------------------------

pg() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$@"; }
redis() { redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" "$@"; }

clear_redis_prefix() {
  redis --scan --pattern "${REDIS_PREFIX}*" | xargs -r -n 1000 redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" unlink >/dev/null
}

reset_store() {
  pg -d postgres -c 'SELECT 1' >/dev/null || die "PostgreSQL does not answer at $PG_HOST:$PG_PORT as $PG_USER"
  [[ $(redis ping) == PONG ]] || die "Redis does not answer at $REDIS_HOST:$REDIS_PORT"
  log "resetting database $LOAD_DB and Redis keys ${REDIS_PREFIX}*"
  pg -d postgres -c "DROP DATABASE IF EXISTS $LOAD_DB WITH (FORCE)" -c "CREATE DATABASE $LOAD_DB"
  STORE_CREATED=1
  clear_redis_prefix
}

drop_store() {
  pg -d postgres -c "DROP DATABASE IF EXISTS $LOAD_DB WITH (FORCE)"
  clear_redis_prefix
  STORE_CREATED=0
}

# --- the gateway ---------------------------------------------------------------------------------

# The jar to run: REFGATE_JAR, else target/refgate.jar, built when missing or older than the sources.
locate_jar() {
  if [[ -n ${REFGATE_JAR:-} ]]; then
    [[ -f $REFGATE_JAR ]] || die "REFGATE_JAR=$REFGATE_JAR does not exist"
    JAR=$(cd "$(dirname "$REFGATE_JAR")" && pwd)/$(basename "$REFGATE_JAR")
    return
  fi
  JAR=$REPO/target/refgate.jar
  if [[ ! -f $JAR || -n $(find "$REPO/src/main" "$REPO/pom.xml" "$REPO/config" -newer "$JAR" -print -quit) ]]; then
    require_commands mvn
    log "building the gateway (mvn -B -q package -DskipTests)"
    (cd "$REPO" && mvn -B -q package -DskipTests) >&2
  fi
}

# start_gateway [REFGATE_KEY=value ...]: the jar pinned to the server CPU, on loopback only.
start_gateway() {
  local java_opts=()
  read -ra java_opts <<<"$GATEWAY_JAVA_OPTS"
  ADMIN_TOKEN=load-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  log "starting the gateway on CPU $SERVER_CPU: $(basename "$JAR") ${java_opts[*]} $*"
  env -u REFGATE_JAR \
    REFGATE_HTTP_HOST=127.0.0.1 REFGATE_HTTP_PORT="$GATEWAY_PORT" \
    REFGATE_MANAGEMENT_HOST=127.0.0.1 REFGATE_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
    REFGATE_PUBLIC_BASE_URL="http://127.0.0.1:$GATEWAY_PORT" \
    REFGATE_PG_URL="postgresql://$PG_USER@$PG_HOST:$PG_PORT/$LOAD_DB" \
    REFGATE_REDIS_URL="redis://$REDIS_HOST:$REDIS_PORT" REFGATE_REDIS_KEY_PREFIX="$REDIS_PREFIX" \
    REFGATE_ADMIN_TOKEN="$ADMIN_TOKEN" \
    "$@" taskset -c "$SERVER_CPU" java "${java_opts[@]}" -jar "$JAR" >"$RESULTS/gateway.log" 2>&1 &
  GATEWAY_PID=$!
  local deadline=$((SECONDS + 120))
  until grep -qs 'Refgate listening' "$RESULTS/gateway.log"; do
    if ! kill -0 "$GATEWAY_PID" 2>/dev/null; then
      tail -n 20 "$RESULTS/gateway.log" >&2
      die "the gateway exited during start-up"
    fi
    ((SECONDS < deadline)) || die "the gateway did not start within 120 s"
    sleep 0.2
  done
}

# SIGTERM, so that the gateway stores its buffered clicks before it exits.
stop_gateway() {
  [[ -n $GATEWAY_PID ]] || return 0
  local pid=$GATEWAY_PID
  GATEWAY_PID=""
  if kill -TERM "$pid" 2>/dev/null; then
    log "stopping the gateway"
    local deadline=$((SECONDS + 40))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
      sleep 0.2
    done
    ! kill -KILL "$pid" 2>/dev/null || log "the gateway did not stop within 40 s and was killed"
  fi
  wait "$pid" 2>/dev/null || true
}

# The gateway is stopped only by this script; should it exit on its own (or be stopped by someone
# else) mid-run, every figure after that would be wrong.
require_gateway_running() {
  kill -0 "$GATEWAY_PID" 2>/dev/null || die "the gateway exited in the middle of the run; see $RESULTS/gateway.log"
}

scrape_metrics() {
  require_gateway_running
  curl -fsS "http://127.0.0.1:$MANAGEMENT_PORT/metrics" || die "the gateway's /metrics did not answer"
}

# Milliseconds the gateway's JIT compilers have worked since it started.
jit_ms() { scrape_metrics | awk '$1 ~ /^jvm_compilation_time_ms_total/ { sum += $NF } END { printf "%.0f", sum }'; }
# jit_settled MS SECONDS: whether MS of compiling in a run of SECONDS is under JIT_SETTLED_PERCENT.
jit_settled() { (($1 * 100 < $2 * 1000 * JIT_SETTLED_PERCENT)); }
# metric FILE SERIES: a series' value from a scrape saved in FILE, 0 when absent.
metric() { awk -v series="$2" '$1 == series { printf "%.0f", $2; found = 1 } END { if (!found) print 0 }' "$1"; }

save_metrics() { scrape_metrics >"$RESULTS/metrics-$1.txt"; }

# Waits until the click writer has stored every click answered so far; prints the seconds waited.
wait_for_clicks_stored() {
  local started=$SECONDS pending
  while :; do
    scrape_metrics >"$WORK/metrics.txt"
    pending=$(awk '$1 == "refgate_clicks_pending" { printf "%.0f", $2 }' "$WORK/metrics.txt")
    if [[ $pending == 0 ]]; then
      echo $((SECONDS - started))
      return
    fi
    if ((SECONDS - started > 60)); then
      log "warning: $pending clicks still pending after 60 s"
      echo $((SECONDS - started))
      return
    fi
    sleep 0.1
  done
}

# api METHOD PATH TOKEN BODY: a JSON call to the gateway; prints the body, fails on a non-2xx.
api() {
  curl -fsS -X "$1" "http://127.0.0.1:$GATEWAY_PORT$2" -H "Authorization: Bearer $3" \
    -H 'Content-Type: application/json' -d "$4"
}

json_string() { grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | cut -d '"' -f 4; }

# seed_links N: a tenant and a campaign through the API, then N referrers with a link each in
# SQL, and their codes, in a stable shuffled order, in $WORK/codes.txt (line = popularity rank).
seed_links() {
  local count=$1 tenant campaign started=$SECONDS
  tenant=$(api POST /admin/v1/tenants "$ADMIN_TOKEN" '{"name": "Load test", "allowed_hosts": ["shop.example"]}')
  TENANT_ID=$(json_string id <<<"$tenant")
  API_KEY=$(json_string api_key <<<"$tenant")
  campaign=$(api POST /v1/campaigns "$API_KEY" '{"name": "Load test", "destination_url": "'"$DESTINATION"'",
    "referrer_reward": {"type": "percent", "percent": 20, "trigger": "every_payment", "max_payments": 12, "cap_minor": 50000},
    "referee_reward": {"type": "credit", "amount_minor": 2000, "currency": "EUR", "description": "1 month free"},
    "priority": 10}')
  CAMPAIGN_ID=$(json_string id <<<"$campaign")
  [[ -n $TENANT_ID && -n $API_KEY && -n $CAMPAIGN_ID ]] || die "could not create the load-test tenant and campaign"
  log "seeding $count links"
  pg -d "$LOAD_DB" -v tenant_id="$TENANT_ID" -v campaign_id="$CAMPAIGN_ID" -v links="$count" -f "$HERE/sql/seed-links.sql"
  CODES_FILE=$WORK/codes.txt
  pg -d "$LOAD_DB" -c "SELECT code FROM links WHERE tenant_id = '$TENANT_ID' ORDER BY md5(code)" >"$CODES_FILE"
  (($(wc -l <"$CODES_FILE") == count)) || die "expected $count codes, found $(wc -l <"$CODES_FILE")"
  log "seeded $count links in $((SECONDS - started)) s"
}

# --- the nginx reference -------------------------------------------------------------------------

# The same answer as the gateway's for a browser: 302 to the destination with ref and click_id,
# Cache-Control: no-store, and the two cookies with the same attributes. The click id is nginx's
# $request_id (fresh per request, like the gateway's); the body is nginx's standard 302 page,
# which the gateway does not send, so nginx writes slightly more. Keep-alive connections are never
# closed by count (nginx's default closes each after 1000 requests, a cost the gateway does not
# have). Only the temp paths of modules compiled in can be set, and must be: the compiled-in
# defaults are under /var/lib/nginx, which only root may write to.
write_nginx_conf() {
  local conf=$1 dir=$2 module temp_paths="" built
  built=$("$NGINX" -V 2>&1)
  for module in client_body proxy fastcgi uwsgi scgi; do
    [[ $built == *"--without-http_${module}_module"* ]] || temp_paths+="  ${module}_temp_path $dir/tmp-$module;"$'\n'
  done
  cat >"$conf" <<EOF
# Generated by load-tests/run.sh: the reference for the gateway's redirect.
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  server_tokens off;
  keepalive_requests 1000000000;
$temp_paths  server {
    listen 127.0.0.1:$NGINX_PORT;
    location ~ "^/r/(?<code>[A-Za-z0-9_-]{4,32})\$" {
      add_header Cache-Control no-store always;
      add_header Set-Cookie "rg_click=\$request_id; Path=/; Max-Age=$COOKIE_MAX_AGE; SameSite=Lax; Secure; HttpOnly" always;
      add_header Set-Cookie "rg_ref=\$code; Path=/; Max-Age=$COOKIE_MAX_AGE; SameSite=Lax; Secure" always;
      return 302 "$DESTINATION?ref=\$code&click_id=\$request_id";
    }
  }
}
EOF
}

# nginx pinned to the server CPU, daemonised with its own prefix and pid file.
start_nginx() {
  local dir=$WORK/nginx
  mkdir -p "$dir"
  write_nginx_conf "$RESULTS/nginx.conf" "$dir"
  log "starting nginx on CPU $SERVER_CPU"
  taskset -c "$SERVER_CPU" "$NGINX" -p "$dir" -e "$dir/error.log" -c "$RESULTS/nginx.conf" >&2
  NGINX_PID=$(cat "$dir/nginx.pid")
}

stop_nginx() {
  [[ -n $NGINX_PID ]] || return 0
  local pid=$NGINX_PID
  NGINX_PID=""
  kill -TERM "$pid" 2>/dev/null || return 0
  local deadline=$((SECONDS + 10))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.1
  done
  ! kill -KILL "$pid" 2>/dev/null || log "nginx did not stop within 10 s and was killed"
}

# Both servers must give a browser the 302 and both cookies before anything is measured.
check_redirects() {
  local code name url answer
  code=$(head -n 1 "$CODES_FILE")
  for name in gateway nginx; do
    url="http://127.0.0.1:$([[ $name == gateway ]] && echo "$GATEWAY_PORT" || echo "$NGINX_PORT")/r/$code"
    answer=$(curl -sS -o /dev/null -D - -A "$BROWSER_UA" "$url" | tr -d '\r')
    printf '%s\n' "$answer" >"$RESULTS/answer-$name.txt"
    [[ $answer == "HTTP/1.1 302"* && $(grep -ci '^set-cookie:' <<<"$answer") == 2 &&
      $(grep -i '^location:' <<<"$answer") == *"ref=$code&click_id="* ]] ||
      die "$name did not answer a browser with a 302 and two cookies; see $RESULTS/answer-$name.txt"
  done
  # that check's redirect is a click too
  GATEWAY_ANSWERED=$((GATEWAY_ANSWERED + 1))
}

# --- wrk -----------------------------------------------------------------------------------------

# Busy, stolen and all jiffies of the server CPU, then of the load CPU, from /proc/stat. Stolen
# time is time the hypervisor gave to other guests: when it rises, throughput drops on both
# servers alike, which is the drift that interleaving is there to cancel.
cpu_sample() {
  awk -v server_cpu="cpu$SERVER_CPU" -v load_cpu="cpu$LOAD_CPU" '
    $1 == server_cpu || $1 == load_cpu {
      total = 0
      for (i = 2; i <= NF; i++) total += $i
      busy[$1] = total - $5 - $6 - $9; steal[$1] = $9; all[$1] = total
    }
    END { print busy[server_cpu], steal[server_cpu], all[server_cpu], busy[load_cpu], steal[load_cpu], all[load_cpu] }' /proc/stat
}

# cpu_shares BEFORE AFTER: busy and stolen shares of both CPUs between two cpu_samples, as
# server_cpu=..% server_steal=..% load_cpu=..% load_steal=..%.
cpu_shares() {
  awk -v before="$1" -v after="$2" 'BEGIN {
    split(before, b); split(after, a)
    share = "%.0f%%"
    printf "server_cpu=" share " server_steal=" share " load_cpu=" share " load_steal=" share "\n",
      (a[1] - b[1]) * 100 / (a[3] - b[3]), (a[2] - b[2]) * 100 / (a[3] - b[3]),
      (a[4] - b[4]) * 100 / (a[6] - b[6]), (a[5] - b[5]) * 100 / (a[6] - b[6]) }'
}

# Pins the gateway's PostgreSQL sessions to DB_CPU. Its pools open sessions when they need them,
# so this runs before every wrk run. Only the load database's sessions move, never PostgreSQL's
# own processes; where this user may not move them (PostgreSQL runs as another user and this one
# is not root), the run goes on with the scheduler's placement, and says so once.
place_db_sessions() {
  [[ $DB_CPU != any && -z $DB_PLACEMENT_FAILED ]] || return 0
  local pid
  for pid in $(pg -d "$LOAD_DB" -c 'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()'); do
    taskset -p -c "$DB_CPU" "$pid" >/dev/null 2>&1 || {
      DB_PLACEMENT_FAILED=1
      log "warning: cannot move PostgreSQL sessions to CPU $DB_CPU (run as root or PostgreSQL's user); they run where the scheduler puts them"
      return 0
    }
  done
}

# run_wrk LABEL URL SECONDS CONNECTIONS SCRIPT [NAME=VALUE ...]: one wrk run pinned to the load
# CPU with one thread; its output goes to $RESULTS/wrk-LABEL.txt and its summary, with the busy
# share of both CPUs, to WRK_LINE.
run_wrk() {
  local label=$1 url=$2 seconds=$3 connections=$4 script=$5
  shift 5
  local out=$RESULTS/wrk-$label.txt before cpu
  place_db_sessions
  before=$(cpu_sample)
  env "$@" taskset -c "$LOAD_CPU" wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$script" "$url" >"$out" 2>&1 &
  WRK_PID=$!
  wait "$WRK_PID" || { cat "$out" >&2; die "wrk failed in run $label"; }
  WRK_PID=""
  cpu=$(cpu_shares "$before" "$(cpu_sample)")
  WRK_LINE=$(grep '^WRK ' "$out") || { cat "$out" >&2; die "wrk printed no summary in run $label"; }
  echo "CPU $cpu" >>"$out"
  WRK_LINE+=" $cpu"
}

# redirect_wrk TARGET LABEL SECONDS [NAME=VALUE ...]: the Zipf redirect load on nginx or the gateway.
redirect_wrk() {
  local target=$1 label=$2 seconds=$3
  shift 3
  local port=$NGINX_PORT
  [[ $target == nginx ]] || port=$GATEWAY_PORT
  run_wrk "$label" "http://127.0.0.1:$port/r/" "$seconds" "$CONNECTIONS" "$HERE/lua/redirect.lua" \
    WRK_CODES_FILE="$CODES_FILE" WRK_ZIPF_S="$ZIPF_S" "$@"
  if [[ $target == gateway ]]; then
    require_gateway_running
    GATEWAY_ANSWERED=$((GATEWAY_ANSWERED + $(field ok "$WRK_LINE")))
    GATEWAY_IN_FLIGHT_BOUND=$((GATEWAY_IN_FLIGHT_BOUND + CONNECTIONS))
  fi
  log "$(run_row "$label" "$WRK_LINE")"
}

run_row() {
  printf '%-18s %8.0f req/s  p50 %7.2f  p99 %7.2f  p99.9 %7.2f ms  errors %s/%s  cpu %s/%s  steal %s/%s' "$1" \
    "$(field rps "$2")" "$(field p50_ms "$2")" "$(field p99_ms "$2")" "$(field p999_ms "$2")" \
    "$(field status_errors "$2")" "$(field socket_errors "$2")" "$(field server_cpu "$2")" "$(field load_cpu "$2")" \
    "$(field server_steal "$2")" "$(field load_steal "$2")"
}

# --- the redirect measurements -------------------------------------------------------------------

# The gateway's JIT compilers share the one core with its event loop, so from a cold start it
# takes about a minute to reach its steady rate (seen here in 5-s runs: 0.7k, 2.1k, 3.3k, 3.1k,
# 5.4k ... 15k, 16k, 19k req/s), and the compilers still take 6 % of the core for a while after
# the rate looks flat. It is warmed up in WARMUP_CHUNK-second runs until two runs in a row no
# longer beat the best so far by 5 % and the last one compiled for less than JIT_SETTLED_PERCENT
# of it, for at least WARMUP and at most WARMUP_MAX seconds.
warm_up_gateway() {
  local elapsed=0 best=0 flat=0 chunk=0 rates=() jit_before jit jits=()
  while ((elapsed < WARMUP_MAX)); do
    chunk=$((chunk + 1))
    jit_before=$(jit_ms)
    redirect_wrk gateway "gateway-warmup-$chunk" "$WARMUP_CHUNK"
    jit=$(($(jit_ms) - jit_before))
    jits+=("$jit")
    elapsed=$((elapsed + WARMUP_CHUNK))
    rates+=("$(printf '%.0f' "$(field rps "$WRK_LINE")")")
    if (($(calc '%d' "$(field rps "$WRK_LINE") > $best * 1.05"))); then
      best=$(field rps "$WRK_LINE")
      flat=0
    else
      flat=$((flat + 1))
    fi
    ((elapsed < WARMUP || flat < 2)) || ! jit_settled "$jit" "$WARMUP_CHUNK" || break
  done
  result "gateway warm-up: $elapsed s in ${WARMUP_CHUNK}-s runs of ${rates[*]} req/s, compiling ${jits[*]} ms"
}

# Warm-up, then ROUNDS rounds of nginx then gateway. Before each nginx run the gateway's click
# writer must be idle, so that nginx never shares its CPU with the gateway's leftovers.
compare_with_nginx() {
  NGINX_LINES=()
  GATEWAY_LINES=()
  warm_up_gateway
  wait_for_clicks_stored >/dev/null
  redirect_wrk nginx nginx-warmup "$NGINX_WARMUP"
  save_metrics before-rounds
  local round
  for ((round = 1; round <= ROUNDS; round++)); do
    redirect_wrk nginx "nginx-$round" "$DURATION"
    NGINX_LINES+=("$WRK_LINE")
    redirect_wrk gateway "gateway-$round" "$DURATION"
    GATEWAY_LINES+=("$WRK_LINE")
    wait_for_clicks_stored >/dev/null
  done
  save_metrics after-rounds
}

# mean_of KEY LINE...: the mean of that key's values in the lines.
mean_of() {
  local key=$1 line
  shift
  for line in "$@"; do
    field "$key" "$line"
  done | awk '{ sum += $1; n++ } END { printf "%.3f", n ? sum / n : 0 }'
}

round_row() {
  result "$(printf '%-10s %9.0f %8.2f %8.2f %8.2f %7s %8s %8s %10s' "$1" "$(field rps "$2")" "$(field p50_ms "$2")" \
    "$(field p99_ms "$2")" "$(field p999_ms "$2")" "$(($(field status_errors "$2") + $(field socket_errors "$2")))" \
    "$(field server_cpu "$2")" "$(field load_cpu "$2")" "$(field server_steal "$2")/$(field load_steal "$2")")"
}

means_row() {
  local name=$1
  shift
  result "$(printf '%-8s mean %6.0f req/s  p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms (means of %d rounds)' "$name" \
    "$(mean_of rps "$@")" "$(mean_of p50_ms "$@")" "$(mean_of p99_ms "$@")" \
    "$(mean_of p999_ms "$@")" "$#")"
}

report_rounds() {
  result "$(printf '%-10s %9s %8s %8s %8s %7s %8s %8s %10s' run 'req/s' p50_ms p99_ms p99.9_ms errors cpu_srv cpu_wrk steal)"
  local i per_round=()
  for ((i = 0; i < ROUNDS; i++)); do
    round_row "nginx-$((i + 1))" "${NGINX_LINES[i]}"
    round_row "gateway-$((i + 1))" "${GATEWAY_LINES[i]}"
    per_round+=("$(calc '%.2f' "$(field rps "${GATEWAY_LINES[i]}") / $(field rps "${NGINX_LINES[i]}")")")
  done
  means_row nginx "${NGINX_LINES[@]}"
  means_row gateway "${GATEWAY_LINES[@]}"
  NGINX_RPS=$(mean_of rps "${NGINX_LINES[@]}")
  GATEWAY_RPS=$(mean_of rps "${GATEWAY_LINES[@]}")
  RATIO=$(calc '%.2f' "$GATEWAY_RPS / $NGINX_RPS")
  result "ratio gateway/nginx $RATIO (round by round: ${per_round[*]})"
}

# p99 at half the gateway's peak: wrk paced by lua/pacing.lua, on the gateway, then on nginx at
# the same rate for reference.
measure_fixed_rate() {
  PACED_RATE=$(calc '%.0f' "$GATEWAY_RPS / 2")
  log "fixed rate: $PACED_RATE req/s (half the gateway's peak) for $DURATION s each"
  # At a paced rate an event loop wakes for a few requests at a time, which runs code the peak
  # rounds barely touched; the JIT compiles it within seconds, on the gateway's core. Warming that
  # up first measures the steady state, as the peak rounds do.
  redirect_wrk gateway gateway-fixed-warmup "$WARMUP_CHUNK" WRK_RATE="$PACED_RATE"
  redirect_wrk gateway gateway-fixed "$DURATION" WRK_RATE="$PACED_RATE"
  PACED_GATEWAY=$WRK_LINE
  wait_for_clicks_stored >/dev/null
  redirect_wrk nginx nginx-fixed "$DURATION" WRK_RATE="$PACED_RATE"
  PACED_NGINX=$WRK_LINE
  local name line
  for name in gateway nginx; do
    line=$PACED_GATEWAY
    [[ $name == gateway ]] || line=$PACED_NGINX
    result "$(printf 'fixed rate %s: %s req/s asked, %.0f done  p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms' "$name" \
      "$PACED_RATE" "$(field rps "$line")" "$(field p50_ms "$line")" "$(field p99_ms "$line")" "$(field p999_ms "$line")")"
  done
  (($(calc '%d' "$(field rps "$PACED_GATEWAY") >= 0.95 * $PACED_RATE"))) ||
    log "warning: the gateway fell short of the fixed rate; its p99 is that of an overloaded server"
}

# Every 302 the gateway answered must be a row in clicks. wrk cannot see answers to requests
# still in flight when a run stops, so the gateway's own count of redirects is the reference; it
# must lie between wrk's count and wrk's count plus one answer per connection per run. Should it
# ever be below wrk's count (the metric under-counting), wrk's count is taken.
count_clicks() {
  local waited
  waited=$(wait_for_clicks_stored)
  save_metrics final
  local metrics=$RESULTS/metrics-final.txt reported answered stored
  reported=$(($(metric "$metrics" 'refgate_redirects_total{outcome="redirected"}') + \
    $(metric "$metrics" 'refgate_redirects_total{outcome="bot"}')))
  stored=$(pg -d "$LOAD_DB" -c 'SELECT count(*) FROM clicks')
  answered=$((reported > GATEWAY_ANSWERED ? reported : GATEWAY_ANSWERED))
  CLICKS_LOST=$((answered - stored))
  result "clicks: 302s seen by wrk $GATEWAY_ANSWERED, counted by the gateway $reported, rows in clicks $stored, lost $CLICKS_LOST (all stored ${waited} s after the last run)"
  local unseen=$((reported - GATEWAY_ANSWERED))
  ((unseen >= 0 && unseen <= GATEWAY_IN_FLIGHT_BOUND)) ||
    log "warning: the gateway counted $unseen more 302s than wrk saw; at most $GATEWAY_IN_FLIGHT_BOUND can be in flight when runs stop"
}

# --- scenarios -----------------------------------------------------------------------------------

# Other processes' CPU use before anything starts. Figures are comparable only when it is near
# zero: a build or test run elsewhere on the machine takes CPU from the server or from wrk.
check_background_load() {
  local before shares server load
  before=$(cpu_sample)
  sleep 2
  shares=$(cpu_shares "$before" "$(cpu_sample)")
  server=$(field server_cpu "$shares")
  load=$(field load_cpu "$shares")
  result "background load before the run: CPU $SERVER_CPU $server busy, CPU $LOAD_CPU $load busy"
  result "placement: server on CPU $SERVER_CPU, wrk on CPU $LOAD_CPU, the gateway's PostgreSQL sessions on $([[ $DB_CPU == any ]] && echo "any CPU" || echo "CPU $DB_CPU")"
  ((${server%\%} + ${load%\%} <= 20)) || log "warning: other processes keep this machine busy; the figures will be noisy"
}

start_redirect_setup() {
  local links=$1
  shift
  require_commands java curl psql redis-cli taskset awk
  install_load_tools
  NGINX=$(nginx_binary)
  locate_jar
  check_ports_free "$GATEWAY_PORT" "$MANAGEMENT_PORT" "$NGINX_PORT"
  check_background_load
  reset_store
  start_gateway "$@"
  seed_links "$links"
  start_nginx
  check_redirects
}

scenario_redirect() {
  start_redirect_setup "$LINKS"
  compare_with_nginx
  report_rounds
  measure_fixed_rate
  count_clicks
  stop_nginx
  stop_gateway
  finish_store
  result "redirect ratio=$RATIO gateway_rps=$(printf '%.0f' "$GATEWAY_RPS") nginx_rps=$(printf '%.0f' "$NGINX_RPS") p99_ms=$(printf '%.2f' "$(field p99_ms "$PACED_GATEWAY")") clicks_lost=$CLICKS_LOST"
}

# The redirect comparison with a million links and a local cache far smaller than the set.
scenario_scale() {
  start_redirect_setup "$SCALE_LINKS" REFGATE_CACHE_LOCAL_MAX_ENTRIES="$SCALE_LOCAL_CACHE"
  compare_with_nginx
  report_rounds
  count_clicks
  local rounds_start=$RESULTS/metrics-before-rounds.txt rounds_end=$RESULTS/metrics-after-rounds.txt layer outcome
  local -A lookups
  for layer in local redis db; do
    for outcome in hit miss; do
      local series="refgate_code_lookups_total{layer=\"$layer\",result=\"$outcome\"}"
      lookups[$layer-$outcome]=$(($(metric "$rounds_end" "$series") - $(metric "$rounds_start" "$series")))
    done
  done
  local hits=${lookups[local-hit]} misses=${lookups[local-miss]} hit_ratio
  hit_ratio=$(calc '%.3f' "$hits + $misses > 0 ? $hits / ($hits + $misses) : 0")
  result "code lookups during the rounds: local $hits hits / $misses misses (hit ratio $hit_ratio), redis ${lookups[redis-hit]} / ${lookups[redis-miss]}, db ${lookups[db-hit]} / ${lookups[db-miss]}"
  local peak_kib rss_kib
  peak_kib=$(awk '$1 == "VmHWM:" { print $2 }' "/proc/$GATEWAY_PID/status")
  rss_kib=$(awk '$1 == "VmRSS:" { print $2 }' "/proc/$GATEWAY_PID/status")
  result "gateway memory: peak RSS $((peak_kib / 1024)) MiB, RSS now $((rss_kib / 1024)) MiB"
  stop_nginx
  stop_gateway
  finish_store
  result "scale ratio=$RATIO gateway_rps=$(printf '%.0f' "$GATEWAY_RPS") nginx_rps=$(printf '%.0f' "$NGINX_RPS") local_hit_ratio=$hit_ratio peak_rss_mib=$((peak_kib / 1024)) clicks_lost=$CLICKS_LOST"
}

event_rows() {
  [[ $(pg -d "$LOAD_DB" -c "SELECT to_regclass('events') IS NOT NULL") == t ]] || { echo n/a; return; }
  pg -d "$LOAD_DB" -c 'SELECT count(*) FROM events'
}

# events_wrk LABEL KIND SECONDS [NAME=VALUE ...]: one event run; adds to EVENTS_CREATED.
events_wrk() {
  local label=$1 kind=$2 seconds=$3
  shift 3
  local rows_before rows_after
  rows_before=$(event_rows)
  run_wrk "$label" "http://127.0.0.1:$GATEWAY_PORT/v1/events/$kind" "$seconds" "$EVENTS_CONNECTIONS" "$HERE/lua/events.lua" \
    WRK_EVENT_KIND="$kind" WRK_RUN_ID="$label" WRK_API_KEY="$API_KEY" WRK_CODES_FILE="$CODES_FILE" "$@"
  rows_after=$(event_rows)
  EVENTS_CREATED=$((EVENTS_CREATED + $(field created "$WRK_LINE")))
  WRK_LINE+=" rows=$([[ $rows_after == n/a ]] && echo n/a || echo $((rows_after - rows_before)))"
  log "$(run_row "$label" "$WRK_LINE")  201s $(field created "$WRK_LINE")  rows $(field rows "$WRK_LINE")"
}

# Signups and payments in turn, WARMUP_CHUNK seconds each, until neither rate rises any more and
# the JIT has settled (as for the redirect): the JIT compiles the event path only after thousands
# of events (a fixed 10 s left the compiler busy on the gateway's core during the measured runs,
# and their rates spread by half).
warm_up_events() {
  local elapsed=0 round=0 flat=0 best_signup=0 best_billing=0 signup billing signups=() payments=() jit_before jit jits=()
  while ((elapsed < EVENTS_WARMUP_MAX)); do
    round=$((round + 1))
    jit_before=$(jit_ms)
    events_wrk "signup-warmup-$round" signup "$WARMUP_CHUNK"
    signup=$(field rps "$WRK_LINE")
    events_wrk "billing-warmup-$round" billing "$WARMUP_CHUNK" WRK_USERS_RUN="signup-warmup-$round" \
      WRK_SIGNED_UP="$(field created "$WRK_LINE")"
    billing=$(field rps "$WRK_LINE")
    jit=$(($(jit_ms) - jit_before))
    jits+=("$jit")
    elapsed=$((elapsed + 2 * WARMUP_CHUNK))
    signups+=("$(printf '%.0f' "$signup")")
    payments+=("$(printf '%.0f' "$billing")")
    # The event tables grow from empty within seconds. Autovacuum analyses a growing table within a
    # minute in production; until then PostgreSQL plans with the statistics of an empty table (an
    # index on tenant_id alone looks as good as the primary key). Analysing here keeps up with it.
    pg -d "$LOAD_DB" -c 'ANALYZE events, referees, payments, rewards'
    if (($(calc '%d' "$signup > $best_signup * 1.05 || $billing > $best_billing * 1.05"))); then
      flat=0
    else
      flat=$((flat + 1))
    fi
    best_signup=$(calc '%.1f' "$signup > $best_signup ? $signup : $best_signup")
    best_billing=$(calc '%.1f' "$billing > $best_billing ? $billing : $best_billing")
    ((elapsed < EVENTS_WARMUP || flat < 2)) || ! jit_settled "$jit" $((2 * WARMUP_CHUNK)) || break
  done
  result "events warm-up: $elapsed s in ${WARMUP_CHUNK}-s runs of ${signups[*]} signups/s and ${payments[*]} payments/s, compiling ${jits[*]} ms a turn"
}

# Signups, then payments of the users those signups created, each run with fresh event ids.
scenario_events() {
  require_commands java curl psql redis-cli taskset awk
  install_load_tools
  locate_jar
  check_ports_free "$GATEWAY_PORT" "$MANAGEMENT_PORT"
  check_background_load
  reset_store
  start_gateway
  seed_links "$LINKS"
  local status
  status=$(curl -sS -o "$RESULTS/answer-events-probe.txt" -w '%{http_code}' -X POST \
    "http://127.0.0.1:$GATEWAY_PORT/v1/events/signup" -H "Authorization: Bearer $API_KEY" -H 'Content-Type: application/json' \
    -d '{"event_id": "probe", "new_user_id": "probe-user", "code": "'"$(head -n 1 "$CODES_FILE")"'"}')
  [[ $status == 201 ]] || die "POST /v1/events/signup answered $status, not 201: $(head -c 300 "$RESULTS/answer-events-probe.txt")"
  EVENTS_CREATED=1
  warm_up_events
  save_metrics before-signup
  events_wrk signup signup "$EVENTS_DURATION"
  local signup=$WRK_LINE
  save_metrics after-signup
  events_wrk billing billing "$EVENTS_DURATION" WRK_USERS_RUN=signup WRK_SIGNED_UP="$(field created "$signup")"
  local billing=$WRK_LINE rows
  rows=$(event_rows)
  local name line
  for name in signup billing; do
    line=$signup
    [[ $name == signup ]] || line=$billing
    result "$(printf '%-8s %6.0f events/s  p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  201s %s, 200s %s, others %s, rows %s' "$name" \
      "$(field rps "$line")" "$(field p50_ms "$line")" "$(field p99_ms "$line")" "$(field p999_ms "$line")" \
      "$(field created "$line")" "$(field replayed "$line")" "$(field other_status "$line")" "$(field rows "$line")")"
  done
  # the signups the gateway recorded per statement (SignupBatcher) during the measured signup run
  local before=$RESULTS/metrics-before-signup.txt after=$RESULTS/metrics-after-signup.txt statements recorded
  statements=$(($(metric "$after" refgate_signup_batch_size_count) - $(metric "$before" refgate_signup_batch_size_count)))
  recorded=$(($(metric "$after" refgate_signup_batch_size_sum) - $(metric "$before" refgate_signup_batch_size_sum)))
  ((statements > 0)) && result "signup statements: $statements, $(awk -v r="$recorded" -v s="$statements" \
    'BEGIN { printf "%.1f", r / s }') signups each on average"
  result "events: 201s answered $EVENTS_CREATED, rows in events $rows (a few more rows than 201s are answers wrk stopped waiting for)"
  stop_gateway
  finish_store
  result "events signup_rps=$(printf '%.0f' "$(field rps "$signup")") signup_p99_ms=$(printf '%.2f' "$(field p99_ms "$signup")") billing_rps=$(printf '%.0f' "$(field rps "$billing")") billing_p99_ms=$(printf '%.2f' "$(field p99_ms "$billing")") created_201=$EVENTS_CREATED rows_written=$rows"
}

# JMH on the pure hot-path classes, against the gateway's artifact as installed from this tree.
scenario_jmh() {
  require_commands java mvn
  log "installing the gateway's artifact (mvn -B -q install -DskipTests)"
  (cd "$REPO" && mvn -B -q install -DskipTests) >&2
  log "building the benchmarks"
  (cd "$HERE/jmh" && mvn -B -q package) >&2
  local args=()
  read -ra args <<<"$JMH_ARGS"
  [[ -z $JMH_FILTER ]] || args+=("$JMH_FILTER")
  log "running JMH ${args[*]}"
  java -jar "$HERE/jmh/target/benchmarks.jar" "${args[@]}" -rf json -rff "$RESULTS/jmh.json" 2>&1 |
    tee "$RESULTS/jmh.txt" >&2
  # rows of JMH's result table: Benchmark Mode [Cnt] Score [± Error] Units (no Cnt and Error
  # with a single iteration)
  local table
  table=$(awk '$2 == "avgt" && $NF ~ /\/op$/ {
      sub(/^io[.]refgate[.]bench[.]/, "", $1)
      error = $(NF - 2) == "±"
      printf "%-38s %10.2f ± %-8s %s\n", $1, $(NF - 1 - 2 * error), (error ? $(NF - 1) : "n/a"), $NF }' "$RESULTS/jmh.txt")
  [[ -n $table ]] || die "JMH printed no results; see $RESULTS/jmh.txt"
  result "$table"
  result "jmh $(awk '{ printf "%s%s=%s", (NR > 1 ? " " : ""), $1, $2 } END { print " unit=ns/op" }' <<<"$table")"
}

finish_store() {
  if ((KEEP_DB)); then
    log "kept database $LOAD_DB and Redis keys ${REDIS_PREFIX}* (KEEP_DB=1)"
  else
    drop_store
  fi
}

main() {
  local scenario=${1:-redirect}
  (($# <= 1)) || usage
  case $scenario in
    redirect | events | scale | jmh) ;;
    -h | --help | help) usage ;;
    *) usage ;;
  esac
  [[ -n $DB_CPU ]] || DB_CPU=$([[ $scenario == events ]] && echo any || echo "$LOAD_CPU")
  check_settings
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  prepare_run "$scenario"
  "scenario_$scenario"
}

main "$@"
