#!/usr/bin/env bash
# Settlement benchmark of the payment service (医保结算): a city's month of claims settled group by group through
# the real StartSettlementRun, against the bare SQL aggregate over the same claims as the yardstick, with claim
# intake of the next month going on over gRPC. A benchmark, not a test: CI does not run it. Needs PostgreSQL and
# Kafka (scripts/up.sh); it starts its own payment process on its own database and ports, and stops it at the end.
#
#   scripts/bench-payment.sh            950,000 residents, 5,000,000 claims (1/20 of the city)
#   scripts/bench-payment.sh --full     19,000,000 residents, 100,000,000 claims in one month (the city)
#   scripts/bench-payment.sh --smoke    20,000 residents, 100,000 claims (a minute or two)
#   scripts/bench-payment.sh --keep     leave the database (else it is dropped)
#   scripts/bench-payment.sh --no-build use payment's current build (else: nx build payment)
#
# Steps:
#   1. database: drops and creates $BENCH_DB (never a service's own database), migrates it with payment's
#      migrations
#   2. seed, in SQL (bench/payment/*.sql): a city, its grid and $BENCH_GROUPS groups of
#      $BENCH_INSTITUTIONS_PER_GROUP institutions in payment's registry projection (city.sql); $BENCH_RESIDENTS
#      residents covered by the insurer, a tenth with a family-doctor contract (residents-load.sql, two sessions);
#      then $BENCH_CLAIMS claims of last month (claims-load.sql: set-based INSERT ... SELECT over generate_series in
#      two sessions, claim's and claim_version's keys and indexes dropped for the load and made again after,
#      claims-before.sql and claims-after.sql), then VACUUM ANALYZE; the database's size is printed
#   3. payment from its build on 127.0.0.1:$BENCH_GRPC_PORT, the outbox relay off (events stay in its database)
#   4. the fund's rules over gRPC (bench/payment/settle.js setup): the starter reimbursement table, the policy and
#      composite scheme, the capitation rate, each group's global budget for the month
#   5. intake: k6 (bench/payment/intake.js) submits claims of this month at $BENCH_INTAKE_RATE a second; after
#      $BENCH_BASELINE_S s with no run (the baseline), every group's month is settled through StartSettlementRun
#      and read back with GetSettlementRun (settle.js run; $BENCH_RUN_MODE: sequential or concurrent), timed end to
#      end; k6 stops when the runs are over
#   6. yardstick: the run's aggregate as one bare SQL statement per group over the same claims (aggregate.sql), in
#      the same mode, timed
#   7. checks (PASS/FAIL), the ratios, the intake p99 with and without a run, the load average
# Output in .bench/payment/ (git-ignored; it holds tokens): plan.json, setup.json, runs.json, intake.csv,
# yardstick.log, payment.log, seed-*.log, report-<UTC time>.json.
# Exit status: 1 when a check fails or a step cannot run; a missed target is reported, not an error.
#
# Settings (environment; --full and --smoke change the defaults marked *):
#   BENCH_RESIDENTS=950000*  BENCH_CLAIMS=5000000*  BENCH_GROUPS=3  BENCH_INSTITUTIONS_PER_GROUP=100
#   BENCH_RUN_MODE=sequential (or concurrent)  BENCH_TARGET_S=600 (the whole city's month, scaled by claims)
#   BENCH_INTAKE_RATE=20  BENCH_BASELINE_S=30*  BENCH_SITES=6 (primary sites whose tokens k6 uses)
#   BENCH_DB=medgrid_payment_bench  BENCH_GRPC_PORT=50165  BENCH_HTTP_PORT=3165  BENCH_POOL_SIZE=10
#   BENCH_SEED_SESSIONS=2  BENCH_LOG_LEVEL=info
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

SCALE=default
KEEP=0
BUILD=1
for arg in "$@"; do
  case "$arg" in
    --full) SCALE=full ;;
    --smoke) SCALE=smoke ;;
    --keep) KEEP=1 ;;
    --no-build) BUILD=0 ;;
    *) usage ;;
  esac
done

case "$SCALE" in
  full) : "${BENCH_RESIDENTS:=19000000}" "${BENCH_CLAIMS:=100000000}" "${BENCH_BASELINE_S:=60}" ;;
  smoke) : "${BENCH_RESIDENTS:=20000}" "${BENCH_CLAIMS:=100000}" "${BENCH_BASELINE_S:=10}" ;;
esac
: "${BENCH_RESIDENTS:=950000}" "${BENCH_CLAIMS:=5000000}" "${BENCH_BASELINE_S:=30}"
: "${BENCH_GROUPS:=3}" "${BENCH_INSTITUTIONS_PER_GROUP:=100}" "${BENCH_RUN_MODE:=sequential}" "${BENCH_TARGET_S:=600}"
: "${BENCH_INTAKE_RATE:=20}" "${BENCH_SITES:=6}"
: "${BENCH_DB:=medgrid_payment_bench}" "${BENCH_GRPC_PORT:=50165}" "${BENCH_HTTP_PORT:=3165}"
: "${BENCH_POOL_SIZE:=10}" "${BENCH_SEED_SESSIONS:=2}" "${BENCH_LOG_LEVEL:=info}"

[ "$BENCH_INSTITUTIONS_PER_GROUP" -ge 10 ] || die "BENCH_INSTITUTIONS_PER_GROUP must be at least 10"
case "$BENCH_RUN_MODE" in sequential | concurrent) ;; *) die "BENCH_RUN_MODE is sequential or concurrent" ;; esac
case "$BENCH_DB" in
  *_bench) ;;
  *) die "BENCH_DB=$BENCH_DB is not a benchmark's own database (*_bench): the bench drops and creates it" ;;
esac

OUT="$MEDGRID_ROOT/.bench/payment"
mkdir -p "$OUT"
chmod 700 "$MEDGRID_ROOT/.bench" "$OUT"
umask 077 # plan.json holds bearer tokens
PLAN="$OUT/plan.json"
SERVICE_LOG="$OUT/payment.log"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
BENCH_DIR="$MEDGRID_ROOT/bench/payment"
DIST="$MEDGRID_ROOT/services/payment/dist"
TARGET="127.0.0.1:$BENCH_GRPC_PORT"
BENCH_URL="postgres://$MEDGRID_PG_USER:$MEDGRID_PG_PASSWORD@$MEDGRID_PG_HOST:$MEDGRID_PG_PORT/$BENCH_DB"
# The month settled: last month (over); intake during the run is of this month, up to today.
MONTH="$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y-%m)"
THIS_MONTH="$(date -u +%Y-%m)"

# ---- helpers ---------------------------------------------------------------------------------
pg() { # <database> [psql args...]: psql as the medgrid role, unaligned, quiet, stop on error
  local db="$1"
  shift
  PGPASSWORD="$MEDGRID_PG_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -w -q -At -F '|' -v ON_ERROR_STOP=1 \
    -h "$MEDGRID_PG_HOST" -p "$MEDGRID_PG_PORT" -U "$MEDGRID_PG_USER" -d "$db" "$@"
}
bench_sql() { pg "$BENCH_DB" "$@"; }
seconds_since() { awk -v s="$1" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - s }'; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# ---- 0. preflight ------------------------------------------------------------------------------
preflight() {
  local tool
  for tool in psql jq curl; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (apt-get install postgresql-client jq curl)"
  done
  [ -n "$MEDGRID_PG_PASSWORD" ] || die "no PostgreSQL password ($MEDGRID_PG_PASSWORD_FILE): is the platform up? (bash scripts/up.sh)"
  [ "$(pg postgres -c 'select 1' 2>/dev/null)" = 1 ] ||
    die "cannot reach PostgreSQL on $MEDGRID_PG_HOST:$MEDGRID_PG_PORT (bash scripts/up.sh)"
  tcp_open 127.0.0.1 "$MEDGRID_KAFKA_PORT" || die "Kafka is not up on 127.0.0.1:$MEDGRID_KAFKA_PORT (bash scripts/up.sh)"
  if tcp_open 127.0.0.1 "$BENCH_GRPC_PORT" || tcp_open 127.0.0.1 "$BENCH_HTTP_PORT"; then
    die "something already listens on $BENCH_GRPC_PORT or $BENCH_HTTP_PORT (an earlier bench's payment? set BENCH_GRPC_PORT/BENCH_HTTP_PORT)"
  fi
  medgrid_ensure_dev_keys
  medgrid_ensure_k6
  if [ "$BUILD" -eq 1 ]; then
    log "building payment and the libraries it uses (nx)"
    (cd "$MEDGRID_ROOT" && node_modules/.bin/nx run-many -t build -p @medgrid/payment --outputStyle=static >"$OUT/build.log" 2>&1) ||
      { tail -n 30 "$OUT/build.log" >&2; die "the build failed (log: $OUT/build.log)"; }
  fi
  [ -f "$DIST/main.js" ] || die "payment is not built ($DIST/main.js): run without --no-build"
}

# ---- 1. database -------------------------------------------------------------------------------
create_database() {
  pg postgres -c "drop database if exists $BENCH_DB with (force)"
  pg postgres -c "create database $BENCH_DB"
  log "created $BENCH_DB; migrating it with payment's migrations"
  DATABASE_URL="$BENCH_URL" node "$DIST/database/migrate.js" up >"$OUT/migrate.log" 2>&1 ||
    { cat "$OUT/migrate.log" >&2; die "payment's migrations failed on $BENCH_DB"; }
}

# ---- 2. seed -----------------------------------------------------------------------------------
in_sessions() { # <sql file> <total> <log prefix>: the file over 0..total-1 in $BENCH_SEED_SESSIONS sessions
  local file="$1" total="$2" prefix="$3" per lo hi s pids=() rc=0
  per=$(((total + BENCH_SEED_SESSIONS - 1) / BENCH_SEED_SESSIONS))
  for ((s = 0; s < BENCH_SEED_SESSIONS; s++)); do
    lo=$((s * per))
    hi=$((lo + per - 1))
    [ "$hi" -lt "$total" ] || hi=$((total - 1))
    [ "$lo" -le "$hi" ] || continue
    bench_sql -v lo="$lo" -v hi="$hi" -v session="$s" -f "$file" >"$OUT/$prefix-$s.log" 2>&1 &
    pids+=("$!")
  done
  for s in "${pids[@]}"; do wait "$s" || rc=1; done
  [ "$rc" -eq 0 ] || { cat "$OUT/$prefix"-*.log >&2; die "$(basename "$file") failed"; }
}

SEED_SECONDS=0
seed() {
  local started step
  started="$(date +%s.%N)"
  bench_sql -f "$MEDGRID_ROOT/bench/lab-sharing/functions.sql" # bench_uuid, bench_resident_id
  bench_sql -v residents="$BENCH_RESIDENTS" -v claims="$BENCH_CLAIMS" -v groups="$BENCH_GROUPS" \
    -v per_group="$BENCH_INSTITUTIONS_PER_GROUP" -v month="$MONTH-01" -f "$BENCH_DIR/city.sql"
  step="$(date +%s.%N)"
  in_sessions "$BENCH_DIR/residents-load.sql" "$BENCH_RESIDENTS" seed-residents
  log "$BENCH_RESIDENTS residents covered in $(seconds_since "$step") s (load average $(loadavg))"
  bench_sql -f "$BENCH_DIR/claims-before.sql"
  step="$(date +%s.%N)"
  in_sessions "$BENCH_DIR/claims-load.sql" "$BENCH_CLAIMS" seed-claims
  log "$BENCH_CLAIMS claims loaded in $(seconds_since "$step") s (load average $(loadavg)); indexing"
  step="$(date +%s.%N)"
  bench_sql -f "$BENCH_DIR/claims-after.sql"
  log "keys and indexes made, vacuumed and analysed in $(seconds_since "$step") s"
  SEED_SECONDS="$(seconds_since "$started")"
  log "seeded in $SEED_SECONDS s: $(bench_sql -c "select pg_size_pretty(pg_database_size(current_database()))") in $BENCH_DB (claim $(bench_sql -c "select pg_size_pretty(pg_total_relation_size('claim'))"), claim_version $(bench_sql -c "select pg_size_pretty(pg_total_relation_size('claim_version'))"), with indexes)"
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
K6_PID=""
cleanup() {
  if [ -n "$K6_PID" ] && kill -0 "$K6_PID" 2>/dev/null; then kill "$K6_PID" 2>/dev/null || true; fi
  stop_service
  if [ "$KEEP" -eq 0 ] && [ "${DB_MADE:-0}" -eq 1 ]; then
    pg postgres -c "drop database if exists $BENCH_DB with (force)" 2>/dev/null || true
  fi
}
trap cleanup EXIT

start_service() {
  log "starting payment on $TARGET (database $BENCH_DB, log $SERVICE_LOG)"
  DATABASE_URL="$BENCH_URL" DATABASE_POOL_SIZE="$BENCH_POOL_SIZE" \
    KAFKA_BROKERS="$MEDGRID_KAFKA_BROKERS" KAFKA_CONSUMER_GROUP="payment-bench-$STAMP" \
    GRPC_PORT="$BENCH_GRPC_PORT" HTTP_PORT="$BENCH_HTTP_PORT" \
    AUTH_PUBLIC_KEY_FILE="$MEDGRID_ISSUER_PUBLIC_KEY" OUTBOX_RELAY_ENABLED=false \
    OTEL_TRACES_EXPORTER=none LOG_LEVEL="$BENCH_LOG_LEVEL" \
    node "$DIST/main.js" >"$SERVICE_LOG" 2>&1 &
  SERVICE_PID=$!
  ready() {
    kill -0 "$SERVICE_PID" 2>/dev/null || return 125
    curl -fsS "http://127.0.0.1:$BENCH_HTTP_PORT/health/ready" >/dev/null 2>&1
  }
  wait_until 120 "payment readiness" ready || { tail -n 30 "$SERVICE_LOG" >&2; die "payment did not become ready"; }
}

# ---- 4. plan and the fund's rules --------------------------------------------------------------
write_plan() {
  local operator sites="[]" id group groups residents dates
  operator="$(bash "$here/dev-token.sh" --role city-operator --subject bench-payment --ttl 7200)"
  while IFS='|' read -r id group; do
    sites="$(jq -c --arg t "$(bash "$here/dev-token.sh" --role primary-staff --subject bench-payment-intake --ttl 7200 --institution "$id" --group "$group")" '. + [{token: $t}]' <<<"$sites")"
  done < <(bench_sql -c "select id, group_id from bench_institution where level = 'primary' order by i, g limit $BENCH_SITES")
  # Each group's global budget: its claims' fund shares of the month, less a twentieth (an overspend to share).
  groups="$(bench_sql -c "select json_agg(json_build_object('id', g.id, 'residents', $BENCH_RESIDENTS / $BENCH_GROUPS,
      'budget', (select coalesce(sum(fund), 0) * 95 / 100 from claim c where c.group_id = g.id)) order by g.g)
    from bench_group g")"
  residents="$(bench_sql -c "select json_agg(rid order by n) from bench_resident where n < least(5000, $BENCH_RESIDENTS)")"
  dates="$(bench_sql -c "select json_agg(to_char(d, 'YYYY-MM-DD') order by d)
    from generate_series(date '$THIS_MONTH-01', current_date, interval '1 day') d")"
  jq -n --arg target "$TARGET" --arg runId "$(cat /proc/sys/kernel/random/uuid)" --arg token "$operator" \
    --arg regionId "$(bench_sql -c "select city_id from bench_scale")" --arg month "$MONTH" \
    --arg protoDir "$MEDGRID_ROOT/proto" --argjson groups "$groups" --argjson sites "$sites" \
    --argjson residents "$residents" --argjson dates "$dates" \
    '{target: $target, runId: $runId, operatorToken: $token, regionId: $regionId, month: $month, protoDir: $protoDir,
      groups: $groups, sites: $sites, residents: $residents, dates: $dates}' >"$PLAN"
}

# ---- 5. intake and the runs --------------------------------------------------------------------
RUNS="$OUT/runs.json"
INTAKE_CSV="$OUT/intake.csv"
LOAD_DURING=""
settle_with_intake() {
  local started rc=0 sampler
  rm -f "$INTAKE_CSV" "$RUNS"
  log "k6: intake of $THIS_MONTH at $BENCH_INTAKE_RATE claims a second (bench/payment/intake.js); ${BENCH_BASELINE_S} s with no run first"
  BENCH_PLAN="$PLAN" BENCH_PROTO_DIR="$MEDGRID_ROOT/proto" BENCH_INTAKE_RATE="$BENCH_INTAKE_RATE" \
    BENCH_INTAKE_S=7200 "$MEDGRID_K6" run --quiet --no-usage-report --no-summary --out "csv=$INTAKE_CSV" \
    "$BENCH_DIR/intake.js" >"$OUT/k6.log" 2>&1 &
  K6_PID=$!
  sleep "$BENCH_BASELINE_S"
  kill -0 "$K6_PID" 2>/dev/null || { cat "$OUT/k6.log" >&2; die "k6 stopped before the run"; }
  log "settling $MONTH of $BENCH_GROUPS groups ($BENCH_RUN_MODE) through StartSettlementRun"
  # The load average every 10 s while the runs go on.
  (while sleep 10; do echo "$(date -u +%H:%M:%S) $(loadavg)"; done) >"$OUT/loadavg.log" &
  sampler=$!
  started="$(date +%s.%N)"
  BENCH_RUN_MODE="$BENCH_RUN_MODE" node "$BENCH_DIR/settle.js" run "$PLAN" >"$RUNS" 2>"$OUT/settle.log" || rc=$?
  kill "$sampler" 2>/dev/null || true
  LOAD_DURING="$(awk '{ s += $2; if ($2 > m) m = $2; n++ } END { if (n) printf "{\"mean1m\": %.2f, \"max1m\": %.2f, \"samples\": %d}", s / n, m, n; else print "null" }' "$OUT/loadavg.log")"
  log "runs over in $(seconds_since "$started") s (load average $(loadavg))"
  sleep 5
  kill -INT "$K6_PID" 2>/dev/null || true
  wait "$K6_PID" 2>/dev/null || true
  K6_PID=""
  [ "$rc" -eq 0 ] && [ -s "$RUNS" ] || { cat "$OUT/settle.log" >&2; die "the settlement runs failed"; }
}

# p99 and count of the intake calls made in [from, to) (unix seconds), from k6's CSV (metric, timestamp, value).
intake_window() {
  awk -F, -v from="$1" -v to="$2" '$1 == "intake_latency" && $2 >= from && $2 < to { print $3 }' "$INTAKE_CSV" |
    sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "{\"calls\": 0, \"p99Ms\": null, \"p50Ms\": null}"; exit }
      i = int(NR * 0.99); if (i < 1) i = 1; j = int(NR * 0.5); if (j < 1) j = 1
      printf "{\"calls\": %d, \"p50Ms\": %.1f, \"p99Ms\": %.1f}", NR, v[j], v[i] }'
}

# ---- 6. the yardstick --------------------------------------------------------------------------
YARDSTICK_S=""
yardstick() {
  local started ids=() id pids=()
  mapfile -t ids < <(bench_sql -c "select id from bench_group order by g")
  log "yardstick: the run's aggregate as bare SQL over the same claims, per group ($BENCH_RUN_MODE)"
  started="$(date +%s.%N)"
  for id in "${ids[@]}"; do
    if [ "$BENCH_RUN_MODE" = concurrent ]; then
      bench_sql -v group_id="$id" -v month="$MONTH-01" -f "$BENCH_DIR/aggregate.sql" >>"$OUT/yardstick.log" &
      pids+=("$!")
    else
      bench_sql -v group_id="$id" -v month="$MONTH-01" -f "$BENCH_DIR/aggregate.sql" >>"$OUT/yardstick.log"
    fi
  done
  for id in "${pids[@]}"; do wait "$id"; done
  YARDSTICK_S="$(seconds_since "$started")"
  log "yardstick: $YARDSTICK_S s"
}

# ---- 7. checks and report ----------------------------------------------------------------------
FAILED=0
CHECKS="[]"
check() { # <name> <ok 0|1> <text>
  CHECKS="$(jq -c --arg n "$1" --argjson ok "$2" --arg t "$3" '. + [{name: $n, passed: ($ok == 1), check: $t}]' <<<"$CHECKS")"
  if [ "$2" -eq 1 ]; then printf '  PASS  %s\n' "$3"; else FAILED=1; printf '  FAIL  %s\n' "$3"; fi
}

report() {
  local report="$OUT/report-$STAMP.json" run_s counted seeded balanced settled_after start end baseline during
  local ratio target_s met intake_after db_size
  run_s="$(jq -r .seconds "$RUNS")"
  counted="$(jq '[.runs[].claims] | add' "$RUNS")"
  seeded="$(bench_sql -c "select count(*) from claim where service_date >= date '$MONTH-01' and service_date < date '$MONTH-01' + interval '1 month'")"
  balanced="$(jq '[.runs[] | .ledgerBalanced and .sameAsStarted] | all' "$RUNS")"
  start="$(date -d "$(jq -r .startedAt "$RUNS")" +%s.%N)"
  end="$(date -d "$(jq -r .endedAt "$RUNS")" +%s.%N)"
  baseline="$(intake_window "$(awk -v s="$start" -v b="$BENCH_BASELINE_S" 'BEGIN { printf "%.3f", s - b + 3 }')" "$start")"
  during="$(intake_window "$start" "$end")"
  intake_after="$(awk -F, '$1 == "intake_errors" { n += $3 } END { print n + 0 }' "$INTAKE_CSV")"
  db_size="$(bench_sql -c "select pg_size_pretty(pg_database_size(current_database()))")"
  # The target is the whole city's month (100 million claims) in BENCH_TARGET_S, scaled to the claims seeded.
  target_s="$(awk -v t="$BENCH_TARGET_S" -v c="$BENCH_CLAIMS" 'BEGIN { printf "%.1f", t * c / 100000000 }')"
  met="$(awk -v r="$run_s" -v t="$target_s" 'BEGIN { print (r <= t) ? "true" : "false" }')"
  ratio="$(awk -v r="$run_s" -v y="$YARDSTICK_S" 'BEGIN { printf "%.2f", (y > 0) ? r / y : 0 }')"
  settled_after="$(bench_sql -c "select count(*) from settlement_run")"
  printf '\nchecks (database %s, %s)\n' "$BENCH_DB" "$db_size"
  check counted "$([ "$counted" = "$seeded" ] && echo 1 || echo 0)" \
    "every claim of $MONTH counted once: $counted counted by the runs, $seeded seeded"
  check settled "$([ "$settled_after" = "$BENCH_GROUPS" ] && echo 1 || echo 0)" \
    "one run per group: $settled_after settlement_run rows for $BENCH_GROUPS groups"
  check balanced "$([ "$balanced" = true ] && echo 1 || echo 0)" \
    "every run's ledger balances, and GetSettlementRun reads it as StartSettlementRun answered it"
  check intake "$([ "$(jq .calls <<<"$during")" -gt 0 ] && [ "$intake_after" -eq 0 ] && echo 1 || echo 0)" \
    "intake of $THIS_MONTH answered during the run: $(jq .calls <<<"$during") claims submitted during it, $intake_after refused or failed in all"
  printf '\nsettled %s claims of %s in %s s (%s; per group: %s)\n' "$counted" "$MONTH" "$run_s" "$BENCH_RUN_MODE" \
    "$(jq -r '[.runs[] | "\(.seconds) s"] | join(", ")' "$RUNS")"
  printf 'run / bare SQL aggregate = %s s / %s s = %s\n' "$run_s" "$YARDSTICK_S" "$ratio"
  printf 'intake p99: %s ms during the run (%s calls) against %s ms with no run (%s calls)\n' \
    "$(jq -r .p99Ms <<<"$during")" "$(jq -r .calls <<<"$during")" "$(jq -r .p99Ms <<<"$baseline")" "$(jq -r .calls <<<"$baseline")"
  printf 'load average during the run: %s\n' "$LOAD_DURING"
  printf 'target: the month of %s claims in at most %s s (%s s for the city'\''s 100 million): %s\n' \
    "$BENCH_CLAIMS" "$target_s" "$BENCH_TARGET_S" "$([ "$met" = true ] && echo met || echo MISSED)"
  jq -n --slurpfile runs "$RUNS" --argjson checks "$CHECKS" --arg at "$STAMP" --argjson ratio "$ratio" \
    --argjson yardstick "$YARDSTICK_S" --argjson baseline "$baseline" --argjson during "$during" \
    --argjson load "${LOAD_DURING:-null}" --arg db "$db_size" --argjson seed "$SEED_SECONDS" \
    --argjson target "{\"seconds\": $target_s, \"met\": $met}" \
    --argjson scale "{\"residents\": $BENCH_RESIDENTS, \"claims\": $BENCH_CLAIMS, \"groups\": $BENCH_GROUPS, \"institutionsPerGroup\": $BENCH_INSTITUTIONS_PER_GROUP, \"month\": \"$MONTH\"}" \
    '{measuredAt: $at, scale: $scale, databaseSize: $db, seedSeconds: $seed, runs: $runs[0],
      yardstickSeconds: $yardstick, runOverYardstick: $ratio, intake: {baseline: $baseline, duringRun: $during},
      loadAverageDuringRun: $load, target: $target, checks: $checks}' >"$report"
  printf 'report: %s\n' "$report"
}

# ---- main --------------------------------------------------------------------------------------
preflight
DB_MADE=1
create_database
seed
start_service
write_plan
node "$BENCH_DIR/settle.js" setup "$PLAN" >"$OUT/setup.json" 2>"$OUT/settle.log" ||
  { cat "$OUT/settle.log" >&2; die "the fund's rules could not be put"; }
settle_with_intake
yardstick
report
stop_service
if [ "$FAILED" -ne 0 ]; then
  log "FAIL: at least one check failed"
  exit 1
fi
log "all checks passed"
