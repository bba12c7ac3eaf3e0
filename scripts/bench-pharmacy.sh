#!/usr/bin/env bash
# CheckPrescription benchmark of the pharmacy service: a HIS checks each prescription before saving it, against
# its group's catalogue of 20,000 drugs and its institution's level, with the long-prescription rule, the
# patient's contract read and audited, and every check recorded. A benchmark, not a test: CI does not run it.
# Needs PostgreSQL and Kafka (scripts/up.sh); it starts its own pharmacy process on its own database and
# ports, and stops it at the end.
#
#   scripts/bench-pharmacy.sh            5 groups of 20 institutions, 20,000 drugs a group, checks at
#                                        250-1,500 a second
#   scripts/bench-pharmacy.sh --smoke    a quick run: 2 groups, 2,000 drugs, 3 s at 20 and 50 a second
#   scripts/bench-pharmacy.sh --keep     leave the database (else it is dropped)
#   scripts/bench-pharmacy.sh --no-build use pharmacy's current build (else: nx build pharmacy)
#
# Steps:
#   1. database: drops and creates $BENCH_DB (never a service's own database), migrates it with pharmacy's
#      migrations
#   2. seed, in SQL (bench/pharmacy/seed.sql, set-based INSERT ... SELECT over generate_series): the groups and
#      institutions (a tertiary lead, secondary hospitals, primary sites) in pharmacy's registry projection, a
#      family-doctor team per institution and $BENCH_CONTRACTED contracted residents, each group's catalogue
#      and each institution's formulary (shapes in bench/pharmacy/lib/shape.js, which k6 shares), VACUUM ANALYZE
#   3. pharmacy from its build on 127.0.0.1:$BENCH_GRPC_PORT, its own Kafka consumer group (waited on until it
#      has caught up with its topics), the outbox relay off
#   4. pgbench: the built-in simple-update script on a pgbench-initialised scratch database (medgrid_pgbench,
#      scale $BENCH_PGBENCH_SCALE), $BENCH_PGBENCH_SECONDS s, $BENCH_PGBENCH_CLIENTS clients: what this
#      PostgreSQL on this machine commits
#   5. k6: bench/pharmacy/check-prescription.js, checks at rising arrival rates; prescription_check, audit_log
#      and the CPU of pharmacy and its backends read before and after
#   6. checks (PASS/FAIL): every check answered and recorded once with its audit row, its lines and long
#      prescriptions as answered, GetPrescribingStatistics (a city operator) counting the records; the work per
#      check; the ratio of the best step's checks per second to pgbench TPS
# Output in .bench/pharmacy/ (git-ignored; it holds tokens): plan.json, pgbench.log/.json,
# check-prescription.json (k6's summary), pharmacy.log, cpu-profile.txt and checks.cpuprofile (BENCH_NODE_PROF=1),
# report-<UTC time>.json (everything, with the checks, the figures and the load average).
# Exit status: 1 when a check fails or a step cannot run; a missed performance target is reported, not an error.
#
# Settings (environment; --smoke changes the defaults marked *):
#   BENCH_GROUPS=5*  BENCH_PER_GROUP=20  BENCH_DRUGS=20000*  BENCH_PRIMARY_STOCK=600*  BENCH_HOSPITAL_STOCK=3000*
#   BENCH_RESIDENTS=100000  BENCH_CONTRACTED=20000*
#   BENCH_RATES=250,500,750,1000,1250,1500*  BENCH_STEP_S=15*  BENCH_VUS=200*  (see check-prescription.js)
#   BENCH_WARMUP_S=10*  BENCH_WARMUP_RATE=100   checks before the steps, recorded but not in their figures
#   BENCH_CONTRACTED_PCT=30  BENCH_NON_ESSENTIAL_PCT=8  BENCH_ANY_PCT=7  BENCH_LONG_PCT=15  BENCH_OVER_PCT=3
#   BENCH_SEED=1  BENCH_VERIFY_EVERY=5   the answers of one check in this many read and checked (see the k6 script)
#   BENCH_PGBENCH_SECONDS=30*  BENCH_PGBENCH_CLIENTS=8  BENCH_PGBENCH_SCALE=10
#   BENCH_DB=medgrid_pharmacy_bench  BENCH_GRPC_PORT=50164  BENCH_HTTP_PORT=3164
#   BENCH_POOL_SIZE=10      pharmacy's DATABASE_POOL_SIZE   BENCH_LOG_LEVEL=info
#   BENCH_K6_FLAGS=         more flags for k6 run, e.g. --profiling-enabled (pprof of k6 on 127.0.0.1:6565)
#   BENCH_NODE_FLAGS=       more flags for pharmacy's node, e.g. --trace-gc (in pharmacy.log)
#   BENCH_NODE_PROF=0       1: pharmacy's CPU profiled through its inspector (port BENCH_INSPECT_PORT=9264) over the
#                           steps only (not the boot, the topics' replay or the warm-up); summary in cpu-profile.txt
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

SCALE=standard
KEEP=0
BUILD=1
for arg in "$@"; do
  case "$arg" in
    --smoke) SCALE=smoke ;;
    --keep) KEEP=1 ;;
    --no-build) BUILD=0 ;;
    *) usage ;;
  esac
done

if [ "$SCALE" = smoke ]; then
  : "${BENCH_GROUPS:=2}" "${BENCH_DRUGS:=2000}" "${BENCH_RATES:=20,50}" "${BENCH_STEP_S:=3}"
  : "${BENCH_PGBENCH_SECONDS:=3}" "${BENCH_WARMUP_S:=0}" "${BENCH_VUS:=20}" "${BENCH_PRIMARY_STOCK:=300}"
  : "${BENCH_HOSPITAL_STOCK:=1000}" "${BENCH_CONTRACTED:=2000}"
fi
: "${BENCH_GROUPS:=5}" "${BENCH_PER_GROUP:=20}" "${BENCH_DRUGS:=20000}" "${BENCH_PRIMARY_STOCK:=600}"
: "${BENCH_HOSPITAL_STOCK:=3000}" "${BENCH_RESIDENTS:=100000}" "${BENCH_CONTRACTED:=20000}"
: "${BENCH_RATES:=250,500,750,1000,1250,1500}" "${BENCH_STEP_S:=15}" "${BENCH_VUS:=200}"
: "${BENCH_WARMUP_S:=10}" "${BENCH_WARMUP_RATE:=100}" "${BENCH_SEED:=1}" "${BENCH_VERIFY_EVERY:=5}"
: "${BENCH_CONTRACTED_PCT:=30}" "${BENCH_NON_ESSENTIAL_PCT:=8}" "${BENCH_ANY_PCT:=7}" "${BENCH_LONG_PCT:=15}"
: "${BENCH_OVER_PCT:=3}"
: "${BENCH_PGBENCH_SECONDS:=30}" "${BENCH_PGBENCH_CLIENTS:=8}" "${BENCH_PGBENCH_SCALE:=10}"
: "${BENCH_DB:=medgrid_pharmacy_bench}" "${BENCH_GRPC_PORT:=50164}" "${BENCH_HTTP_PORT:=3164}"
: "${BENCH_POOL_SIZE:=10}" "${BENCH_LOG_LEVEL:=info}" "${BENCH_NODE_PROF:=0}" "${BENCH_INSPECT_PORT:=9264}"
: "${BENCH_K6_FLAGS:=}"
: "${BENCH_NODE_FLAGS:=}"
export BENCH_RATES BENCH_STEP_S BENCH_VUS BENCH_WARMUP_S BENCH_WARMUP_RATE BENCH_SEED BENCH_VERIFY_EVERY
export BENCH_CONTRACTED_PCT BENCH_NON_ESSENTIAL_PCT BENCH_ANY_PCT BENCH_LONG_PCT BENCH_OVER_PCT

[ $((BENCH_DRUGS % 5)) -eq 0 ] || die "BENCH_DRUGS must be a multiple of 5 (five products a generic)"
[ "$BENCH_PER_GROUP" -ge 5 ] || die "BENCH_PER_GROUP must be at least 5 (a lead, three secondary hospitals, primary sites)"
[ $((BENCH_PRIMARY_STOCK * 5 / 4)) -le "$BENCH_DRUGS" ] && [ "$BENCH_HOSPITAL_STOCK" -le "$BENCH_DRUGS" ] ||
  die "a formulary cannot hold more drugs than the catalogue"
[ "$BENCH_CONTRACTED" -lt "$BENCH_RESIDENTS" ] || die "BENCH_CONTRACTED must be below BENCH_RESIDENTS"
case "$BENCH_DB" in
  medgrid_pharmacy | medgrid_registry | medgrid_referral | medgrid_scheduling | medgrid_lab_sharing | medgrid_payment | postgres | template*)
    die "BENCH_DB=$BENCH_DB is not the benchmark's own database: the bench drops and creates it" ;;
esac

OUT="$MEDGRID_ROOT/.bench/pharmacy"
mkdir -p "$OUT"
chmod 700 "$MEDGRID_ROOT/.bench" "$OUT"
umask 077 # plan.json holds bearer tokens
PLAN="$OUT/plan.json"
PGBENCH_JSON="$OUT/pgbench.json"
SUMMARY="$OUT/check-prescription.json"
SERVICE_LOG="$OUT/pharmacy.log"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
BENCH_DIR="$MEDGRID_ROOT/bench/pharmacy"
DIST="$MEDGRID_ROOT/services/pharmacy/dist"
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
  bash "$here/dev-token.sh" --role "$1" --subject bench-check-prescription --ttl 7200 --institution "$2" --group "$3"
}

seconds_since() { awk -v s="$1" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - s }'; }
load_average() { cut -d' ' -f1-3 /proc/loadavg; }

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
    die "something already listens on $BENCH_GRPC_PORT or $BENCH_HTTP_PORT (an earlier bench's pharmacy? set BENCH_GRPC_PORT/BENCH_HTTP_PORT)"
  fi
  medgrid_ensure_dev_keys
  medgrid_ensure_k6
  if [ "$BUILD" -eq 1 ]; then
    log "building pharmacy and the libraries it uses (nx)"
    (cd "$MEDGRID_ROOT" && node_modules/.bin/nx run-many -t build -p @medgrid/pharmacy --outputStyle=static >"$OUT/build.log" 2>&1) ||
      { tail -n 30 "$OUT/build.log" >&2; die "the build failed (log: $OUT/build.log)"; }
  fi
  [ -f "$DIST/main.js" ] || die "pharmacy is not built ($DIST/main.js): run without --no-build"
}

# ---- 1. database -------------------------------------------------------------------------------
create_database() {
  pg postgres -c "drop database if exists $BENCH_DB with (force)"
  pg postgres -c "create database $BENCH_DB"
  DB_MADE=1
  log "created $BENCH_DB; migrating it with pharmacy's migrations"
  DATABASE_URL="$BENCH_URL" node "$DIST/database/migrate.js" up >"$OUT/migrate.log" 2>&1 ||
    { cat "$OUT/migrate.log" >&2; die "pharmacy's migrations failed on $BENCH_DB"; }
}

# ---- 2. seed -----------------------------------------------------------------------------------
check_generators() { # the SQL and the k6 scenario must make the same residents
  local n sql js
  n="0,1,7,$((BENCH_CONTRACTED - 1)),$((BENCH_RESIDENTS - 1))"
  sql="$(bench_sql -c "select string_agg(bench_resident_id(n), ',' order by o)
    from unnest(array[$n]::bigint[]) with ordinality as t(n, o)")"
  js="$(node --input-type=module -e "
    import { residentId } from '$BENCH_DIR/lib/shape.js';
    console.log([$n].map((n) => residentId(n)).join(','));" 2>/dev/null)"
  [ "$sql" = "$js" ] || die "bench_resident_id (SQL) and lib/shape.js disagree: $sql vs $js"
}

seed() {
  local started
  started="$(date +%s.%N)"
  bench_sql -f "$MEDGRID_ROOT/bench/lab-sharing/functions.sql"
  check_generators
  bench_sql -v groups="$BENCH_GROUPS" -v per_group="$BENCH_PER_GROUP" -v drugs="$BENCH_DRUGS" \
    -v residents="$BENCH_RESIDENTS" -v contracted="$BENCH_CONTRACTED" -v primary_stock="$BENCH_PRIMARY_STOCK" \
    -v hospital_stock="$BENCH_HOSPITAL_STOCK" -f "$BENCH_DIR/seed.sql"
  log "seeded $(bench_sql -c "select to_char(count(*), 'FM999,999,999') from drug_version") catalogue rows ($BENCH_GROUPS groups of $BENCH_DRUGS drugs), $(bench_sql -c "select to_char(count(*), 'FM999,999,999') from formulary_item") formulary items of $((BENCH_GROUPS * BENCH_PER_GROUP)) institutions, $BENCH_CONTRACTED contracts in $(seconds_since "$started") s"
}

# ---- 3. the service ----------------------------------------------------------------------------
SERVICE_PID=""
stop_service() {
  [ -n "$SERVICE_PID" ] || return 0
  if kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  SERVICE_PID=""
}

cleanup() {
  stop_service
  if [ "$KEEP" -eq 0 ] && [ "${DB_MADE:-0}" -eq 1 ]; then
    pg postgres -c "drop database if exists $BENCH_DB with (force)" 2>/dev/null || true
  fi
}
trap cleanup EXIT

start_service() {
  local group prof=()
  [ "$BENCH_NODE_PROF" = 1 ] && prof=(--inspect="127.0.0.1:$BENCH_INSPECT_PORT")
  # shellcheck disable=SC2206 # BENCH_NODE_FLAGS: flags, split on purpose
  prof+=($BENCH_NODE_FLAGS)
  group="pharmacy-bench-$STAMP"
  log "starting pharmacy on $TARGET (database $BENCH_DB, consumer group $group, log $SERVICE_LOG)"
  DATABASE_URL="$BENCH_URL" DATABASE_POOL_SIZE="$BENCH_POOL_SIZE" \
    KAFKA_BROKERS="$MEDGRID_KAFKA_BROKERS" KAFKA_CONSUMER_GROUP="$group" \
    GRPC_PORT="$BENCH_GRPC_PORT" HTTP_PORT="$BENCH_HTTP_PORT" \
    AUTH_PUBLIC_KEY_FILE="$MEDGRID_ISSUER_PUBLIC_KEY" OUTBOX_RELAY_ENABLED=false \
    OTEL_TRACES_EXPORTER=none LOG_LEVEL="$BENCH_LOG_LEVEL" \
    node "${prof[@]}" "$DIST/main.js" >"$SERVICE_LOG" 2>&1 &
  SERVICE_PID=$!
  ready() {
    kill -0 "$SERVICE_PID" 2>/dev/null || return 125
    curl -fsS "http://127.0.0.1:$BENCH_HTTP_PORT/health/ready" >/dev/null 2>&1
  }
  wait_until 60 "pharmacy readiness" ready || { tail -n 30 "$SERVICE_LOG" >&2; die "pharmacy did not become ready"; }
  # A fresh consumer group reads the registry's and referral's topics from the beginning (the demo city):
  # let it catch up, so the checks do not share the cores with that.
  caught_up() {
    kill -0 "$SERVICE_PID" 2>/dev/null || return 125
    KAFKA_BROKERS="$MEDGRID_KAFKA_BROKERS" node "$MEDGRID_ROOT/bench/lib/consumer-caught-up.js" "$group" \
      >"$OUT/consumer-lag.txt" 2>&1
  }
  wait_until 300 "pharmacy's consumers caught up with their topics" caught_up ||
    warn "pharmacy's consumers are still behind ($(cat "$OUT/consumer-lag.txt")): the checks share the cores with them"
}

write_plan() {
  local institutions="[]" n id group level role
  while IFS='|' read -r n id group level; do
    role=hospital-staff
    [ "$level" != primary ] || role=primary-staff
    institutions="$(jq -c --argjson n "$n" --arg id "$id" --arg group "$group" --arg level "$level" \
      --arg t "$(token "$role" "$id" "$group")" \
      '. + [{n: $n, id: $id, groupId: $group, level: $level, token: $t}]' <<<"$institutions")"
  done < <(bench_sql -c "select n, id, group_id, level from bench_institution order by n")
  jq -n --arg target "$TARGET" --argjson institutions "$institutions" --argjson drugs "$BENCH_DRUGS" \
    --argjson residents "$BENCH_RESIDENTS" --argjson contracted "$BENCH_CONTRACTED" \
    --argjson primaryStock "$BENCH_PRIMARY_STOCK" --argjson hospitalStock "$BENCH_HOSPITAL_STOCK" \
    '{target: $target, institutions: $institutions, drugs: $drugs, residents: $residents, contracted: $contracted,
      primaryStock: $primaryStock, hospitalStock: $hospitalStock}' >"$PLAN"
}

# ---- 4. pgbench --------------------------------------------------------------------------------
run_pgbench() {
  local db=medgrid_pgbench clients="$BENCH_PGBENCH_CLIENTS" max used reserved free log="$OUT/pgbench.log" tps threads
  max="$(pg postgres -c 'show max_connections')"
  reserved="$(pg postgres -c 'show superuser_reserved_connections')"
  used="$(pg postgres -c "select count(*) from pg_stat_activity where backend_type = 'client backend'")"
  free=$((max - reserved - used - 5))
  if [ "$clients" -gt "$free" ]; then
    warn "pgbench: $clients clients asked, but the server has only $free connections free (max_connections $max); using $free"
    clients="$free"
  fi
  [ "$clients" -ge 1 ] || die "pgbench: no connections free on the server"
  threads=$((clients < 2 ? clients : 2)) # one per core of the 2-core machine
  if [ "$(pg postgres -c "select count(*) from pg_database where datname = '$db'")" = 0 ]; then
    pg postgres -c "create database $db"
    log "created the scratch database $db (drop it with: dropdb $db)"
  fi
  log "pgbench: initialising $db at scale $BENCH_PGBENCH_SCALE"
  PGPASSWORD="$MEDGRID_PG_PASSWORD" pgbench -h "$MEDGRID_PG_HOST" -p "$MEDGRID_PG_PORT" -U "$MEDGRID_PG_USER" \
    -i -q -s "$BENCH_PGBENCH_SCALE" "$db" >"$log" 2>&1 || { cat "$log" >&2; die "pgbench -i failed"; }
  log "pgbench: simple-update, $clients clients, $threads threads, ${BENCH_PGBENCH_SECONDS} s"
  PGPASSWORD="$MEDGRID_PG_PASSWORD" pgbench -h "$MEDGRID_PG_HOST" -p "$MEDGRID_PG_PORT" -U "$MEDGRID_PG_USER" \
    -b simple-update -c "$clients" -j "$threads" -T "$BENCH_PGBENCH_SECONDS" "$db" >>"$log" 2>&1 ||
    { cat "$log" >&2; die "pgbench failed"; }
  tps="$(awk '/^tps = / { print $3; exit }' "$log")"
  [ -n "$tps" ] || { cat "$log" >&2; die "no tps line in pgbench's output"; }
  jq -n --argjson tps "$tps" --argjson clients "$clients" --argjson threads "$threads" \
    --argjson seconds "$BENCH_PGBENCH_SECONDS" --argjson scale "$BENCH_PGBENCH_SCALE" --arg at "$STAMP" \
    '{script: "simple-update", tps: $tps, clients: $clients, threads: $threads, seconds: $seconds, scale: $scale,
      measuredAt: $at}' >"$PGBENCH_JSON"
  log "pgbench: $tps TPS (simple-update, $clients clients); log in $log"
}

# Where the work goes: the service's CPU time (from /proc) and its PostgreSQL backends', before and after.
service_cpu_ms() {
  awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$SERVICE_PID/stat" 2>/dev/null || echo 0
}
backends_cpu_ms() {
  local pids
  pids="$(bench_sql -c "select string_agg(pid::text, ' ') from pg_stat_activity
    where datname = current_database() and application_name = 'pharmacy'")"
  # shellcheck disable=SC2086 # one /proc path per pid
  (cd /proc && cat $(printf '%s/stat ' $pids) 2>/dev/null) |
    awk -v hz="$(getconf CLK_TCK)" '{ t += $14 + $15 } END { print int(t * 1000 / hz) }'
}
record_counts() { # JSON: the records and audit rows so far, with the records' summed counts
  bench_sql -c "select json_build_object(
    'checks', (select count(*) from prescription_check),
    'lines', (select coalesce(sum(jsonb_array_length(lines)), 0) from prescription_check),
    'catalogued', (select coalesce(sum(catalogued_lines), 0) from prescription_check),
    'essential', (select coalesce(sum(essential_lines), 0) from prescription_check),
    'volumeBased', (select coalesce(sum(volume_based_lines), 0) from prescription_check),
    'longAccepted', (select coalesce(sum(long_accepted), 0) from prescription_check),
    'longCapped', (select coalesce(sum(long_capped), 0) from prescription_check),
    'audit', (select count(*) from audit_log where subject_kind = 'resident'))"
}

# ---- 5. k6 -------------------------------------------------------------------------------------
K6_CPU=""
LOAD_BEFORE=""
# pharmacy's CPU over the steps only: from about a second after they begin (k6's start-up, the warm-up and its
# 5 s pause before) to about a second before they end.
profile_steps() {
  local offset=1 seconds
  [ "$BENCH_WARMUP_S" -gt 0 ] && offset=$((BENCH_WARMUP_S + 6))
  seconds=$(($(tr ',' '\n' <<<"$BENCH_RATES" | wc -l) * BENCH_STEP_S - 2))
  sleep "$offset"
  node "$MEDGRID_ROOT/bench/lib/profile-window.mjs" "$BENCH_INSPECT_PORT" "$seconds" "$OUT/checks.cpuprofile" \
    >/dev/null 2>"$OUT/profile.err"
}
LOAD_AFTER=""
run_k6() {
  local rc=0 timing=()
  RECORDS_BEFORE="$(record_counts)"
  CPU_BEFORE="$(service_cpu_ms)"
  PG_CPU_BEFORE="$(backends_cpu_ms)"
  LOAD_BEFORE="$(load_average)"
  rm -f "$SUMMARY" "$OUT/k6-cpu"
  [ -x /usr/bin/time ] && timing=(/usr/bin/time -f '%e %U %S' -o "$OUT/k6-cpu")
  log "k6: checks at $BENCH_RATES per second, ${BENCH_STEP_S} s each (bench/pharmacy/check-prescription.js); load average $LOAD_BEFORE"
  local profiler=""
  if [ "$BENCH_NODE_PROF" = 1 ]; then
    profile_steps &
    profiler=$!
  fi
  # shellcheck disable=SC2086 # BENCH_K6_FLAGS: flags, split on purpose
  BENCH_PLAN="$PLAN" BENCH_SUMMARY_OUT="$SUMMARY" BENCH_PROTO_DIR="$MEDGRID_ROOT/proto" \
    "${timing[@]}" "$MEDGRID_K6" run --quiet --no-usage-report $BENCH_K6_FLAGS "$BENCH_DIR/check-prescription.js" || rc=$?
  if [ -n "$profiler" ]; then
    wait "$profiler" || true
    if [ -s "$OUT/checks.cpuprofile" ]; then
      node "$MEDGRID_ROOT/bench/lib/cpu-profile-top.js" "$OUT/checks.cpuprofile" 30 >"$OUT/cpu-profile.txt" &&
        log "pharmacy's CPU profile over the steps: $OUT/cpu-profile.txt"
    else
      warn "no CPU profile of pharmacy was taken (see $OUT/profile.err)"
    fi
  fi
  LOAD_AFTER="$(load_average)"
  SERVICE_CPU_MS=$(($(service_cpu_ms) - CPU_BEFORE))
  PG_CPU_MS=$(($(backends_cpu_ms) - PG_CPU_BEFORE))
  [ -s "$SUMMARY" ] || die "k6 exited with $rc and wrote no summary"
  [ "$rc" -eq 0 ] || warn "k6 exited with $rc"
  cp "$SUMMARY" "$OUT/check-prescription-$STAMP.json"
  RECORDS_AFTER="$(record_counts)"
  if [ -s "$OUT/k6-cpu" ]; then
    read -r wall user sys < <(tail -n 1 "$OUT/k6-cpu")
    K6_CPU="$(awk -v u="$user" -v s="$sys" -v w="$wall" 'BEGIN { printf "{\"wallSeconds\": %.1f, \"cpuSeconds\": %.1f}", w, u + s }')"
    log "k6 itself used $(jq -r '"\(.cpuSeconds) s CPU in \(.wallSeconds) s"' <<<"$K6_CPU")"
  fi
}

# The city's statistics as GetPrescribingStatistics answers them, over the days the records fall on.
STATISTICS=""
read_statistics() {
  local operator from until
  operator="$(bash "$here/dev-token.sh" --role city-operator --subject bench-check-prescription --ttl 600)"
  from="$(bench_sql -c "select to_char(min(checked_at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') from prescription_check")"
  until="$(bench_sql -c "select to_char(max(checked_at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') from prescription_check")"
  STATISTICS="$(bash "$here/grpcurl.sh" -plaintext -H "authorization: Bearer $operator" \
    -d "{\"from\": \"$from\", \"until\": \"$until\"}" "$TARGET" \
    medgrid.pharmacy.v1.PrescribingService/GetPrescribingStatistics 2>"$OUT/statistics.err" | jq -c '.total // {}')" ||
    STATISTICS=""
}

# ---- 6. checks and report ----------------------------------------------------------------------
FAILED=0
CHECKS="[]"
check() { # <name> <ok 0|1> <text>
  CHECKS="$(jq -c --arg n "$1" --argjson ok "$2" --arg t "$3" '. + [{name: $n, passed: ($ok == 1), check: $t}]' <<<"$CHECKS")"
  if [ "$2" -eq 1 ]; then printf '  PASS  %s\n' "$3"; else FAILED=1; printf '  FAIL  %s\n' "$3"; fi
}
delta() { jq -n --argjson b "$RECORDS_BEFORE" --argjson a "$RECORDS_AFTER" --arg k "$1" '$a[$k] - $b[$k]'; }

checks_and_report() {
  local answered errors wrong checks audit catalogued accepted capped essential volume tps cps ratio="null" work
  local expect_lines expect_essential expect_volume expect_long verified
  local report="$OUT/report-$STAMP.json" stat_checks
  answered="$(jq -r .counts.ok "$SUMMARY")"
  errors="$(jq -r .counts.errors "$SUMMARY")"
  wrong="$(jq -r .counts.wrongAnswers "$SUMMARY")"
  checks="$(delta checks)"
  audit="$(delta audit)"
  catalogued="$(delta catalogued)"
  essential="$(delta essential)"
  volume="$(delta volumeBased)"
  accepted="$(delta longAccepted)"
  capped="$(delta longCapped)"
  expect_lines="$(jq -r .counts.lines "$SUMMARY")"
  expect_essential="$(jq -r .counts.essentialLines "$SUMMARY")"
  expect_volume="$(jq -r .counts.volumeBasedLines "$SUMMARY")"
  expect_long="$(jq -r .counts.longLines "$SUMMARY")"
  verified="$(jq -r .counts.verified "$SUMMARY")"
  printf '\nchecks (database %s)\n' "$BENCH_DB"
  check answered "$([ "$answered" -gt 0 ] && [ "$errors" -eq 0 ] && echo 1 || echo 0)" \
    "every check answered OK: $answered answered, $errors errors"
  # A call that ran out of its deadline may still have been checked and recorded after the caller gave up: with
  # errors, the records lie between the answers and the answers plus the errors; without, they equal the answers.
  between() { [ "$1" -ge "$2" ] && [ "$1" -le $(($2 + errors)) ]; }
  check recorded "$(between "$checks" "$answered" && echo 1 || echo 0)" \
    "each answered check recorded once: $checks new prescription_check rows for $answered checks ($errors errors)"
  check audited "$([ "$audit" -eq "$checks" ] && echo 1 || echo 0)" \
    "an audit row of the contract read with every record: $audit new audit_log rows for $checks records"
  if [ "$errors" -eq 0 ]; then
    # What the records must hold follows from the requests and the seed (every code is in the catalogue; i % 5
    # makes a drug essential or volume-based); which long lines were accepted depends on the contract the service
    # read, so only their sum is known: each line over 30 days is either accepted or capped.
    check lines "$([ "$catalogued" -eq "$expect_lines" ] && [ "$essential" -eq "$expect_essential" ] && [ "$volume" -eq "$expect_volume" ] && echo 1 || echo 0)" \
      "the records' catalogued, essential and volume-based lines as asked: $catalogued, $essential and $volume recorded, $expect_lines, $expect_essential and $expect_volume asked"
    check long "$([ $((accepted + capped)) -eq "$expect_long" ] && [ "$accepted" -gt 0 ] && [ "$capped" -gt 0 ] && echo 1 || echo 0)" \
      "each line over 30 days recorded as a long prescription accepted or capped: $accepted accepted and $capped capped recorded, $expect_long asked"
  else
    printf '  info  with %s errors the lines are not compared: %s catalogued and %s essential recorded, %s accepted and %s capped long prescriptions\n' \
      "$errors" "$catalogued" "$essential" "$accepted" "$capped"
  fi
  check as_seeded "$([ "$wrong" -eq 0 ] && [ "$verified" -gt 0 ] && echo 1 || echo 0)" \
    "every answer read as seeded (the contract, each line's drug, each long line accepted or capped as the patient allows): $verified read (one in $BENCH_VERIFY_EVERY), $wrong otherwise"
  read_statistics
  stat_checks="$(jq -r '.checks // 0' <<<"${STATISTICS:-null}")"
  check statistics "$([ "$stat_checks" = "$(jq -r .checks <<<"$RECORDS_AFTER")" ] && echo 1 || echo 0)" \
    "GetPrescribingStatistics (a city operator, the days of the records) counts every record: $stat_checks of $(jq -r .checks <<<"$RECORDS_AFTER")"
  work="$(jq -n --argjson n "$answered" --argjson cpu "$SERVICE_CPU_MS" --argjson pgcpu "$PG_CPU_MS" \
    --argjson lines "$(delta lines)" \
    'def per: if $n > 0 then (. / $n * 1000 | round / 1000) else null end;
     {checks: $n, linesPerCheck: ($lines | per), serviceCpuMsPerCheck: ($cpu | per), postgresCpuMsPerCheck: ($pgcpu | per)}')"
  printf '  info  per check: %s lines, %s ms of pharmacy CPU, %s ms of its PostgreSQL backends\n' \
    "$(jq -r .linesPerCheck <<<"$work")" "$(jq -r .serviceCpuMsPerCheck <<<"$work")" "$(jq -r .postgresCpuMsPerCheck <<<"$work")"
  printf '  info  load average before k6 %s, after %s (%s cores)\n' "$LOAD_BEFORE" "$LOAD_AFTER" "$(nproc)"

  cps="$(jq -r '(.best // .peak // {perSecond: 0}).perSecond' "$SUMMARY")"
  tps="$(jq -r '.tps' "$PGBENCH_JSON")"
  printf '\n'
  if awk -v t="$tps" 'BEGIN { exit !(t > 0) }'; then
    ratio="$(awk -v c="$cps" -v t="$tps" 'BEGIN { printf "%.4f", c / t }')"
    printf 'checks per second (best step within p99 < 50 ms) / pgbench simple-update TPS = %.1f / %.1f = %s (pgbench: %s clients, %s s, scale %s)\n' \
      "$cps" "$tps" "$ratio" "$(jq -r .clients "$PGBENCH_JSON")" "$(jq -r .seconds "$PGBENCH_JSON")" "$(jq -r .scale "$PGBENCH_JSON")"
  fi
  printf 'target: %s\n' "$(jq -r '.targets.checksPerSecondWithinP99 | "\(.target): \(if .met == null then "n/a (\(.why))" elif .met then "met" else "MISSED" end) (\(.value | floor)/s)"' "$SUMMARY")"
  jq -n --slurpfile k6 "$SUMMARY" --slurpfile pgbench "$PGBENCH_JSON" --argjson checks "$CHECKS" \
    --argjson ratio "$ratio" --arg at "$STAMP" --argjson k6cpu "${K6_CPU:-null}" --argjson work "$work" \
    --argjson before "$RECORDS_BEFORE" --argjson after "$RECORDS_AFTER" --argjson statistics "${STATISTICS:-null}" \
    --arg loadBefore "$LOAD_BEFORE" --arg loadAfter "$LOAD_AFTER" --argjson cores "$(nproc)" \
    --argjson scale "{\"groups\": $BENCH_GROUPS, \"institutionsPerGroup\": $BENCH_PER_GROUP, \"drugs\": $BENCH_DRUGS, \"contracted\": $BENCH_CONTRACTED, \"residents\": $BENCH_RESIDENTS}" \
    '{measuredAt: $at, scale: $scale, loadAverage: {before: $loadBefore, after: $loadAfter, cores: $cores},
      pgbench: $pgbench[0], checks: $k6[0], loadGenerator: $k6cpu, records: {before: $before, after: $after},
      statistics: $statistics, verdicts: $checks, work: $work, checksPerSecondOverPgbenchTps: $ratio}' >"$report"
  printf 'report: %s\n' "$report"
}

# ---- main --------------------------------------------------------------------------------------
preflight
create_database
seed
start_service
write_plan
run_pgbench
run_k6
checks_and_report
stop_service
if [ "$FAILED" -ne 0 ]; then
  log "FAIL: at least one check failed"
  exit 1
fi
log "all checks passed"
