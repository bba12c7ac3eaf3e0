#!/usr/bin/env bash
# "Already done?" benchmark of the lab-sharing service (检查检验结果互认): look-ups for random
# patients and items against a result registry of millions of results, with authorisation and audit
# on. A benchmark, not a test: CI does not run it. Needs PostgreSQL and Kafka (scripts/up.sh); it
# starts its own lab-sharing process on its own database and ports, and stops it at the end.
#
#   scripts/bench-lab-sharing.sh            30,000 residents, 360,000 results (a quick run)
#   scripts/bench-lab-sharing.sh --full     3,000,000 residents, 36,000,000 results (the issue's scale)
#   scripts/bench-lab-sharing.sh --smoke    2,000 residents, 6 s of look-ups at 20 and 50 a second (~35 s)
#   scripts/bench-lab-sharing.sh --reuse    use the last --keep run's database if seeded at this scale
#                                           within 90 minutes (its still-valid results age)
#   scripts/bench-lab-sharing.sh --keep     leave the database for a later --reuse (else it is dropped)
#   scripts/bench-lab-sharing.sh --no-build use the services' current build (else: nx build lab-sharing)
#
# Steps:
#   1. database: drops and creates $BENCH_DB (never a service's own database), migrates it with
#      lab-sharing's migrations
#   2. seed, in SQL (bench/lab-sharing/*.sql): generators (functions.sql, checked against the k6
#      side's), a city, its grid, a group of $BENCH_INSTITUTIONS institutions in lab-sharing's registry
#      projection (registry.sql), the starter recognition catalogue from lab-sharing's build
#      (catalogue.sql, items.sql), then $BENCH_RESULTS_PER_RESIDENT results per resident (results-*.sql:
#      set-based INSERT ... SELECT over generate_series in two sessions, result_record's indexes
#      dropped for the load and made again after), then VACUUM ANALYZE
#   3. lab-sharing from its build on 127.0.0.1:$BENCH_GRPC_PORT, its own Kafka consumer group (waited
#      on until it has caught up with its topics), the outbox relay off (events stay in its database)
#   4. pgbench: bench/lab-sharing/lookup.pgbench, the same look-up as one bare SQL query over the
#      same mix of patients and items, $BENCH_PGBENCH_SECONDS s, $BENCH_PGBENCH_CLIENTS clients; then
#      EXPLAIN ANALYZE of the service's read for a hit and a miss (explain.txt)
#   5. k6: bench/lab-sharing/already-done.js, look-ups at rising arrival rates; audit_log,
#      recognition_lookup, pg_stat_* and the CPU of lab-sharing and its backends read before and after
#   6. checks (PASS/FAIL), the work per look-up, and the ratio of the peak look-ups per second to
#      pgbench TPS
# Output in .bench/lab-sharing/ (git-ignored; it holds tokens): plan.json, pgbench.log/.json,
# explain.txt, already-done.json (k6's summary), lab-sharing.log, seed-*.log, cpu-profile.txt (with
# BENCH_NODE_PROF=1), report-<UTC time>.json (everything, with the checks and the figures).
# Exit status: 1 when a check fails or a step cannot run; a missed performance target is reported,
# not an error.
#
# Settings (environment; --full and --smoke change the defaults marked *):
#   BENCH_RESIDENTS=30000*  BENCH_RESULTS_PER_RESIDENT=12 (at most 12)  BENCH_INSTITUTIONS=20
#   BENCH_SITES=4           ordering sites (primary institutions) whose tokens k6 uses
#   BENCH_RATES=250,500,750,1000,1250,1500*  BENCH_STEP_S=15*  BENCH_VUS=200  (see already-done.js)
#   BENCH_WARMUP_S=10*  BENCH_WARMUP_RATE=100   look-ups before the steps, checked but not in their figures
#   BENCH_HIT_PCT=20  BENCH_EXPIRED_PCT=40  BENCH_SEED=1
#   BENCH_PGBENCH_SECONDS=30*  BENCH_PGBENCH_CLIENTS=8  BENCH_PGBENCH_MODE=prepared
#   BENCH_DB=medgrid_lab_sharing_bench  BENCH_GRPC_PORT=50163  BENCH_HTTP_PORT=3163
#   BENCH_POOL_SIZE=10      lab-sharing's DATABASE_POOL_SIZE   BENCH_LOG_LEVEL=info
#   BENCH_SEED_SESSIONS=2   concurrent sessions loading results
#   BENCH_NODE_PROF=0       1: lab-sharing runs with --cpu-prof; its hottest functions go to cpu-profile.txt
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

SCALE=quick
REUSE=0
KEEP=0
BUILD=1
for arg in "$@"; do
  case "$arg" in
    --full) SCALE=full ;;
    --smoke) SCALE=smoke ;;
    --reuse) REUSE=1 ;;
    --keep) KEEP=1 ;;
    --no-build) BUILD=0 ;;
    *) usage ;;
  esac
done

case "$SCALE" in
  full) : "${BENCH_RESIDENTS:=3000000}" ;;
  smoke)
    : "${BENCH_RESIDENTS:=2000}" "${BENCH_RATES:=20,50}" "${BENCH_STEP_S:=3}" "${BENCH_PGBENCH_SECONDS:=3}"
    : "${BENCH_WARMUP_S:=0}"
    : "${BENCH_VUS:=20}"
    ;;
esac
: "${BENCH_RESIDENTS:=30000}" "${BENCH_RESULTS_PER_RESIDENT:=12}" "${BENCH_INSTITUTIONS:=20}" "${BENCH_SITES:=4}"
: "${BENCH_RATES:=250,500,750,1000,1250,1500}" "${BENCH_STEP_S:=15}" "${BENCH_VUS:=200}"
: "${BENCH_HIT_PCT:=20}" "${BENCH_EXPIRED_PCT:=40}" "${BENCH_SEED:=1}"
: "${BENCH_PGBENCH_SECONDS:=30}" "${BENCH_PGBENCH_CLIENTS:=8}" "${BENCH_PGBENCH_MODE:=prepared}"
: "${BENCH_DB:=medgrid_lab_sharing_bench}" "${BENCH_GRPC_PORT:=50163}" "${BENCH_HTTP_PORT:=3163}"
: "${BENCH_POOL_SIZE:=10}" "${BENCH_LOG_LEVEL:=info}" "${BENCH_SEED_SESSIONS:=2}" "${BENCH_NODE_PROF:=0}"
: "${BENCH_WARMUP_S:=10}" "${BENCH_WARMUP_RATE:=100}"
export BENCH_RATES BENCH_STEP_S BENCH_VUS BENCH_HIT_PCT BENCH_EXPIRED_PCT BENCH_SEED BENCH_WARMUP_S BENCH_WARMUP_RATE

[ "$BENCH_RESULTS_PER_RESIDENT" -ge 1 ] && [ "$BENCH_RESULTS_PER_RESIDENT" -le 12 ] ||
  die "BENCH_RESULTS_PER_RESIDENT must be 1-12"
[ "$BENCH_INSTITUTIONS" -ge $((BENCH_SITES + 1)) ] || die "BENCH_INSTITUTIONS must exceed BENCH_SITES"
case "$BENCH_DB" in
  medgrid_lab_sharing | medgrid_registry | medgrid_referral | medgrid_scheduling | postgres | template*)
    die "BENCH_DB=$BENCH_DB is not the benchmark's own database: the bench drops and creates it" ;;
esac

OUT="$MEDGRID_ROOT/.bench/lab-sharing"
mkdir -p "$OUT"
chmod 700 "$MEDGRID_ROOT/.bench" "$OUT"
umask 077 # plan.json holds bearer tokens
PLAN="$OUT/plan.json"
PGBENCH_JSON="$OUT/pgbench.json"
SUMMARY="$OUT/already-done.json"
SERVICE_LOG="$OUT/lab-sharing.log"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
BENCH_DIR="$MEDGRID_ROOT/bench/lab-sharing"
DIST="$MEDGRID_ROOT/services/lab-sharing/dist"
TARGET="127.0.0.1:$BENCH_GRPC_PORT"
BENCH_URL="postgres://$MEDGRID_PG_USER:$MEDGRID_PG_PASSWORD@$MEDGRID_PG_HOST:$MEDGRID_PG_PORT/$BENCH_DB"

# ---- helpers ---------------------------------------------------------------------------------
pg() { # <database> [psql args...]: psql as the medgrid role, unaligned, quiet, stop on error
  local db="$1"
  shift
  PGPASSWORD="$MEDGRID_PG_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -w -q -At -F '|' -v ON_ERROR_STOP=1 \
    -h "$MEDGRID_PG_HOST" -p "$MEDGRID_PG_PORT" -U "$MEDGRID_PG_USER" -d "$db" "$@"
}
bench_sql() { pg "$BENCH_DB" "$@"; }

token() { # <role> <institution> <group>: a development token valid for two hours
  bash "$here/dev-token.sh" --role "$1" --subject bench-already-done --ttl 7200 --institution "$2" --group "$3"
}

seconds_since() { awk -v s="$1" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - s }'; }

# ---- 0. preflight ------------------------------------------------------------------------------
preflight() {
  local tool
  for tool in psql jq pgbench curl; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (apt-get install postgresql-client postgresql-contrib jq curl)"
  done
  [ -n "$MEDGRID_PG_PASSWORD" ] || die "no PostgreSQL password ($MEDGRID_PG_PASSWORD_FILE): is the platform up? (bash scripts/up.sh)"
  [ "$(pg postgres -c 'select 1' 2>/dev/null)" = 1 ] ||
    die "cannot reach PostgreSQL on $MEDGRID_PG_HOST:$MEDGRID_PG_PORT (bash scripts/up.sh)"
  tcp_open 127.0.0.1 "$MEDGRID_KAFKA_PORT" || die "Kafka is not up on 127.0.0.1:$MEDGRID_KAFKA_PORT (bash scripts/up.sh)"
  if tcp_open 127.0.0.1 "$BENCH_GRPC_PORT" || tcp_open 127.0.0.1 "$BENCH_HTTP_PORT"; then
    die "something already listens on $BENCH_GRPC_PORT or $BENCH_HTTP_PORT (an earlier bench's lab-sharing? set BENCH_GRPC_PORT/BENCH_HTTP_PORT)"
  fi
  medgrid_ensure_dev_keys
  medgrid_ensure_k6
  if [ "$BUILD" -eq 1 ]; then
    log "building lab-sharing and the libraries it uses (nx)"
    (cd "$MEDGRID_ROOT" && node_modules/.bin/nx run-many -t build -p @medgrid/lab-sharing --outputStyle=static >"$OUT/build.log" 2>&1) ||
      { tail -n 30 "$OUT/build.log" >&2; die "the build failed (log: $OUT/build.log)"; }
  fi
  [ -f "$DIST/main.js" ] || die "lab-sharing is not built ($DIST/main.js): run without --no-build"
}

# ---- 1. database -------------------------------------------------------------------------------
seeded_scale() { # the scale the kept database was seeded at, or nothing; results seeded as still valid
  # stay so about two hours (results-load.sql), so a seed older than 90 minutes is not reused
  bench_sql -c "select residents || ' ' || per_resident || ' ' || institutions from bench_scale
    where seeded_at > now() - interval '90 minutes'" 2>/dev/null || true
}

create_database() {
  pg postgres -c "drop database if exists $BENCH_DB with (force)"
  pg postgres -c "create database $BENCH_DB"
  log "created $BENCH_DB; migrating it with lab-sharing's migrations"
  DATABASE_URL="$BENCH_URL" node "$DIST/database/migrate.js" up >"$OUT/migrate.log" 2>&1 ||
    { cat "$OUT/migrate.log" >&2; die "lab-sharing's migrations failed on $BENCH_DB"; }
}

# ---- 2. seed -----------------------------------------------------------------------------------
check_generators() { # the SQL and the k6 scenario must make the same residents and items
  local n sql js
  n="0,1,7,$((BENCH_RESIDENTS - 1)),1234567,87572339"
  sql="$(bench_sql -c "select string_agg(bench_resident_id(n) || ':' || bench_item_index(n, 5, 250), ',' order by o)
    from unnest(array[$n]::bigint[]) with ordinality as t(n, o)")"
  js="$(node --input-type=module -e "
    import { residentId, itemIndex } from '$BENCH_DIR/lib/registry-shape.js';
    console.log([$n].map((n) => residentId(n) + ':' + itemIndex(n, 5, 250)).join(','));" 2>/dev/null)"
  [ "$sql" = "$js" ] || die "bench_resident_id/bench_item_index (SQL) and registry-shape.js disagree: $sql vs $js"
}

load_catalogue() { # the starter catalogue, from lab-sharing's build, as the city's version 1
  local items
  items="$(node -e "
    const { STARTER_CATALOGUE } = require('$DIST/recognition/domain/starter/starter-catalogue.js');
    process.stdout.write(JSON.stringify(STARTER_CATALOGUE));")"
  bench_sql -v items="$items" -f "$BENCH_DIR/catalogue.sql"
}

load_results() {
  local started per_session lo hi s pids=() rc=0
  started="$(date +%s.%N)"
  bench_sql -v residents="$BENCH_RESIDENTS" -f "$BENCH_DIR/results-before.sql"
  per_session=$(((BENCH_RESIDENTS + BENCH_SEED_SESSIONS - 1) / BENCH_SEED_SESSIONS))
  for ((s = 0; s < BENCH_SEED_SESSIONS; s++)); do
    lo=$((s * per_session))
    hi=$((lo + per_session - 1))
    [ "$hi" -lt "$BENCH_RESIDENTS" ] || hi=$((BENCH_RESIDENTS - 1))
    [ "$lo" -le "$hi" ] || continue
    bench_sql -v lo="$lo" -v hi="$hi" -v per_resident="$BENCH_RESULTS_PER_RESIDENT" -v session="$s" \
      -f "$BENCH_DIR/results-load.sql" >"$OUT/seed-$s.log" 2>&1 &
    pids+=("$!")
  done
  for s in "${pids[@]}"; do wait "$s" || rc=1; done
  [ "$rc" -eq 0 ] || { cat "$OUT"/seed-*.log >&2; die "loading the results failed"; }
  log "results loaded in $(seconds_since "$started") s; indexing"
  started="$(date +%s.%N)"
  bench_sql -f "$BENCH_DIR/results-after.sql"
  log "indexes made, vacuumed and analysed in $(seconds_since "$started") s"
}

seed() {
  local started
  started="$(date +%s.%N)"
  bench_sql -f "$BENCH_DIR/functions.sql"
  check_generators
  bench_sql -v residents="$BENCH_RESIDENTS" -v per_resident="$BENCH_RESULTS_PER_RESIDENT" \
    -v institutions="$BENCH_INSTITUTIONS" -f "$BENCH_DIR/registry.sql"
  load_catalogue
  bench_sql -f "$BENCH_DIR/items.sql"
  load_results
  log "seeded $(bench_sql -c "select to_char(count(*), 'FM999,999,999') from result_record") results of $BENCH_RESIDENTS residents in $(seconds_since "$started") s ($(bench_sql -c "select pg_size_pretty(pg_total_relation_size('result_record'))") with indexes)"
}

# ---- 3. the service ----------------------------------------------------------------------------
SERVICE_PID=""
stop_service() {
  local profile
  [ -n "$SERVICE_PID" ] || return 0
  if kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  SERVICE_PID=""
  if [ "$BENCH_NODE_PROF" = 1 ]; then
    profile="$(ls -t "$PROFILE_DIR"/*.cpuprofile 2>/dev/null | head -n 1 || true)"
    if [ -n "$profile" ]; then
      node "$MEDGRID_ROOT/bench/lib/cpu-profile-top.js" "$profile" 25 >"$OUT/cpu-profile.txt" && log "lab-sharing's CPU profile: $OUT/cpu-profile.txt ($profile)"
    else
      warn "lab-sharing wrote no CPU profile into $PROFILE_DIR"
    fi
  fi
}

cleanup() {
  stop_service
  if [ "$KEEP" -eq 0 ] && [ "${DB_MADE:-0}" -eq 1 ]; then
    pg postgres -c "drop database if exists $BENCH_DB with (force)" 2>/dev/null || true
  fi
}
trap cleanup EXIT

NODE_PROF_ARGS=()
PROFILE_DIR="$OUT/cpu-profile"
start_service() {
  local group
  if [ "$BENCH_NODE_PROF" = 1 ]; then
    rm -rf "$PROFILE_DIR"
    NODE_PROF_ARGS=(--cpu-prof --cpu-prof-dir="$PROFILE_DIR")
  fi
  group="lab-sharing-bench-$STAMP"
  log "starting lab-sharing on $TARGET (database $BENCH_DB, consumer group $group, log $SERVICE_LOG)"
  DATABASE_URL="$BENCH_URL" DATABASE_POOL_SIZE="$BENCH_POOL_SIZE" \
    KAFKA_BROKERS="$MEDGRID_KAFKA_BROKERS" KAFKA_CONSUMER_GROUP="$group" \
    GRPC_PORT="$BENCH_GRPC_PORT" HTTP_PORT="$BENCH_HTTP_PORT" \
    AUTH_PUBLIC_KEY_FILE="$MEDGRID_ISSUER_PUBLIC_KEY" OUTBOX_RELAY_ENABLED=false \
    OTEL_TRACES_EXPORTER=none LOG_LEVEL="$BENCH_LOG_LEVEL" \
    node "${NODE_PROF_ARGS[@]}" "$DIST/main.js" >"$SERVICE_LOG" 2>&1 &
  SERVICE_PID=$!
  ready() {
    kill -0 "$SERVICE_PID" 2>/dev/null || return 125
    curl -fsS "http://127.0.0.1:$BENCH_HTTP_PORT/health/ready" >/dev/null 2>&1
  }
  wait_until 60 "lab-sharing readiness" ready || { tail -n 30 "$SERVICE_LOG" >&2; die "lab-sharing did not become ready"; }
  # A fresh consumer group reads every topic it consumes from the beginning (the demo city's
  # institutions and groups, the referrals of earlier runs): let it catch up, so the look-ups do not
  # share the cores with that.
  caught_up() {
    kill -0 "$SERVICE_PID" 2>/dev/null || return 125
    KAFKA_BROKERS="$MEDGRID_KAFKA_BROKERS" node "$MEDGRID_ROOT/bench/lib/consumer-caught-up.js" "$group" >"$OUT/consumer-lag.txt" 2>&1
  }
  wait_until 300 "lab-sharing's consumers caught up with their topics" caught_up ||
    warn "lab-sharing's consumers are still behind ($(cat "$OUT/consumer-lag.txt")): the look-ups share the cores with them"
}

write_plan() {
  local sites="[]" id group
  group="$(bench_sql -c "select group_id from bench_scale")"
  while read -r id; do
    sites="$(jq -c --arg id "$id" --arg t "$(token primary-staff "$id" "$group")" '. + [{institutionId: $id, token: $t}]' <<<"$sites")"
  done < <(bench_sql -c "select id from bench_institution where level = 'primary' order by n limit $BENCH_SITES")
  jq -n --arg target "$TARGET" --arg runId "$(cat /proc/sys/kernel/random/uuid)" --arg groupId "$group" \
    --argjson sites "$sites" --argjson residents "$BENCH_RESIDENTS" --argjson perResident "$BENCH_RESULTS_PER_RESIDENT" \
    --argjson results "$((BENCH_RESIDENTS * BENCH_RESULTS_PER_RESIDENT))" \
    --argjson items "$(bench_sql -c "select json_agg(code order by idx) from bench_item")" \
    '{target: $target, runId: $runId, groupId: $groupId, sites: $sites, residents: $residents,
      resultsPerResident: $perResident, results: $results, items: $items}' >"$PLAN"
}

# ---- 4. pgbench --------------------------------------------------------------------------------
run_pgbench() {
  local log="$OUT/pgbench.log" items tps threads
  items="$(bench_sql -c "select count(*) from bench_item")"
  threads=$((BENCH_PGBENCH_CLIENTS < 2 ? BENCH_PGBENCH_CLIENTS : 2))
  log "pgbench: the look-up as bare SQL (bench/lab-sharing/lookup.pgbench), $BENCH_PGBENCH_CLIENTS clients, ${BENCH_PGBENCH_SECONDS} s, -M $BENCH_PGBENCH_MODE"
  PGPASSWORD="$MEDGRID_PG_PASSWORD" pgbench -h "$MEDGRID_PG_HOST" -p "$MEDGRID_PG_PORT" -U "$MEDGRID_PG_USER" \
    -n -f "$BENCH_DIR/lookup.pgbench" -M "$BENCH_PGBENCH_MODE" -c "$BENCH_PGBENCH_CLIENTS" -j "$threads" \
    -T "$BENCH_PGBENCH_SECONDS" -r -D residents="$BENCH_RESIDENTS" -D per_resident="$BENCH_RESULTS_PER_RESIDENT" \
    -D items="$items" -D hit_pct="$BENCH_HIT_PCT" -D expired_pct="$BENCH_EXPIRED_PCT" "$BENCH_DB" >"$log" 2>&1 ||
    { cat "$log" >&2; die "pgbench failed"; }
  tps="$(awk '/^tps = / { print $3; exit }' "$log")"
  [ -n "$tps" ] || { cat "$log" >&2; die "no tps line in pgbench's output"; }
  jq -n --argjson tps "$tps" --argjson clients "$BENCH_PGBENCH_CLIENTS" --argjson threads "$threads" \
    --argjson seconds "$BENCH_PGBENCH_SECONDS" --arg mode "$BENCH_PGBENCH_MODE" --arg at "$STAMP" \
    --arg latency "$(awk '/^latency average = / { print $4; exit }' "$log")" \
    '{script: "bench/lab-sharing/lookup.pgbench", tps: $tps, latencyAverageMs: ($latency | tonumber? // null),
      clients: $clients, threads: $threads, seconds: $seconds, mode: $mode, measuredAt: $at}' >"$PGBENCH_JSON"
  log "pgbench: $tps TPS (log $log)"
}

# The plan of the service's read for a hit and for an item never done, as lab-sharing sends it
# (ResultRecordTypeormRepository.candidatesFor): it should be an index-only scan with no heap fetch.
explain_lookups() {
  local out="$OUT/explain.txt" kind n=$((BENCH_RESIDENTS / 3)) items idx
  items="$(bench_sql -c "select count(*) from bench_item")"
  : >"$out"
  for kind in hit never; do
    idx="bench_item_index($n, 0, $items)"
    [ "$kind" = hit ] || idx="($idx + 1) % $items"
    bench_sql >>"$out" <<SQL
\\echo '--- $kind: resident $n'
select bench_resident_id($n) as patient, code as item, now() - make_interval(days => validity_days) as since
  from bench_item where idx = $idx \\gset
explain (analyze, buffers, costs off)
SELECT id, performed_at, performer_institution_id, performer_group_id, performer_region_id,
       performer_accredited, performer_quality_control_passed
  FROM result_record
 WHERE patient_resident_id = :'patient' AND item_code = :'item'
   AND status <> 'entered-in-error' AND performed_at > :'since'
 ORDER BY performed_at DESC LIMIT 20;
SQL
  done
  if grep -q 'Index Only Scan using result_record_recognition_idx' "$out" && ! grep -q 'Heap Fetches: [1-9]' "$out"; then
    log "the look-up's read is an index-only scan without heap fetches ($out)"
  else
    warn "the look-up's read is not an index-only scan without heap fetches: see $out"
  fi
}

# Where the work goes: the service's CPU time (from /proc), the database's transactions and rows
# rows fetched and written per table (pg_stat_*), before and after the look-ups.
service_cpu_ms() { # user + system CPU of the service process so far, in ms
  awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$SERVICE_PID/stat" 2>/dev/null || echo 0
}
backends_cpu_ms() { # user + system CPU so far of the PostgreSQL backends serving lab-sharing, in ms
  local pids
  pids="$(bench_sql -c "select string_agg(pid::text, ' ') from pg_stat_activity
    where datname = current_database() and application_name = 'lab-sharing'")"
  # shellcheck disable=SC2086 # one /proc path per pid
  (cd /proc && cat $(printf '%s/stat ' $pids) 2>/dev/null) |
    awk -v hz="$(getconf CLK_TCK)" '{ t += $14 + $15 } END { print int(t * 1000 / hz) }'
}
db_counters() { # JSON: the bench database's rows fetched, inserted and updated per table
  bench_sql -c "select json_build_object(
    'rowsFetched', (select tup_fetched from pg_stat_database where datname = current_database()),
    'inserts', (select coalesce(json_object_agg(relname, n_tup_ins), '{}') from pg_stat_user_tables where n_tup_ins > 0),
    'updates', (select coalesce(json_object_agg(relname, n_tup_upd), '{}') from pg_stat_user_tables where n_tup_upd > 0))"
}

# ---- 5. k6 -------------------------------------------------------------------------------------
AUDIT_BEFORE=0
LOOKUPS_BEFORE=0
K6_CPU=""
run_k6() {
  local rc=0 timing=()
  AUDIT_BEFORE="$(bench_sql -c "select count(*) from audit_log")"
  LOOKUPS_BEFORE="$(bench_sql -c "select count(*) from recognition_lookup")"
  sleep 1 # pg_stat_* counters reach the views within a second
  DB_BEFORE="$(db_counters)"
  CPU_BEFORE="$(service_cpu_ms)"
  PG_CPU_BEFORE="$(backends_cpu_ms)"
  rm -f "$SUMMARY" "$OUT/k6-cpu"
  [ -x /usr/bin/time ] && timing=(/usr/bin/time -f '%e %U %S' -o "$OUT/k6-cpu")
  log "k6: look-ups at $BENCH_RATES per second, ${BENCH_STEP_S} s each (bench/lab-sharing/already-done.js)"
  BENCH_PLAN="$PLAN" BENCH_SUMMARY_OUT="$SUMMARY" BENCH_PROTO_DIR="$MEDGRID_ROOT/proto" \
    "${timing[@]}" "$MEDGRID_K6" run --quiet --no-usage-report "$BENCH_DIR/already-done.js" || rc=$?
  SERVICE_CPU_MS=$(($(service_cpu_ms) - CPU_BEFORE))
  PG_CPU_MS=$(($(backends_cpu_ms) - PG_CPU_BEFORE))
  [ -s "$SUMMARY" ] || die "k6 exited with $rc and wrote no summary"
  [ "$rc" -eq 0 ] || warn "k6 exited with $rc"
  cp "$SUMMARY" "$OUT/already-done-$STAMP.json"
  sleep 11 # an idle connection's pg_stat_* counters reach the views within 10 s
  DB_AFTER="$(db_counters)"
  if [ -s "$OUT/k6-cpu" ]; then
    read -r wall user sys < <(tail -n 1 "$OUT/k6-cpu")
    K6_CPU="$(awk -v u="$user" -v s="$sys" -v w="$wall" 'BEGIN { printf "{\"wallSeconds\": %.1f, \"cpuSeconds\": %.1f}", w, u + s }')"
    log "k6 itself used $(jq -r '"\(.cpuSeconds) s CPU in \(.wallSeconds) s"' <<<"$K6_CPU")"
  fi
}

# ---- 6. checks and report ----------------------------------------------------------------------
FAILED=0
CHECKS="[]"
check() { # <name> <ok 0|1> <text>
  CHECKS="$(jq -c --arg n "$1" --argjson ok "$2" --arg t "$3" '. + [{name: $n, passed: ($ok == 1), check: $t}]' <<<"$CHECKS")"
  if [ "$2" -eq 1 ]; then printf '  PASS  %s\n' "$3"; else FAILED=1; printf '  FAIL  %s\n' "$3"; fi
}

checks_and_report() {
  local answered errors wrong audit lookups tps lps ratio="null" report="$OUT/report-$STAMP.json" hit
  answered="$(jq -r .counts.ok "$SUMMARY")"
  errors="$(jq -r .counts.errors "$SUMMARY")"
  wrong="$(jq -r .counts.wrongAnswers "$SUMMARY")"
  hit="$(jq -r '.hitShare * 100 | floor' "$SUMMARY")"
  audit=$(($(bench_sql -c "select count(*) from audit_log") - AUDIT_BEFORE))
  lookups=$(($(bench_sql -c "select count(*) from recognition_lookup") - LOOKUPS_BEFORE))
  printf '\nchecks (database %s)\n' "$BENCH_DB"
  check answered "$([ "$answered" -gt 0 ] && [ "$errors" -eq 0 ] && echo 1 || echo 0)" \
    "every look-up answered OK: $answered answered, $errors errors"
  check audited "$([ "$audit" -ge "$answered" ] && echo 1 || echo 0)" \
    "an audit row for every look-up answered: $audit new audit_log rows for $answered look-ups"
  check recorded "$([ "$lookups" -eq "$answered" ] && echo 1 || echo 0)" \
    "each answered look-up recorded once: $lookups new recognition_lookup rows for $answered look-ups"
  check as_seeded "$([ "$wrong" -eq 0 ] && echo 1 || echo 0)" \
    "every answer as seeded (the still-valid result offered, nothing for expired or never-done items): $wrong otherwise"
  printf '  info  %s%% of answers offered a result (the mix asks for %s%%)\n' "$hit" "$BENCH_HIT_PCT"
  WORK="$(jq -n --argjson b "$DB_BEFORE" --argjson a "$DB_AFTER" --argjson n "$answered" --argjson cpu "$SERVICE_CPU_MS" --argjson pgcpu "$PG_CPU_MS" \
    'def per: if $n > 0 then (. / $n * 100 | round / 100) else null end;
     def delta($k): ($a[$k] // {}) as $x | ($b[$k] // {}) as $y
       | [$x | to_entries[] | {key, value: ((.value - ($y[.key] // 0)) | per)} | select(.value != null and .value > 0)]
       | from_entries;
     {lookups: $n, serviceCpuMsPerLookup: ($cpu | per), postgresCpuMsPerLookup: ($pgcpu | per),
      rowsFetchedPerLookup: (($a.rowsFetched - $b.rowsFetched) | per),
      insertsPerLookup: delta("inserts"), updatesPerLookup: delta("updates")}')"
  printf '  info  per look-up: %s ms of lab-sharing CPU, %s ms of its PostgreSQL backends, rows inserted %s, updated %s\n' \
    "$(jq -r .serviceCpuMsPerLookup <<<"$WORK")" "$(jq -r .postgresCpuMsPerLookup <<<"$WORK")" \
    "$(jq -c .insertsPerLookup <<<"$WORK")" "$(jq -c .updatesPerLookup <<<"$WORK")"

  # Both are saturation rates: the best step's answers per second (the arrivals beyond it were
  # dropped or queued), and pgbench's transactions per second with every client busy.
  lps="$(jq -r '.peak.perSecond // 0' "$SUMMARY")"
  tps="$(jq -r '.tps' "$PGBENCH_JSON")"
  printf '\n'
  if awk -v t="$tps" 'BEGIN { exit !(t > 0) }'; then
    ratio="$(awk -v l="$lps" -v t="$tps" 'BEGIN { printf "%.4f", l / t }')"
    printf 'look-ups per second (best step) / pgbench TPS = %.1f / %.1f = %s (pgbench: %s clients, %s s, -M %s)\n' \
      "$lps" "$tps" "$ratio" "$(jq -r .clients "$PGBENCH_JSON")" "$(jq -r .seconds "$PGBENCH_JSON")" "$(jq -r .mode "$PGBENCH_JSON")"
  fi
  printf 'target: %s\n' "$(jq -r '.targets.lookupsPerSecondWithinP99 | "\(.target): \(if .met == null then "n/a (\(.why))" elif .met then "met" else "MISSED" end) (\(.value | floor)/s)"' "$SUMMARY")"
  jq -n --slurpfile k6 "$SUMMARY" --slurpfile pgbench "$PGBENCH_JSON" --argjson checks "$CHECKS" \
    --argjson ratio "$ratio" --argjson audit "$audit" --argjson lookups "$lookups" --arg at "$STAMP" \
    --argjson k6cpu "${K6_CPU:-null}" --argjson work "${WORK:-null}" \
    --argjson scale "{\"residents\": $BENCH_RESIDENTS, \"resultsPerResident\": $BENCH_RESULTS_PER_RESIDENT, \"institutions\": $BENCH_INSTITUTIONS}" \
    '{measuredAt: $at, scale: $scale, pgbench: $pgbench[0], lookups: $k6[0], loadGenerator: $k6cpu,
      newAuditRows: $audit, newLookupRows: $lookups, checks: $checks, work: $work,
      lookupsPerSecondOverPgbenchTps: $ratio}' >"$report"
  printf 'report: %s\n' "$report"
}

# ---- main --------------------------------------------------------------------------------------
preflight
if [ "$REUSE" -eq 1 ] && [ "$(seeded_scale)" = "$BENCH_RESIDENTS $BENCH_RESULTS_PER_RESIDENT $BENCH_INSTITUTIONS" ]; then
  log "reusing $BENCH_DB, seeded at this scale; migrating it to lab-sharing's current migrations"
  KEEP=1
  DATABASE_URL="$BENCH_URL" node "$DIST/database/migrate.js" up >"$OUT/migrate.log" 2>&1 ||
    { cat "$OUT/migrate.log" >&2; die "lab-sharing's migrations failed on $BENCH_DB"; }
else
  [ "$REUSE" -eq 0 ] || log "$BENCH_DB is not seeded at this scale: seeding it"
  DB_MADE=1
  create_database
  seed
fi
start_service
write_plan
run_pgbench
explain_lookups
run_k6
checks_and_report
stop_service
if [ "$FAILED" -ne 0 ]; then
  log "FAIL: at least one check failed"
  exit 1
fi
log "all checks passed"
