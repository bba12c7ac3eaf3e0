#!/usr/bin/env bash
# Referral end-to-end benchmark: primary sites of one medical group submit upward referrals, the receiving hospital
# accepts each, scheduling holds a reserved slot over Kafka and the referrer's WatchReferrals stream shows the
# referral SCHEDULED (referral's outbox relay, Kafka, scheduling's consumer and outbox relay, Kafka, referral's
# consumer, the stream's poll). A benchmark, not a test: CI does not run it. Assumes the platform is up
# (scripts/up.sh) with the demo city loaded.
#
#   scripts/bench-referral.sh                 the full run (below): about 1,420 referrals in 59 s
#   scripts/bench-referral.sh --small         a smoke run: about 33 referrals in 8 s, pgbench for 10 s
#   scripts/bench-referral.sh --skip-pgbench  reuse the last pgbench TPS (.bench/referral/pgbench.json)
#   scripts/bench-referral.sh --keep          leave the run's referrals SCHEDULED and their slots held
#   scripts/bench-referral.sh --release       only cancel the open referrals of earlier runs (an interrupted one's)
#   scripts/bench-referral.sh --create        referral creation instead: CreateReferral from the sites, 32 calls
#                                             in flight for 30 s (bench/referral/create.js), its rate against
#                                             pgbench's TPS; steps 1-3 and 6 as below, its own run and checks
#
# Steps:
#   1. context, from the registry and referral (scripts/grpcurl.sh): the lead hospital the booking rush uses
#      (bench_lead_hospital of lib/bench.sh), its department of the specialty referral's catalogue gives
#      hypertension (I10), up to $BENCH_SITES primary institutions of its group as the sending sites, and
#      development tokens (scripts/dev-token.sh)
#   2. seed: bench/referral/seed.js (k6): the patients, residents contracted with the sites' teams, and the
#      reserved slots the saga can hold, adding sessions on the clinic date when there are too few
#   3. pgbench: the built-in simple-update script on a scratch database (medgrid_pgbench, scale
#      $BENCH_PGBENCH_SCALE), $BENCH_PGBENCH_SECONDS s, $BENCH_PGBENCH_CLIENTS clients: what this PostgreSQL
#      on this machine commits, the yardstick printed beside the figures
#   4. the run: bench/referral/end-to-end.js (k6; its header says what it measures and how)
#   5. checks in SQL over the run's referrals (found by the run's marker in their reason), PASS/FAIL each: none
#      SCHEDULED twice (referral's history) and one ReferralAccepted event each (referral's outbox), at most one
#      hold request, one booking and one live hold per referral (scheduling), each SCHEDULED referral with its
#      live hold and each hold from the reserved pool; nothing lost and nothing doubled on the streams. Then the
#      path as the databases saw it, without the stream's poll: the accept's outbox row and its publication,
#      scheduling's inbox row (the hold), the SlotHoldChanged outbox row and its publication, referral's inbox row
#      (SCHEDULED): each relay's wait and each Kafka hop with its consumer's queue
#   6. release (unless --keep): every open benchmark referral cancelled by its site (bench/referral/release.js),
#      which frees its slot, then a wait until scheduling has released them all
# Steps 3 and 4 first wait, with BENCH_QUIET_LOAD set, until the 1-minute load average is below it and no other
# k6 runs (lib/bench.sh, bench_wait_quiet).
# Output in .bench/referral/ (git-ignored; it holds tokens): context.json, plan.json, seed.log,
# pgbench.json/.log, end-to-end.json (the k6 summary) and .log, report-<UTC time>.json (the whole run).
# Exit status: 1 when a check fails (lost or doubled referrals, a refused call) or a step cannot run.
#
# Settings (environment; --small changes the defaults marked *):
#   BENCH_RATE=20*  BENCH_BURST_FACTOR=2  BENCH_STEADY_S=15*  BENCH_BURST_S=5*  BENCH_BURSTS=2*  BENCH_LEAD_S=3
#                        referrals a second, bursts at BENCH_BURST_FACTOR times that (bench/referral/lib/shape.js)
#   BENCH_DEADLINE_S=30  an accepted referral not SCHEDULED this long after its accept is lost
#   BENCH_ACCEPT_DELAY_MS=500  the hospital's reaction time, uniform from 0 (end-to-end.js says why)
#   BENCH_VUS=60*  BENCH_MAX_VUS=120  BENCH_CALL_DEADLINE=10s  BENCH_SEED=1
#   BENCH_SITES=6        primary institutions of the group that send referrals
#   BENCH_SESSION_CAPACITY=200  slots of each session the run adds when the reserved slots are too few
#   BENCH_DATE           clinic date of added sessions (default: bench_clinic_date of lib/bench.sh)
#   REFERRAL_SEARCH_DAYS=14  scheduling's setting of that name, if the platform runs another
#   BENCH_INSTITUTION_ID use this hospital instead
#   BENCH_PGBENCH_SECONDS=30*  BENCH_PGBENCH_SCALE=10  BENCH_PGBENCH_CLIENTS=8
#   BENCH_QUIET_LOAD     e.g. 2: wait before pgbench and before the run until the 1-minute load average is below
#   BENCH_QUIET_WAIT_S=3600  how long to wait for it, at most
#   BENCH_RELEASE_WAIT_S=120  how long to wait for scheduling to release the cancelled referrals' slots
#   BENCH_REGISTRY_ADDR / BENCH_REFERRAL_ADDR / BENCH_SCHEDULING_ADDR   default 127.0.0.1:5006x
#   --create: BENCH_CREATE_VUS=32  BENCH_CREATE_S=30  BENCH_CREATE_WARMUP_S=5 (see bench/referral/create.js)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck disable=SC2034 # read by log()/die() in lib/common.sh
MEDGRID_LOG_TAG=bench
# shellcheck source-path=SCRIPTDIR source=lib/bench.sh
source "$here/lib/bench.sh"
# shellcheck source-path=SCRIPTDIR source=lib/k6.sh
source "$here/lib/k6.sh"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2; exit 2; }

# As typed, with the settings given in the environment, for the report.
COMMAND="$(env | { grep -E '^(BENCH_|REFERRAL_SEARCH_DAYS=)' || true; } | sort | tr '\n' ' ')scripts/bench-referral.sh${*:+ $*}"
SMALL=0
SKIP_PGBENCH=0
KEEP=0
RELEASE_ONLY=0
CREATE=0
for arg in "$@"; do
  case "$arg" in
    --small) SMALL=1 ;;
    --skip-pgbench) SKIP_PGBENCH=1 ;;
    --keep) KEEP=1 ;;
    --release) RELEASE_ONLY=1 ;;
    --create) CREATE=1 ;;
    *) usage ;;
  esac
done

if [ "$SMALL" -eq 1 ]; then
  : "${BENCH_RATE:=3}" "${BENCH_STEADY_S:=2}" "${BENCH_BURST_S:=2}" "${BENCH_BURSTS:=1}" "${BENCH_VUS:=5}"
  : "${BENCH_PGBENCH_SECONDS:=10}"
fi
: "${BENCH_SITES:=6}" "${BENCH_SESSION_CAPACITY:=200}" "${REFERRAL_SEARCH_DAYS:=14}"
: "${BENCH_PGBENCH_SECONDS:=30}" "${BENCH_PGBENCH_SCALE:=10}" "${BENCH_PGBENCH_CLIENTS:=8}"
: "${BENCH_QUIET_WAIT_S:=3600}" "${BENCH_RELEASE_WAIT_S:=120}"
# The tokens are made before the waits for a quiet machine and must outlast them and the run.
BENCH_TOKEN_TTL_S=7200
[ -z "${BENCH_QUIET_LOAD:-}" ] || BENCH_TOKEN_TTL_S=$((BENCH_TOKEN_TTL_S + 2 * BENCH_QUIET_WAIT_S))
# seed.js and end-to-end.js read these (and the other BENCH_* they document) from the environment.
export BENCH_RATE BENCH_STEADY_S BENCH_BURST_S BENCH_BURSTS BENCH_VUS
# Referral creation also sends residents contracted with no site, and holds no slot (bench/referral/seed.js).
if [ "$CREATE" -eq 1 ]; then
  export BENCH_OTHER_PATIENTS="${BENCH_OTHER_PATIENTS:-2000}" BENCH_SEED_SLOTS=0
fi

REGISTRY="${BENCH_REGISTRY_ADDR:-$(bench_service_addr registry)}"
REFERRAL="${BENCH_REFERRAL_ADDR:-$(bench_service_addr referral)}"
SCHEDULING="${BENCH_SCHEDULING_ADDR:-$(bench_service_addr scheduling)}"
REFERRAL_DB=medgrid_referral
SCHEDULING_DB=medgrid_scheduling
# In every benchmark referral's reason (bench/referral/lib/shape.js, runMarker).
MARKER_PREFIX='[bench-referral '

OUT="$MEDGRID_ROOT/.bench/referral"
mkdir -p "$OUT"
chmod 700 "$MEDGRID_ROOT/.bench" "$OUT"
umask 077 # context.json, plan.json and release.json hold bearer tokens
CONTEXT="$OUT/context.json"
PLAN="$OUT/plan.json"
PGBENCH_JSON="$OUT/pgbench.json"
SCENARIO=end-to-end
[ "$CREATE" -eq 0 ] || SCENARIO=create
SUMMARY="$OUT/$SCENARIO.json"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"

token() { bench_token bench-referral "$@"; } # <role> [institution group]
ref_sql() { bench_pg "$REFERRAL_DB" -f -; }   # SQL on stdin
sched_sql() { bench_pg "$SCHEDULING_DB" -f -; }

# ---- 0. preflight ------------------------------------------------------------------------------
preflight() {
  local tool addr
  for tool in psql jq; do command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (apt-get install postgresql-client jq)"; done
  [ -n "$MEDGRID_PG_PASSWORD" ] || die "no PostgreSQL password ($MEDGRID_PG_PASSWORD_FILE): is the platform up? (bash scripts/up.sh)"
  for tool in "$REFERRAL_DB" "$SCHEDULING_DB"; do
    [ "$(bench_pg "$tool" -c 'select 1' 2>/dev/null)" = 1 ] ||
      die "cannot reach database $tool on $MEDGRID_PG_HOST:$MEDGRID_PG_PORT (bash scripts/up.sh)"
  done
  for addr in "$REGISTRY" "$REFERRAL" "$SCHEDULING"; do
    tcp_open "${addr%:*}" "${addr##*:}" || die "nothing listens on $addr: bring the platform up first (bash scripts/up.sh)"
  done
  if [ "$SKIP_PGBENCH" -eq 0 ] && [ "$RELEASE_ONLY" -eq 0 ] && ! command -v pgbench >/dev/null 2>&1; then
    die "pgbench is not installed (Debian: apt-get install postgresql-contrib), or pass --skip-pgbench"
  fi
  medgrid_ensure_k6
}

wait_quiet() { [ -z "${BENCH_QUIET_LOAD:-}" ] || bench_wait_quiet "$BENCH_QUIET_LOAD" "$BENCH_QUIET_WAIT_S"; }

# What the platform runs, for the report: a BEFORE and an AFTER row are only comparable with this beside them.
platform_facts() {
  local service pid started listeners
  local -a started_at=()
  for service in referral scheduling; do
    pid="$(cat "$MEDGRID_RUN/$service.pid" 2>/dev/null || true)"
    started=""
    [ -z "$pid" ] || started="$(ps -o lstart= -p "$pid" 2>/dev/null || true)"
    started_at+=("$service" "$(if [ -n "$started" ]; then date -u -d "$started" +%FT%TZ; fi)")
  done
  # Connections that LISTEN in the two services' databases (an outbox relay woken by notifications holds one).
  listeners="$(bench_pg postgres -c "select coalesce(json_object_agg(datname, n), '{}') from (select datname, count(*) as n
    from pg_stat_activity where query ilike 'listen %' and datname in ('$REFERRAL_DB', '$SCHEDULING_DB') group by 1) l")"
  jq -n --arg head "$(git -C "$MEDGRID_ROOT" log -1 --format='%H %cI %s' 2>/dev/null || echo unknown)" \
    --argjson dirty "$(git -C "$MEDGRID_ROOT" status --porcelain --untracked-files=no 2>/dev/null | wc -l)" \
    --arg referral "${started_at[1]}" --arg scheduling "${started_at[3]}" --argjson listeners "$listeners" \
    '{gitHead: $head, trackedFilesChanged: $dirty, startedAt: {referral: $referral, scheduling: $scheduling},
      listeningConnections: $listeners}'
}

# ---- 1. context --------------------------------------------------------------------------------
context() {
  local lead institution specialty department_json sites_json id date weekday run_id today margin
  OPERATOR="$(token city-operator)"
  lead="$(bench_lead_hospital "$REGISTRY" "$OPERATOR")"
  read -r HOSPITAL GROUP HOSPITAL_NAME <<<"$lead"
  institution="$(bench_rpc "$REGISTRY" "$OPERATOR" medgrid.registry.v1.OrganisationService/GetInstitution "{\"id\":\"$HOSPITAL\"}")"
  GRID="$(jq -r '.institution.gridId // ""' <<<"$institution")"
  [ -n "$GRID" ] || die "hospital $HOSPITAL has no grid"
  # The department the referrals go to: the hospital's of the specialty the catalogue names for hypertension.
  specialty="$(bench_rpc "$REFERRAL" "$OPERATOR" medgrid.referral.v1.CriteriaService/LookupCriteria '{"icd10Code":"I10"}' |
    jq -r '.entry.specialtyCode // ""')"
  [ -n "$specialty" ] || die "referral's catalogue has no specialty for I10"
  department_json="$(bench_rpc "$REGISTRY" "$OPERATOR" medgrid.registry.v1.OrganisationService/ListDepartments "{\"institutionId\":\"$HOSPITAL\"}" |
    jq -c --arg s "$specialty" '[.departments // [] | .[] | select(.specialtyCode == $s)][0] // empty')"
  [ -n "$department_json" ] || die "hospital $HOSPITAL has no department of specialty $specialty"
  DEPARTMENT="$(jq -r .id <<<"$department_json")"
  log "hospital: $HOSPITAL_NAME ($HOSPITAL), group $GROUP; department $(jq -r '"\(.name) (\(.specialtyCode))"' <<<"$department_json")"

  sites_json="[]"
  for id in $(bench_rpc "$REGISTRY" "$OPERATOR" medgrid.registry.v1.OrganisationService/SearchInstitutions \
    "{\"groupId\":\"$GROUP\",\"level\":\"INSTITUTION_LEVEL_PRIMARY\",\"pageSize\":$BENCH_SITES}" | jq -r '.institutions // [] | .[].id'); do
    sites_json="$(jq -c --arg id "$id" --arg t "$(token primary-staff "$id" "$GROUP")" '. + [{institutionId: $id, token: $t}]' <<<"$sites_json")"
  done
  [ "$(jq length <<<"$sites_json")" -gt 0 ] || die "group $GROUP has no primary institution to send referrals from"
  log "sending sites: $(jq length <<<"$sites_json") primary institutions of the group"

  # Both services learn the city from the registry's events.
  known() {
    [ "$(bench_pg "$SCHEDULING_DB" -c "select count(*) from known_department where id = '$DEPARTMENT'")" = 1 ] &&
      [ "$(bench_pg "$REFERRAL_DB" -c "select count(*) from known_institution where id = '$HOSPITAL'")" = 1 ]
  }
  wait_until 120 "referral and scheduling know the hospital and its department" known ||
    die "referral or scheduling does not know hospital $HOSPITAL / department $DEPARTMENT: are they consuming the registry's topics?"

  date="$(bench_clinic_date)"
  weekday="$(date -d "$date" +%u)"
  today="$(TZ=CST-8 date +%F)" # Asia/Shanghai, as scheduling's dates
  run_id="$(bench_uuid)"
  RUN_ID="$run_id"
  # How long after the seed the run may start: pgbench, and waiting twice for a quiet machine.
  margin=$((600 + BENCH_PGBENCH_SECONDS))
  [ -z "${BENCH_QUIET_LOAD:-}" ] || margin=$((margin + 2 * BENCH_QUIET_WAIT_S))
  log "run $run_id: new sessions, if the reserved slots are too few, on $date"
  jq -n --arg runId "$run_id" --arg date "$date" --argjson weekday "$weekday" --arg today "$today" \
    --arg lastSearchDate "$(TZ=CST-8 date -d "+$REFERRAL_SEARCH_DAYS days" +%F)" \
    --arg registry "$REGISTRY" --arg referral "$REFERRAL" --arg scheduling "$SCHEDULING" \
    --arg institutionId "$HOSPITAL" --arg groupId "$GROUP" --arg gridId "$GRID" --argjson department "$department_json" \
    --argjson sessionCapacity "$BENCH_SESSION_CAPACITY" --argjson sites "$sites_json" \
    --argjson marginSeconds "$margin" \
    --arg operator "$OPERATOR" --arg desk "$(token hospital-staff "$HOSPITAL" "$GROUP")" \
    '{runId: $runId, date: $date, weekday: $weekday, today: $today, lastSearchDate: $lastSearchDate,
      registry: $registry, referral: $referral, scheduling: $scheduling, institutionId: $institutionId,
      groupId: $groupId, gridId: $gridId, department: $department, sessionCapacity: $sessionCapacity,
      marginSeconds: $marginSeconds, sites: $sites, tokens: {operator: $operator, desk: $desk}}' >"$CONTEXT"
}

# ---- 2. seed -----------------------------------------------------------------------------------
seed() {
  rm -f "$PLAN"
  log "seeding through the services' gRPC APIs (bench/referral/seed.js)"
  BENCH_CONTEXT="$CONTEXT" BENCH_PLAN_OUT="$PLAN" BENCH_PROTO_DIR="$MEDGRID_ROOT/proto" \
    "$MEDGRID_K6" run --quiet --no-usage-report "$MEDGRID_ROOT/bench/referral/seed.js" >"$OUT/seed.log" 2>&1 ||
    { cat "$OUT/seed.log" >&2; die "seeding failed (log: $OUT/seed.log)"; }
  [ -s "$PLAN" ] || { cat "$OUT/seed.log" >&2; die "seed.js wrote no plan"; }
  grep -o 'seed: [^"]*' "$OUT/seed.log" | sed 's/^/  /' >&2 || true
}

# ---- 4. the run --------------------------------------------------------------------------------
LOAD_BEFORE_PGBENCH=""
LOAD_BEFORE_RUN=""
LOAD_AFTER_RUN=""
run() {
  local rc=0 timing=()
  rm -f "$OUT/k6-cpu" "$SUMMARY"
  RUN_AT="$(date -u +%FT%TZ)"
  # k6 shares the cores with the services and PostgreSQL: record what it used.
  [ -x /usr/bin/time ] && timing=(/usr/bin/time -f '%e %U %S' -o "$OUT/k6-cpu")
  LOAD_BEFORE_RUN="$(bench_load_average)"
  log "run: load average $LOAD_BEFORE_RUN; bench/referral/$SCENARIO.js"
  BENCH_PLAN="$PLAN" BENCH_SUMMARY_OUT="$SUMMARY" BENCH_PROTO_DIR="$MEDGRID_ROOT/proto" \
    "${timing[@]}" "$MEDGRID_K6" run --no-usage-report "$MEDGRID_ROOT/bench/referral/$SCENARIO.js" 2>&1 |
    tee "$OUT/$SCENARIO.log" || rc=$?
  LOAD_AFTER_RUN="$(bench_load_average)"
  [ -s "$SUMMARY" ] || die "k6 exited with $rc and wrote no summary (log: $OUT/$SCENARIO.log)"
  [ "$rc" -eq 0 ] || warn "k6 exited with $rc"
  if [ -s "$OUT/k6-cpu" ]; then
    read -r K6_WALL K6_USER K6_SYS < <(tail -n 1 "$OUT/k6-cpu")
    log "k6 itself used $(awk -v u="$K6_USER" -v s="$K6_SYS" -v w="$K6_WALL" 'BEGIN { printf "%.1f s CPU in %.1f s", u + s, w }')"
  fi
}

# ---- 5. checks ---------------------------------------------------------------------------------
FAILED=0
CHECK_RESULTS="[]"
check() { # <name> <violations> <text>
  CHECK_RESULTS="$(jq -c --arg n "$1" --argjson v "$2" --arg t "$3" '. + [{name: $n, violations: $v, check: $t}]' <<<"$CHECK_RESULTS")"
  if [ "$2" = 0 ]; then printf '  PASS  %s\n' "$3"; else FAILED=1; printf '  FAIL  %s: %s\n' "$3" "$2"; fi
}

# Percentiles of an interval, in ms, over a table, as one JSON row labelled <label>.
percentiles() { # <label> <interval expression> <table>
  printf "select '%s', json_build_object('count', count(ms), 'p50', percentile_cont(0.5) within group (order by ms),
    'p90', percentile_cont(0.9) within group (order by ms), 'p99', percentile_cont(0.99) within group (order by ms),
    'max', max(ms)) from (select extract(epoch from %s) * 1000 as ms from %s) t;\n" "$1" "$2" "$3"
}
got() { awk -F'|' -v n="$1" '$1 == n { print $2 }' <<<"$2"; } # <label> <query output>
rows() { awk -F'|' '$1 == "row" { print $2 }' <<<"$1" | paste -sd, -; }

# The run's referrals are found by the marker in their reason. Each step's time is the database's now() in the
# transaction that made it: the accept's outbox row and its publication in referral, scheduling's inbox row of the
# ReferralAccepted event (the hold commits with it), the SlotHoldChanged outbox row and its publication, and
# referral's inbox row of that event (SCHEDULED commits with it). Three passes, one database each.
checks() {
  local marker referrals scheduling times path n name doubled_sql
  marker="$MARKER_PREFIX$RUN_ID]"
  referrals="$(ref_sql <<SQL
create temp table run_referral as
select r.id, r.status,
  (select count(*) from referral_history h where h.referral_id = r.id and h.action = 'schedule') as schedules
from referral r where position('$marker' in r.reason) > 0;
create temp table run_accept as
select o.message_key, count(*) as events, min(o.seq) as seq from outbox o
where o.event_type = 'medgrid.referral.v1.ReferralAccepted' and o.message_key in (select id::text from run_referral)
group by 1;
select 'info', json_build_object('referrals', count(*),
  'byStatus', (select coalesce(json_object_agg(status, n), '{}') from (select status, count(*) as n from run_referral group by 1) s))
  from run_referral;
select 'scheduled_once', count(*) from run_referral where schedules > 1;
select 'accepted_once', count(*) from run_accept where events > 1;
select 'row', format('(%L::uuid, %L::text, %L::uuid, %L::timestamptz, %L::timestamptz)', r.id, r.status, o.event_id,
  o.created_at, o.published_at)
from run_referral r left join run_accept a on a.message_key = r.id::text left join outbox o on o.seq = a.seq;
SQL
  )" || die "the SQL checks on $REFERRAL_DB could not run"
  REFERRALS_INFO="$(got info "$referrals")"
  path="$(rows "$referrals")"
  [ -n "$path" ] || die "no referral of run $RUN_ID in $REFERRAL_DB"

  scheduling="$(sched_sql <<SQL
create temp table run_ref (id uuid, status text, accept_event uuid, accepted timestamptz, accept_published timestamptz);
insert into run_ref values $path;
create temp table run_booking as select b.* from booking b join run_ref r on b.referral_id = r.id::text;
create temp table run_hold as
select distinct on (o.message_key) o.message_key, o.event_id, o.created_at, o.published_at from outbox o
where o.event_type = 'medgrid.scheduling.v1.SlotHoldChanged' and o.message_key in (select id::text from run_ref)
order by o.message_key, o.seq;
select 'hold_once', count(*) from (select referral_id from run_booking where status in ('held', 'booked')
  group by 1 having count(*) > 1) v;
select 'booking_once', count(*) from (select referral_id from run_booking group by 1 having count(*) > 1) v;
select 'request_once', count(*) from (select h.referral_id from slot_hold_request h join run_ref r on r.id = h.referral_id
  group by 1 having count(*) > 1) v;
select 'scheduled_held', count(*) from run_ref r where r.status = 'scheduled' and not exists (
  select 1 from run_booking b where b.referral_id = r.id::text and b.status in ('held', 'booked'));
select 'reserved_pool', count(*) from run_booking where status in ('held', 'booked') and pool <> 'reserved';
select 'holds', json_build_object('live', count(*) filter (where status in ('held', 'booked')),
  'reserved', count(*) filter (where status in ('held', 'booked') and pool = 'reserved'),
  'sessions', count(distinct session_id) filter (where status in ('held', 'booked'))) from run_booking;
select 'row', format('(%L::uuid, %L::timestamptz, %L::timestamptz, %L::timestamptz, %L::uuid, %L::timestamptz, %L::timestamptz)',
  r.id, r.accepted, r.accept_published, i.handled_at, h.event_id, h.created_at, h.published_at)
from run_ref r left join inbox i on i.consumer = 'scheduling' and i.event_id = r.accept_event
left join run_hold h on h.message_key = r.id::text;
SQL
  )" || die "the SQL checks on $SCHEDULING_DB could not run"
  HOLDS="$(got holds "$scheduling")"

  times="$(ref_sql <<SQL
create temp table run_path (id uuid, accepted timestamptz, accept_published timestamptz, held timestamptz,
  hold_event uuid, hold_created timestamptz, hold_published timestamptz);
insert into run_path values $(rows "$scheduling");
create temp table run_times as select p.*, i.handled_at as scheduled from run_path p
  left join inbox i on i.consumer = 'referral' and i.event_id = p.hold_event;
$(percentiles acceptToScheduled 'scheduled - accepted' run_times)
$(percentiles referralRelay 'accept_published - accepted' run_times)
$(percentiles toScheduling 'held - accept_published' run_times)
$(percentiles schedulingRelay 'hold_published - hold_created' run_times)
$(percentiles toReferral 'scheduled - hold_published' run_times)
SQL
  )" || die "the step times could not be read"
  COMMITTED="$(jq -n --argjson a "$(got acceptToScheduled "$times")" --argjson b "$(got referralRelay "$times")" \
    --argjson c "$(got toScheduling "$times")" --argjson d "$(got schedulingRelay "$times")" \
    --argjson e "$(got toReferral "$times")" \
    '{acceptToScheduled: $a, referralRelay: $b, kafkaToScheduling: $c, schedulingRelay: $d, kafkaToReferral: $e}')"

  printf '\nchecks on the %s referrals of run %s\n' "$(jq -r .referrals <<<"$REFERRALS_INFO")" "$RUN_ID"
  check created "$(jq -r '.counts.dropped + .counts.outOfPatients + .counts.createErrors' "$SUMMARY")" \
    "every arrival sent (none dropped by k6) and created (CreateReferral answered OK)"
  check accepted "$(jq -r '.counts.created - .counts.accepted' "$SUMMARY")" \
    "every referral created seen by the hospital and accepted (AcceptReferral answered OK)"
  check lost "$(jq -r .counts.lost "$SUMMARY")" \
    "none lost: every accepted referral SCHEDULED on its referrer's stream within $(jq -r .run.settings.deadlineSeconds "$SUMMARY") s"
  check doubled_stream "$(jq -r .counts.doubled "$SUMMARY")" "none doubled on the streams: one SCHEDULED change per referral"
  check scheduled_once "$(got scheduled_once "$referrals")" "none SCHEDULED twice in referral's history"
  check accepted_once "$(got accepted_once "$referrals")" "one ReferralAccepted event per referral in referral's outbox"
  check hold_once "$(got hold_once "$scheduling")" "at most one live hold (held/booked booking) per referral"
  check booking_once "$(got booking_once "$scheduling")" "at most one booking of any status per referral"
  check request_once "$(got request_once "$scheduling")" "at most one slot hold request per referral"
  check scheduled_held "$(got scheduled_held "$scheduling")" "each SCHEDULED referral has its live hold in scheduling"
  check reserved_pool "$(got reserved_pool "$scheduling")" "each hold from the reserved pool"
  doubled_sql=0
  for name in scheduled_once hold_once booking_once request_once; do
    n="$(got "$name" "$referrals")$(got "$name" "$scheduling")"
    doubled_sql=$((doubled_sql + ${n:-0}))
  done
  DOUBLED_SQL="$doubled_sql"
  printf '  info  referrals %s\n  info  holds %s\n' "$REFERRALS_INFO" "$HOLDS"
}

# --create: the run's referrals, by the marker in their reason, against what k6 was answered: every referral
# answered OK stored once, SUBMITTED, with one ReferralSubmitted event in referral's outbox.
checks_create() {
  local marker stored answered
  marker="$MARKER_PREFIX$RUN_ID]"
  stored="$(ref_sql <<SQL
create temp table run_referral as
select r.id, r.status, r.referring_institution_id, r.client_request_id from referral r
where position('$marker' in r.reason) > 0;
create temp table run_submitted as
select o.message_key, count(*) as events from outbox o
where o.event_type = 'medgrid.referral.v1.ReferralSubmitted' and o.message_key in (select id::text from run_referral)
group by 1;
select 'info', json_build_object('referrals', count(*),
  'byStatus', (select coalesce(json_object_agg(status, n), '{}') from (select status, count(*) as n from run_referral group by 1) s))
  from run_referral;
select 'stored', count(*) from run_referral;
select 'request_once', count(*) from (select 1 from run_referral group by referring_institution_id, client_request_id
  having count(*) > 1) v;
select 'submitted', count(*) from run_referral where status <> 'submitted';
select 'event_once', count(*) from run_referral r left join run_submitted e on e.message_key = r.id::text
  where coalesce(e.events, 0) <> 1;
SQL
  )" || die "the SQL checks on $REFERRAL_DB could not run"
  REFERRALS_INFO="$(got info "$stored")"
  answered="$(jq -r '.counts.created + .counts.warmup' "$SUMMARY")"
  printf '\nchecks on the %s referrals of run %s\n' "$(got stored "$stored")" "$RUN_ID"
  check answered "$(jq -r .counts.errors "$SUMMARY")" "every CreateReferral answered OK"
  check stored "$(($(got stored "$stored") - answered))" \
    "each referral answered OK stored ($(got stored "$stored") stored, $answered answered with the warm-up)"
  check request_once "$(got request_once "$stored")" "no client request id stored twice"
  check submitted "$(got submitted "$stored")" "every referral SUBMITTED"
  check event_once "$(got event_once "$stored")" "one ReferralSubmitted event per referral in referral's outbox"
}

report_create() {
  local file="$OUT/report-create-$STAMP.json"
  jq -n --arg at "$RUN_AT" --arg started "$STAMP" --arg command "$COMMAND" --argjson platform "$PLATFORM" \
    --slurpfile k6 "$SUMMARY" --argjson pgbench "$(cat "$PGBENCH_JSON" 2>/dev/null || echo null)" \
    --argjson checks "$CHECK_RESULTS" --argjson referrals "${REFERRALS_INFO:-null}" \
    --arg loadBeforePgbench "$LOAD_BEFORE_PGBENCH" --arg loadBeforeRun "$LOAD_BEFORE_RUN" \
    --arg loadAfterRun "$LOAD_AFTER_RUN" \
    --argjson k6cpu "$(if [ -n "${K6_WALL:-}" ]; then printf '{"wallSeconds": %s, "cpuSeconds": %s}' "$K6_WALL" \
      "$(awk -v u="$K6_USER" -v s="$K6_SYS" 'BEGIN { print u + s }')"; else echo null; fi)" \
    '{measuredAt: $at, scriptStartedAt: $started, command: $command, platform: $platform, pgbench: $pgbench,
      run: $k6[0], ratio: (if $pgbench.tps then $k6[0].perSecond / $pgbench.tps else null end),
      stored: $referrals, checks: $checks, loadGenerator: $k6cpu,
      loadAverage: {beforePgbench: $loadBeforePgbench, beforeRun: $loadBeforeRun, afterRun: $loadAfterRun}}' >"$file"
  jq -r -f /dev/stdin "$file" <<'JQ'
def f: if . == null then "-" else (. * 10 | round / 10 | tostring) end;
"\nreferral creation, \(.measuredAt): \(.run.counts.created) created in \(.run.settings.seconds) s by \(.run.settings.vus) callers, \(.run.counts.contracted) of them contracted residents",
"  \(.run.perSecond | f) per second; p50 \(.run.latencyMs.p50 | f)  p90 \(.run.latencyMs.p90 | f)  p99 \(.run.latencyMs.p99 | f)  max \(.run.latencyMs.max | f) ms",
"  pgbench simple-update: \(.pgbench.tps // null | f) TPS (\(.pgbench.clients // "-") clients, \(.pgbench.seconds // "-") s, \(.pgbench.measuredAt // "-"))",
"  created per second / pgbench TPS = \(if .ratio then (.ratio * 1000 | round / 1000 | tostring) else "-" end) (goal: at least 0.2, p99 under 100 ms: \(if .ratio != null and .ratio >= 0.2 and .run.latencyMs.p99 < 100 then "MET" else "MISSED" end))",
"  k6 itself: \(.loadGenerator.cpuSeconds // null | f) s CPU in \(.loadGenerator.wallSeconds // null | f) s",
"  load average: \(if .loadAverage.beforePgbench == "" then "-" else .loadAverage.beforePgbench end) before pgbench, \(.loadAverage.beforeRun) before the run, \(.loadAverage.afterRun) after",
"  platform: \(.platform.gitHead[0:60]); referral started \(.platform.startedAt.referral)"
JQ
  printf 'report: %s\n' "$file"
}

# ---- 6. release --------------------------------------------------------------------------------
release() {
  local open ids tokens institution group held
  open="$(bench_pg "$REFERRAL_DB" -c "select json_build_object('id', id, 'site', referring_institution_id, 'group', group_id)
    from referral where position('$MARKER_PREFIX' in reason) > 0 and status in ('submitted', 'accepted', 'scheduled')")"
  if [ -z "$open" ]; then
    log "release: no open benchmark referral"
    return 0
  fi
  tokens="{}"
  while read -r institution group; do
    tokens="$(jq -c --arg i "$institution" --arg t "$(token primary-staff "$institution" "$group")" '. + {($i): $t}' <<<"$tokens")"
  done < <(jq -r '"\(.site) \(.group)"' <<<"$open" | sort -u)
  # The referrals through a file: a creation run's thousands would not fit in one argument.
  jq -c '{id, site}' <<<"$open" >"$OUT/release-referrals.json"
  jq -n --arg referral "$REFERRAL" --arg runId "$(bench_uuid)" --argjson tokens "$tokens" \
    --slurpfile referrals "$OUT/release-referrals.json" \
    '{referral: $referral, runId: $runId, referrals: $referrals, tokens: $tokens}' >"$OUT/release.json"
  log "release: cancelling $(wc -l <<<"$open") open benchmark referrals (bench/referral/release.js)"
  BENCH_RELEASE="$OUT/release.json" BENCH_PROTO_DIR="$MEDGRID_ROOT/proto" \
    "$MEDGRID_K6" run --quiet --no-usage-report "$MEDGRID_ROOT/bench/referral/release.js" 2>&1 | sed '/^\s*$/d' >&2 ||
    die "release.js failed"
  ids="$(jq -r '.id' <<<"$open" | sed "s/.*/'&'/" | paste -sd, -)"
  released() {
    held="$(bench_pg "$SCHEDULING_DB" -f - <<<"select count(*) from booking where referral_id in ($ids) and status in ('held', 'booked')")"
    [ "$held" = 0 ]
  }
  wait_until "$BENCH_RELEASE_WAIT_S" "scheduling has released the benchmark referrals' slots" released ||
    warn "scheduling still holds $held slots of cancelled benchmark referrals after ${BENCH_RELEASE_WAIT_S}s"
}

# ---- report ------------------------------------------------------------------------------------
report() {
  local file="$OUT/report-$STAMP.json" tps
  tps="$(jq -r '.tps // empty | . * 10 | round / 10' "$PGBENCH_JSON" 2>/dev/null || true)"
  jq -n --arg at "$RUN_AT" --arg started "$STAMP" --arg command "$COMMAND" --argjson platform "$PLATFORM" --slurpfile k6 "$SUMMARY" \
    --argjson pgbench "$(cat "$PGBENCH_JSON" 2>/dev/null || echo null)" --argjson checks "$CHECK_RESULTS" \
    --argjson referrals "${REFERRALS_INFO:-null}" --argjson holds "${HOLDS:-null}" \
    --argjson committed "${COMMITTED:-null}" \
    --argjson doubledSql "${DOUBLED_SQL:-0}" --arg loadBeforePgbench "$LOAD_BEFORE_PGBENCH" \
    --arg loadBeforeRun "$LOAD_BEFORE_RUN" --arg loadAfterRun "$LOAD_AFTER_RUN" \
    --argjson k6cpu "$(if [ -n "${K6_WALL:-}" ]; then printf '{"wallSeconds": %s, "cpuSeconds": %s}' "$K6_WALL" \
      "$(awk -v u="$K6_USER" -v s="$K6_SYS" 'BEGIN { print u + s }')"; else echo null; fi)" \
    '{measuredAt: $at, scriptStartedAt: $started, command: $command, platform: $platform, pgbench: $pgbench, run: $k6[0],
      lost: $k6[0].counts.lost, doubled: {stream: $k6[0].counts.doubled, sql: $doubledSql},
      committedMs: $committed,
      stored: {referrals: $referrals, holds: $holds}, checks: $checks, loadGenerator: $k6cpu,
      loadAverage: {beforePgbench: $loadBeforePgbench, beforeRun: $loadBeforeRun, afterRun: $loadAfterRun}}' >"$file"
  jq -r --arg tps "${tps:-n/a}" -f /dev/stdin "$file" <<'JQ'
def f: if . == null then "-" else (round | tostring) end;
def row($name; $x): "  \(($name + "                                              ")[0:46])p50 \($x.p50 | f)  p90 \($x.p90 | f)  p99 \($x.p99 | f)  max \($x.max | f) ms (\($x.count))";
"\nreferral end to end, \(.measuredAt): \(.run.counts.created) referrals, lost \(.lost), doubled \(.doubled.stream + .doubled.sql)",
row("accept -> SCHEDULED, referrer's stream"; .run.latencyMs.acceptToScheduled),
row("submit -> accepted"; .run.latencyMs.submitToAccepted),
row("submit -> SCHEDULED, referrer's stream"; .run.latencyMs.submitToScheduled),
"  as the databases saw it (without the stream's poll):",
row("accept -> SCHEDULED committed"; .committedMs.acceptToScheduled),
row("  referral's outbox relay"; .committedMs.referralRelay),
row("  Kafka, scheduling's consumer (queue), hold"; .committedMs.kafkaToScheduling),
row("  scheduling's outbox relay"; .committedMs.schedulingRelay),
row("  Kafka, referral's consumer (its queue)"; .committedMs.kafkaToReferral),
"  pgbench simple-update: \($tps) TPS (\(.pgbench.clients // "-") clients, \(.pgbench.seconds // "-") s, \(.pgbench.measuredAt // "-"))",
"  load average: \(if .loadAverage.beforePgbench == "" then "-" else .loadAverage.beforePgbench end) before pgbench, \(.loadAverage.beforeRun) before the run, \(.loadAverage.afterRun) after",
"  platform: \(.platform.gitHead[0:60]); referral started \(.platform.startedAt.referral), scheduling \(.platform.startedAt.scheduling)"
JQ
  printf 'report: %s\n' "$file"
}

# ---- main --------------------------------------------------------------------------------------
preflight
if [ "$RELEASE_ONLY" -eq 1 ]; then
  release
  exit 0
fi
context
seed
if [ "$SKIP_PGBENCH" -eq 0 ]; then
  wait_quiet
  LOAD_BEFORE_PGBENCH="$(bench_load_average)"
  bench_pgbench "$PGBENCH_JSON" "$OUT/pgbench.log" "$BENCH_PGBENCH_CLIENTS" "$BENCH_PGBENCH_SECONDS" \
    "$BENCH_PGBENCH_SCALE" "$STAMP"
fi
wait_quiet
PLATFORM="$(platform_facts)"
run
if [ "$CREATE" -eq 1 ]; then checks_create; else checks; fi
[ "$KEEP" -eq 1 ] || release
if [ "$CREATE" -eq 1 ]; then report_create; else report; fi
if [ "$FAILED" -ne 0 ]; then
  log "FAIL: at least one check found a violation"
  exit 1
fi
log "all checks passed"
