#!/usr/bin/env bash
# The platform's cost per call: what the platform libraries (gRPC server with token check and group claim guard,
# audit, logging, OpenTelemetry, metrics, error mapping), which sit on every call of every service, cost a call. A
# benchmark, not a test: CI does not run it. Needs PostgreSQL and Kafka (scripts/up.sh); it starts its own service
# process and a bare gRPC server on ports of their own, and stops both at the end.
#
#   scripts/bench-platform.sh             the full run (about 3 minutes once the machine is quiet)
#   scripts/bench-platform.sh --smoke     8 calls at once, 4 s a target, a 4 s profile, no wait for quiet (~40 s)
#   scripts/bench-platform.sh --no-build  use the current build (else: nx build of the service)
#   scripts/bench-platform.sh --no-wait   measure at once, however loaded the machine is
#
# Steps:
#   1. database: drops and creates $BENCH_DB, migrates it with the service's migrations
#   2. the service ($BENCH_SERVICE, the gateway: its consumer has the least history to replay, the registry's
#      institution and medical-group topics, where the others also read residents, contracts or referrals) from its
#      build on 127.0.0.1:$BENCH_GRPC_PORT, with its inspector on 127.0.0.1:$BENCH_INSPECT_PORT, its own Kafka
#      consumer group (waited on until it has caught up, then deleted at the end), its outbox relay off,
#      OTEL_TRACES_EXPORTER=$BENCH_OTEL_EXPORTER (none: no tracer provider, so spans are OpenTelemetry's no-op
#      ones, as this machine's platform runs without Jaeger; otlp records and exports them), LOG_LEVEL=$BENCH_LOG_LEVEL
#   3. a token of a partner system at a primary institution of a group the service has learnt (the group claim
#      guard admits it, looking the standing up once every ten seconds as in production); the service's answer to
#      WhoAmI with it; bench/platform/bare-server.mjs on 127.0.0.1:$BENCH_BARE_PORT answering exactly that (its
#      inspector on the next port)
#   4. waits until the 1-minute load average is below $BENCH_MAX_LOAD and no other benchmark runs (another
#      scripts/bench-*.sh, a k6 or a pgbench; at most $BENCH_QUIET_WAIT_S s: other people use the machine); the
#      token and the bare server are made after the wait
#   5. k6: bench/platform/per-call.js, $BENCH_VUS calls at once against the service, then the bare server, each
#      $BENCH_WARMUP_S s of warm-up and $BENCH_DURATION_S s measured; bench/platform/cpu-sampler.mjs records the
#      CPU of both servers, k6 and the machine meanwhile. A load average says little about the next 20 s: when
#      other work took more than $BENCH_MAX_OTHER_CORES cores in a measured window (bench/platform/cpu-windows.mjs;
#      the platform's own idle services, Kafka, PostgreSQL and Prometheus take about 0.35 here), the run is made
#      again after another wait, $BENCH_ATTEMPTS runs at most; the least disturbed is kept, with a warning
#   6. profiles: k6 against each server alone again, the same load, and a CPU profile and a sampling heap profile
#      (allocations, the objects already collected included) of its main thread for $BENCH_PROFILE_S s in the
#      middle of it (bench/lib/profile-window.mjs, through the inspector); summarised by library and function
#      per call (bench/lib/cpu-profile-top.js, allocation-top.js), the calls counted from k6's rate; made again
#      like the run when other work disturbed it
#   7. report (bench/platform/report.mjs): calls/s, p50/p90/p99, the ratio platform/bare (goal: at least 0.6 on the
#      2-core development machine), CPU per call of each server; the libraries' CPU and allocations per call,
#      platform beside bare, and the functions the platform adds most to
# Output in .bench/platform/ (git-ignored; it holds a token): plan.json, whoami.json, per-call.json and
# profile-run-<target>.json (k6's summaries) with their -cpu.jsonl samples, <target>.cpuprofile and .heapprofile
# (open them in Chrome's DevTools), cpu-profile-<target>.txt/.json, allocations-<target>.txt/.json, <service>.log,
# bare.log, report-<UTC time>.json.
# Exit status: 1 when a step cannot run or calls failed; a missed goal is reported, not an error.
#
# Settings (environment; --smoke changes the defaults marked *):
#   BENCH_VUS=64*  BENCH_DURATION_S=20*  BENCH_WARMUP_S=5*  BENCH_PROFILE_S=20* (0: no profile)
#   BENCH_MAX_LOAD=2  BENCH_QUIET_WAIT_S=1800  (the run goes on, with a warning, after that long)
#   BENCH_MAX_OTHER_CORES=0.6  BENCH_ATTEMPTS=3*  (--smoke: 1)
#   BENCH_SERVICE=gateway  BENCH_DB=medgrid_platform_bench  BENCH_GRPC_PORT=50166  BENCH_HTTP_PORT=3166
#   BENCH_BARE_PORT=50170  BENCH_INSPECT_PORT=9266  BENCH_LOG_LEVEL=info  BENCH_OTEL_EXPORTER=none
#   BENCH_OTLP_ENDPOINT      OTEL_EXPORTER_OTLP_ENDPOINT when BENCH_OTEL_EXPORTER=otlp
#   BENCH_PROFILE_INTERVAL_US=1000  the profiler's sampling interval
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck disable=SC2034 # read by log()/die() in lib/common.sh
MEDGRID_LOG_TAG=bench
# shellcheck source-path=SCRIPTDIR source=lib/node.sh
source "$here/lib/node.sh"
medgrid_ensure_node
# shellcheck source-path=SCRIPTDIR source=lib/services.sh
source "$here/lib/services.sh"
# shellcheck source-path=SCRIPTDIR source=lib/k6.sh
source "$here/lib/k6.sh"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2; exit 2; }

SMOKE=0
BUILD=1
WAIT_QUIET=1
for arg in "$@"; do
  case "$arg" in
    --smoke) SMOKE=1 WAIT_QUIET=0 ;;
    --no-build) BUILD=0 ;;
    --no-wait) WAIT_QUIET=0 ;;
    *) usage ;;
  esac
done
if [ "$SMOKE" -eq 1 ]; then
  : "${BENCH_VUS:=8}" "${BENCH_DURATION_S:=4}" "${BENCH_WARMUP_S:=2}" "${BENCH_PROFILE_S:=4}" "${BENCH_ATTEMPTS:=1}"
fi
: "${BENCH_ATTEMPTS:=3}"
: "${BENCH_VUS:=64}" "${BENCH_DURATION_S:=20}" "${BENCH_WARMUP_S:=5}" "${BENCH_PROFILE_S:=20}"
: "${BENCH_MAX_LOAD:=2}" "${BENCH_QUIET_WAIT_S:=1800}" "${BENCH_MAX_OTHER_CORES:=0.6}"
: "${BENCH_SERVICE:=gateway}" "${BENCH_DB:=medgrid_platform_bench}" "${BENCH_GRPC_PORT:=50166}" "${BENCH_HTTP_PORT:=3166}"
: "${BENCH_BARE_PORT:=50170}" "${BENCH_INSPECT_PORT:=9266}" "${BENCH_LOG_LEVEL:=info}" "${BENCH_OTEL_EXPORTER:=none}"
: "${BENCH_PROFILE_INTERVAL_US:=1000}"
export BENCH_VUS BENCH_DURATION_S BENCH_WARMUP_S

case "$BENCH_DB" in
  medgrid_registry | medgrid_referral | medgrid_scheduling | medgrid_lab_sharing | medgrid_pharmacy | medgrid_payment | \
    medgrid_gateway | postgres | template*)
    die "BENCH_DB=$BENCH_DB is not the benchmark's own database: the bench drops and creates it" ;;
esac

OUT="$MEDGRID_ROOT/.bench/platform"
mkdir -p "$OUT"
chmod 700 "$MEDGRID_ROOT/.bench" "$OUT"
umask 077 # plan.json holds a bearer token
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
BENCH_DIR="$MEDGRID_ROOT/bench/platform"
DIST="$MEDGRID_ROOT/services/$BENCH_SERVICE/dist"
TARGET="127.0.0.1:$BENCH_GRPC_PORT"
BARE="127.0.0.1:$BENCH_BARE_PORT"
BENCH_URL="postgres://$MEDGRID_PG_USER:$MEDGRID_PG_PASSWORD@$MEDGRID_PG_HOST:$MEDGRID_PG_PORT/$BENCH_DB"
GROUP="$BENCH_SERVICE-platform-bench-$STAMP"
PLAN="$OUT/plan.json"
PIDS="$OUT/.pids" # k6 and samplers started, some in background subshells
: >"$PIDS"
SERVICE_LOG="$OUT/$BENCH_SERVICE.log"
HZ="$(getconf CLK_TCK)"
BARE_INSPECT_PORT=$((BENCH_INSPECT_PORT + 1))

pg() { # <database> [psql args...]: psql as the medgrid role, unaligned, quiet, stop on error
  local db="$1"
  shift
  PGPASSWORD="$MEDGRID_PG_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -w -q -At -F '|' -v ON_ERROR_STOP=1 \
    -h "$MEDGRID_PG_HOST" -p "$MEDGRID_PG_PORT" -U "$MEDGRID_PG_USER" -d "$db" "$@"
}
load_average() { cut -d' ' -f1-3 /proc/loadavg; }
# The service's count of WhoAmI calls answered OK (its RED counter), 0 before the first.
whoami_counted() {
  curl -fsS "http://127.0.0.1:$BENCH_HTTP_PORT/metrics" |
    awk '/^medgrid_grpc_server_handled_total\{/ && /PlatformService\/WhoAmI/ && /code="OK"/ { n += $NF } END { print n + 0 }'
}

# ---- 0. preflight ------------------------------------------------------------------------------
preflight() {
  local tool port
  for tool in psql jq curl; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (apt-get install postgresql-client jq curl)"
  done
  [ -n "$MEDGRID_PG_PASSWORD" ] || die "no PostgreSQL password ($MEDGRID_PG_PASSWORD_FILE): is the platform up? (bash scripts/up.sh)"
  [ "$(pg postgres -c 'select 1' 2>/dev/null)" = 1 ] ||
    die "cannot reach PostgreSQL on $MEDGRID_PG_HOST:$MEDGRID_PG_PORT (bash scripts/up.sh)"
  tcp_open 127.0.0.1 "$MEDGRID_KAFKA_PORT" || die "Kafka is not up on 127.0.0.1:$MEDGRID_KAFKA_PORT (bash scripts/up.sh)"
  for port in "$BENCH_GRPC_PORT" "$BENCH_HTTP_PORT" "$BENCH_BARE_PORT" "$BENCH_INSPECT_PORT" "$BARE_INSPECT_PORT"; do
    if tcp_open 127.0.0.1 "$port"; then
      die "something already listens on 127.0.0.1:$port (an earlier bench? set BENCH_*_PORT)"
    fi
  done
  medgrid_ensure_dev_keys
  medgrid_ensure_k6
  if [ "$BUILD" -eq 1 ]; then
    log "building $BENCH_SERVICE and the libraries it uses (nx)"
    (cd "$MEDGRID_ROOT" && node_modules/.bin/nx run-many -t build -p "@medgrid/$BENCH_SERVICE" --outputStyle=static >"$OUT/build.log" 2>&1) ||
      { tail -n 30 "$OUT/build.log" >&2; die "the build failed (log: $OUT/build.log)"; }
  fi
  [ -f "$DIST/main.js" ] || die "$BENCH_SERVICE is not built ($DIST/main.js): run without --no-build"
  [ -f "$MEDGRID_ROOT/libs/contracts/dist/generated/medgrid/platform/v1/platform_service.pb.js" ] ||
    die "the contracts are not built (libs/contracts/dist): run without --no-build"
}

# ---- 1. database -------------------------------------------------------------------------------
DB_MADE=0
create_database() {
  pg postgres -c "drop database if exists $BENCH_DB with (force)"
  pg postgres -c "create database $BENCH_DB"
  DB_MADE=1
  DATABASE_URL="$BENCH_URL" node "$DIST/database/migrate.js" up >"$OUT/migrate.log" 2>&1 ||
    { cat "$OUT/migrate.log" >&2; die "$BENCH_SERVICE's migrations failed on $BENCH_DB"; }
  log "created and migrated $BENCH_DB"
}

# ---- 2. the service and the bare server --------------------------------------------------------
SERVICE_PID=""
BARE_PID=""
stop_servers() {
  local pid
  for pid in "$SERVICE_PID" "$BARE_PID"; do
    [ -n "$pid" ] || continue
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  SERVICE_PID="" BARE_PID=""
}

delete_consumer_group() {
  (cd "$MEDGRID_ROOT" && KAFKA_BROKERS="$MEDGRID_KAFKA_BROKERS" node -e "
    const { Kafka, logLevel } = require('kafkajs');
    const admin = new Kafka({ brokers: process.env.KAFKA_BROKERS.split(','), clientId: 'bench-platform',
      logLevel: logLevel.NOTHING }).admin();
    admin.connect().then(() => admin.deleteGroups(['$GROUP'])).finally(() => admin.disconnect());
  " >/dev/null 2>&1) || warn "could not delete the consumer group $GROUP"
}

cleanup() {
  local service_started="$SERVICE_PID" pid
  # shellcheck disable=SC2013 # one pid a word
  for pid in $(cat "$PIDS" 2>/dev/null); do
    # Still ours (a finished one's pid may be another process's by now).
    if tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -q 'bench/platform/'; then kill "$pid" 2>/dev/null || true; fi
  done
  rm -f "$PIDS"
  stop_servers
  [ -z "$service_started" ] || delete_consumer_group
  if [ "$DB_MADE" -eq 1 ]; then pg postgres -c "drop database if exists $BENCH_DB with (force)" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_service() {
  local own_env=()
  if [ "$BENCH_SERVICE" = gateway ]; then
    # As scripts/up.sh starts it: it signs the services' tokens with the development issuer's key.
    own_env=(AUTH_SIGNING_KEY_FILE="$MEDGRID_ISSUER_PRIVATE_KEY" CSRF_SECRET_FILE="$OUT/csrf-secret")
    [ -s "$OUT/csrf-secret" ] || openssl rand -hex 32 >"$OUT/csrf-secret"
  fi
  log "starting $BENCH_SERVICE on $TARGET (database $BENCH_DB, consumer group $GROUP, inspector 127.0.0.1:$BENCH_INSPECT_PORT)"
  env "${own_env[@]}" DATABASE_URL="$BENCH_URL" KAFKA_BROKERS="$MEDGRID_KAFKA_BROKERS" KAFKA_CONSUMER_GROUP="$GROUP" \
    GRPC_PORT="$BENCH_GRPC_PORT" HTTP_PORT="$BENCH_HTTP_PORT" AUTH_PUBLIC_KEY_FILE="$MEDGRID_ISSUER_PUBLIC_KEY" \
    OUTBOX_RELAY_ENABLED=false OTEL_TRACES_EXPORTER="$BENCH_OTEL_EXPORTER" \
    ${BENCH_OTLP_ENDPOINT:+OTEL_EXPORTER_OTLP_ENDPOINT="$BENCH_OTLP_ENDPOINT"} LOG_LEVEL="$BENCH_LOG_LEVEL" \
    node --inspect="127.0.0.1:$BENCH_INSPECT_PORT" "$DIST/main.js" >"$SERVICE_LOG" 2>&1 &
  SERVICE_PID=$!
  ready() {
    kill -0 "$SERVICE_PID" 2>/dev/null || return 125
    curl -fsS "http://127.0.0.1:$BENCH_HTTP_PORT/health/ready" >/dev/null 2>&1
  }
  wait_until 90 "$BENCH_SERVICE readiness" ready || { tail -n 30 "$SERVICE_LOG" >&2; die "$BENCH_SERVICE did not become ready"; }
  # A fresh consumer group reads its topics from the beginning: the calls should not share the cores with that.
  caught_up() {
    kill -0 "$SERVICE_PID" 2>/dev/null || return 125
    KAFKA_BROKERS="$MEDGRID_KAFKA_BROKERS" node "$MEDGRID_ROOT/bench/lib/consumer-caught-up.js" "$GROUP" >"$OUT/consumer-lag.txt" 2>&1
  }
  wait_until 300 "$BENCH_SERVICE's consumer caught up with its topics" caught_up ||
    die "$BENCH_SERVICE's consumer is still behind ($(cat "$OUT/consumer-lag.txt"))"
}

write_plan() {
  local pair institution group token answer
  # A primary institution that is a member of its group, as the service's own projection holds them.
  pair="$(pg "$BENCH_DB" -c "select i.id || ' ' || i.group_id from known_institution i
    join known_group g on g.id = i.group_id
    where i.level = 'primary' and g.members @> jsonb_build_array(jsonb_build_object('institutionId', i.id::text))
    order by i.id limit 1")"
  [ -n "$pair" ] || die "$BENCH_SERVICE knows no primary institution of a group (is the demo city loaded? scripts/up.sh)"
  read -r institution group <<<"$pair"
  token="$(bash "$here/dev-token.sh" --role partner-system --subject bench-platform-his --ttl 7200 \
    --institution "$institution" --group "$group")"
  answer="$(bash "$here/grpcurl.sh" -plaintext -max-time 10 -H "authorization: Bearer $token" "$TARGET" \
    medgrid.platform.v1.PlatformService/WhoAmI 2>&1)" || { printf '%s\n' "$answer" >&2; die "WhoAmI on $TARGET failed"; }
  printf '%s\n' "$answer" >"$OUT/whoami.json"
  [ "$(jq -r .institutionId <<<"$answer")" = "$institution" ] || die "WhoAmI answered another institution: $answer"
  log "caller: partner system of institution $institution, group $group (answer in $OUT/whoami.json)"
  jq -n --arg token "$token" --arg target "$TARGET" --arg bare "$BARE" --arg service "$BENCH_SERVICE" \
    --argjson expected "$answer" \
    '{token: $token, expected: $expected,
      targets: [{name: "platform", address: $target, label: ($service + ", every platform library")},
                {name: "bare", address: $bare, label: "bare @grpc/grpc-js, fixed answer"}]}' >"$PLAN"
}

start_bare() {
  if [ -n "$BARE_PID" ]; then
    kill "$BARE_PID" 2>/dev/null || true
    wait "$BARE_PID" 2>/dev/null || true
  fi
  BENCH_BARE_ANSWER="$(cat "$OUT/whoami.json")" node --inspect="127.0.0.1:$BARE_INSPECT_PORT" \
    "$BENCH_DIR/bare-server.mjs" "$BENCH_BARE_PORT" >"$OUT/bare.log" 2>&1 &
  BARE_PID=$!
  bare_ready() {
    kill -0 "$BARE_PID" 2>/dev/null || return 125
    grep -q '^listening on' "$OUT/bare.log"
  }
  wait_until 20 "the bare server on $BARE" bare_ready || { cat "$OUT/bare.log" >&2; die "the bare server did not start"; }
}

# ---- 4. a quiet machine ------------------------------------------------------------------------
# Another benchmark (its script, its k6 or its pgbench) runs: this one's k6 is not started yet when it is asked.
other_benchmark() {
  pgrep -x k6 >/dev/null || pgrep -x pgbench >/dev/null ||
    pgrep -af 'scripts/bench-[a-z-]+\.sh' | grep -qv 'bench-platform\.sh'
}
wait_quiet() {
  quiet() { awk -v max="$BENCH_MAX_LOAD" '{ exit !($1 < max) }' /proc/loadavg && ! other_benchmark; }
  [ "$WAIT_QUIET" -eq 1 ] || return 0
  quiet && return 0
  log "load average $(load_average): waiting for the 1-minute load to fall below $BENCH_MAX_LOAD with no other benchmark running (at most ${BENCH_QUIET_WAIT_S} s)"
  wait_until "$BENCH_QUIET_WAIT_S" "a quiet machine" quiet ||
    warn "the machine is still busy (load average $(load_average)): the figures carry it"
}

# ---- 5. k6 -------------------------------------------------------------------------------------
# k6 <summary> [env...]: runs per-call.js in the background beside the CPU sampler, waits for both
run_k6() {
  local summary="$1" rc=0 k6_pid sampler_pid
  shift
  rm -f "$summary"
  env "$@" BENCH_PLAN="$PLAN" BENCH_SUMMARY_OUT="$summary" BENCH_PROTO_DIR="$MEDGRID_ROOT/proto" \
    "$MEDGRID_K6" run --quiet --no-usage-report --address "" "$BENCH_DIR/per-call.js" &
  k6_pid=$!
  node "$BENCH_DIR/cpu-sampler.mjs" "${summary%.json}-cpu.jsonl" 250 platform="$SERVICE_PID" bare="$BARE_PID" k6="$k6_pid" &
  sampler_pid=$!
  echo "$k6_pid $sampler_pid" >>"$PIDS" # for cleanup, when the run is stopped half-way
  wait "$k6_pid" || rc=$?
  kill "$sampler_pid" 2>/dev/null || true
  wait "$sampler_pid" 2>/dev/null || true
  [ -s "$summary" ] || die "k6 exited with $rc and wrote no summary"
  [ "$rc" -eq 0 ] || warn "k6 exited with $rc"
}

# other_cores <k6 summary>: the most cores other work took in one of the run's measured windows
other_cores() {
  node "$BENCH_DIR/cpu-windows.mjs" "$1" "${1%.json}-cpu.jsonl" "$HZ" | jq '[.[] | .other // 2] | max'
}
undisturbed() { awk -v o="$1" -v max="$BENCH_MAX_OTHER_CORES" 'BEGIN { exit !(o <= max) }'; }
# keep_if_least_disturbed <tag> <other cores> <file...>: a copy of the attempt's files when it is the least disturbed
# of its tag so far; restore_kept <tag> puts that copy back once the attempts are over.
keep_if_least_disturbed() {
  local tag="$1" other="$2" best
  shift 2
  best="$(cat "$OUT/kept-$tag/other" 2>/dev/null || echo 99)"
  awk -v o="$other" -v b="$best" 'BEGIN { exit !(o < b) }' || return 0
  rm -rf "$OUT/kept-$tag" && mkdir -p "$OUT/kept-$tag"
  cp "$@" "$OUT/kept-$tag/" && echo "$other" >"$OUT/kept-$tag/other"
}
restore_kept() {
  local file
  for file in "$OUT/kept-$1"/*; do [ "$(basename "$file")" = other ] || cp "$file" "$OUT/"; done
  rm -rf "$OUT/kept-$1"
}

# ---- 6. profiles -------------------------------------------------------------------------------
process_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# profile_target <target> <pid> <inspector port>: profile_once until other work leaves it alone (BENCH_ATTEMPTS)
profile_target() {
  local name="$1" attempt other
  rm -rf "$OUT/kept-$name"
  for ((attempt = 1; ; attempt++)); do
    wait_quiet
    profile_once "$@"
    other="$(other_cores "$OUT/profile-run-$name.json")"
    keep_if_least_disturbed "$name" "$other" "$OUT/profile-run-$name.json" "$OUT/profile-run-$name-cpu.jsonl" \
      "$OUT/$name.cpuprofile" "$OUT/$name.heapprofile" "$OUT"/cpu-profile-"$name".* "$OUT"/allocations-"$name".*
    undisturbed "$other" && break
    if [ "$attempt" -ge "$BENCH_ATTEMPTS" ]; then
      warn "other work took up to $other cores while $name was profiled: the least disturbed of $attempt is kept"
      break
    fi
    warn "other work took up to $other cores while $name was profiled (more than $BENCH_MAX_OTHER_CORES): again"
  done
  restore_kept "$name"
}

# profile_once <target> <pid> <inspector port>: k6 against that target alone; its main thread profiled (CPU and
# allocations) for BENCH_PROFILE_S s in the middle, once it is busy; the calls answered meanwhile from k6's rate.
profile_once() {
  local name="$1" pid="$2" port="$3" k6_run window ticks seconds calls
  log "profile of $name: k6 against it alone, its main thread profiled for ${BENCH_PROFILE_S} s in the middle"
  run_k6 "$OUT/profile-run-$name.json" BENCH_TARGETS="$name" BENCH_WARMUP_S=3 BENCH_DURATION_S=$((BENCH_PROFILE_S + 4)) &
  k6_run=$!
  ticks="$(process_ticks "$pid")"
  busy() { # more than a fifth of a core since the last look (every 0.5 s)
    local now
    now="$(process_ticks "$pid")"
    [ $((now - ticks)) -gt $((HZ / 10)) ] && return 0
    ticks="$now"
    return 1
  }
  wait_until 60 "k6's calls to $name" busy || die "k6 made no call to $name"
  sleep 4 # the warm-up and a second of the measured run
  window="$(node "$MEDGRID_ROOT/bench/lib/profile-window.mjs" "$port" "$BENCH_PROFILE_S" "$OUT/$name.cpuprofile" \
    "$BENCH_PROFILE_INTERVAL_US" --heap "$OUT/$name.heapprofile")" ||
    die "the profile of $name could not be taken through 127.0.0.1:$port"
  wait "$k6_run" || die "k6's run against $name failed"
  seconds="$(jq -r '(.endedAt - .startedAt) / 1000' <<<"$window")"
  calls="$(jq -r --argjson s "$seconds" '.results[0].callsPerSecond * $s | floor' "$OUT/profile-run-$name.json")"
  log "profiled $name for $seconds s: about $calls calls"
  node "$MEDGRID_ROOT/bench/lib/cpu-profile-top.js" "$OUT/$name.cpuprofile" 30 --calls "$calls" \
    --json "$OUT/cpu-profile-$name.json" >"$OUT/cpu-profile-$name.txt"
  node "$MEDGRID_ROOT/bench/lib/allocation-top.js" "$OUT/$name.heapprofile" 30 --calls "$calls" \
    --json "$OUT/allocations-$name.json" >"$OUT/allocations-$name.txt"
}

# ---- main --------------------------------------------------------------------------------------
preflight
create_database
start_service
rm -rf "$OUT/kept-run"
for ((attempt = 1; ; attempt++)); do
  wait_quiet
  # A fresh token each time: a long wait for quiet must not outlive it.
  write_plan
  start_bare
  counted="$(whoami_counted)"
  load_before="$(load_average)"
  log "k6: $BENCH_VUS calls at once, $BENCH_SERVICE then the bare server, ${BENCH_WARMUP_S} s + ${BENCH_DURATION_S} s each (load average $load_before)"
  jq -n --arg at "$(date -u '+%Y-%m-%d %H:%M UTC')" --arg before "$load_before" --argjson attempt "$attempt" \
    '{measuredAt: $at, loadBefore: $before, attempt: $attempt}' >"$OUT/per-call-context.json"
  run_k6 "$OUT/per-call.json"
  jq --arg after "$(load_average)" --argjson counted $(($(whoami_counted) - counted)) \
    '. + {loadAfter: $after, counted: $counted}' "$OUT/per-call-context.json" >"$OUT/per-call-context.json.new" &&
    mv "$OUT/per-call-context.json.new" "$OUT/per-call-context.json"
  other="$(other_cores "$OUT/per-call.json")"
  keep_if_least_disturbed run "$other" "$OUT/per-call.json" "$OUT/per-call-cpu.jsonl" "$OUT/per-call-context.json"
  undisturbed "$other" && break
  if [ "$attempt" -ge "$BENCH_ATTEMPTS" ]; then
    warn "other work took up to $other cores in a measured window: the least disturbed of $attempt runs is kept"
    break
  fi
  warn "other work took up to $other cores in a measured window (more than $BENCH_MAX_OTHER_CORES): measuring again"
done
restore_kept run
if [ "$BENCH_PROFILE_S" -gt 0 ]; then
  profile_target platform "$SERVICE_PID" "$BENCH_INSPECT_PORT"
  profile_target bare "$BARE_PID" "$BARE_INSPECT_PORT"
fi

FAILED="$(jq '[.results[] | .failed + .wrongAnswers] | add' "$OUT/per-call.json")"
commit="$(git -C "$MEDGRID_ROOT" rev-parse --short HEAD)"
dirty=false
[ -z "$(git -C "$MEDGRID_ROOT" status --porcelain --untracked-files=no)" ] || dirty=true
jq --arg commit "$commit" --argjson dirty "$dirty" --arg node "$(node --version)" \
  --arg cpus "$(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)" \
  --arg service "$BENCH_SERVICE" --arg otel "$BENCH_OTEL_EXPORTER" --arg logLevel "$BENCH_LOG_LEVEL" \
  --argjson profileSeconds "$BENCH_PROFILE_S" --argjson attempts "$attempt" \
  '. + {commit: $commit, dirty: $dirty, node: $node, cpus: $cpus, service: $service, tracesExporter: $otel,
    logLevel: $logLevel, profileSeconds: $profileSeconds, attempts: $attempts}' \
  "$OUT/per-call-context.json" >"$OUT/context.json"
profile_args=()
if [ "$BENCH_PROFILE_S" -gt 0 ]; then
  profile_args=(--profiles "$OUT")
fi
node "$BENCH_DIR/report.mjs" --summary "$OUT/per-call.json" --samples "$OUT/per-call-cpu.jsonl" --hz "$HZ" \
  --context "$OUT/context.json" "${profile_args[@]}" --out "$OUT/report-$STAMP.json"
[ "$BENCH_PROFILE_S" -eq 0 ] || log "the profiles by function: $OUT/cpu-profile-{platform,bare}.txt, $OUT/allocations-{platform,bare}.txt"
[ "$FAILED" -eq 0 ] || die "$FAILED calls failed or were answered wrongly (see k6's warnings above)"
