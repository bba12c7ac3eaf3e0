#!/usr/bin/env bash
# Booking-rush benchmark of the scheduling service: the 07:00 release rush (放号). A benchmark,
# not a test: CI does not run it. Assumes the platform is up (scripts/up.sh).
#
#   scripts/bench-scheduling.sh                 the full run (below)
#   scripts/bench-scheduling.sh --small         a smoke run: 1,000 attempts on 10 sessions
#   scripts/bench-scheduling.sh --skip-pgbench  reuse the last pgbench TPS (.bench/scheduling/pgbench.json)
#   scripts/bench-scheduling.sh --check-only    only the SQL checks, on the last run's sessions
#
# Steps:
#   1. pgbench: the built-in simple-update script on a scratch database (medgrid_pgbench,
#      `pgbench -i -s $BENCH_PGBENCH_SCALE`), $BENCH_PGBENCH_SECONDS s, as many clients as k6 VUs
#      (fewer if the server has not that many connections free); records its TPS
#   2. seed: the demo city's first lead hospital and one of its departments, from the registry
#      (scripts/grpcurl.sh); dev tokens (scripts/dev-token.sh); then bench/scheduling/seed.js
#      (k6) creates one single-day template per session, generates the sessions, reads their ids
#      back with SearchAvailability and submits one referral per referral booking; waits until
#      scheduling has recorded every referral (it consumes ReferralSubmitted)
#   3. rush: bench/scheduling/booking-rush.js (k6)
#   4. checks, in SQL on the scheduling database, over this run's sessions: PASS/FAIL each
#   5. ratio of booking decisions per second to pgbench TPS
# Output in .bench/scheduling/ (git-ignored; it holds tokens): context.json, plan.json,
# pgbench.json/.log, booking-rush.json (the k6 summary), report-<UTC time>.json.
# Exit status: 1 when a check fails (or a step cannot run); a missed performance target is
# reported, not an error.
#
# Settings (environment; --small changes the defaults marked *):
#   BENCH_SESSIONS=100*  BENCH_CAPACITY=30  BENCH_HOT_SESSIONS=20*  BENCH_ATTEMPTS=30000*
#   BENCH_WINDOW_S=10*   BENCH_VUS=500*  BENCH_MAX_VUS=BENCH_VUS  BENCH_EXECUTOR=arrival|iterations
#   BENCH_HOT_SHARE=0.8  BENCH_REFERRAL_SHARE=0.2  BENCH_DUPLICATE_SHARE=0.03  BENCH_REPEAT_SHARE=0.02
#   BENCH_REFERRALS      referrals to submit (default: attempts x referral share)
#   BENCH_REFERRERS=4    primary institutions of the group that send them
#   BENCH_DEADLINE=5s  BENCH_SEED=1
#   BENCH_DATE           clinic date (default: the first day whose reserved slots are still held
#                        when the rush runs, given RESERVE_RELEASE_LEAD_HOURS, default 24)
#   BENCH_INSTITUTION_ID / BENCH_DEPARTMENT_ID   use this hospital / department instead
#   BENCH_PGBENCH_SECONDS=30*  BENCH_PGBENCH_SCALE=10  BENCH_PGBENCH_CLIENTS (default BENCH_VUS)
#   BENCH_REGISTRY_ADDR / BENCH_REFERRAL_ADDR / BENCH_SCHEDULING_ADDR   default 127.0.0.1:5006x
#   BENCH_SCHEDULING_DB=medgrid_scheduling  BENCH_REFERRAL_WAIT_S=180
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck disable=SC2034 # read by log()/die() in lib/common.sh
MEDGRID_LOG_TAG=bench
# shellcheck source-path=SCRIPTDIR source=lib/bench.sh
source "$here/lib/bench.sh"
# shellcheck source-path=SCRIPTDIR source=lib/k6.sh
source "$here/lib/k6.sh"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2; exit 2; }

SMALL=0
SKIP_PGBENCH=0
CHECK_ONLY=0
for arg in "$@"; do
  case "$arg" in
    --small) SMALL=1 ;;
    --skip-pgbench) SKIP_PGBENCH=1 ;;
    --check-only) CHECK_ONLY=1 ;;
    *) usage ;;
  esac
done

if [ "$SMALL" -eq 1 ]; then
  : "${BENCH_SESSIONS:=10}" "${BENCH_HOT_SESSIONS:=2}" "${BENCH_ATTEMPTS:=1000}" "${BENCH_WINDOW_S:=5}"
  : "${BENCH_VUS:=50}" "${BENCH_PGBENCH_SECONDS:=10}"
fi
: "${BENCH_SESSIONS:=100}" "${BENCH_CAPACITY:=30}" "${BENCH_HOT_SESSIONS:=20}" "${BENCH_ATTEMPTS:=30000}"
: "${BENCH_WINDOW_S:=10}" "${BENCH_VUS:=500}" "${BENCH_MAX_VUS:=$BENCH_VUS}" "${BENCH_REFERRAL_SHARE:=0.2}"
: "${BENCH_REFERRERS:=4}" "${BENCH_PGBENCH_SECONDS:=30}" "${BENCH_PGBENCH_SCALE:=10}"
: "${BENCH_PGBENCH_CLIENTS:=$BENCH_VUS}" "${BENCH_SCHEDULING_DB:=medgrid_scheduling}" "${BENCH_REFERRAL_WAIT_S:=180}"
: "${BENCH_REFERRALS:=$(awk -v a="$BENCH_ATTEMPTS" -v s="$BENCH_REFERRAL_SHARE" 'BEGIN { n = a * s; printf "%d", (n == int(n)) ? n : int(n) + 1 }')}"
# booking-rush.js reads these (and the other BENCH_* it documents) from the environment.
export BENCH_SESSIONS BENCH_HOT_SESSIONS BENCH_ATTEMPTS BENCH_WINDOW_S BENCH_VUS BENCH_MAX_VUS BENCH_REFERRAL_SHARE

REGISTRY="${BENCH_REGISTRY_ADDR:-$(bench_service_addr registry)}"
REFERRAL="${BENCH_REFERRAL_ADDR:-$(bench_service_addr referral)}"
SCHEDULING="${BENCH_SCHEDULING_ADDR:-$(bench_service_addr scheduling)}"

OUT="$MEDGRID_ROOT/.bench/scheduling"
mkdir -p "$OUT"
chmod 700 "$MEDGRID_ROOT/.bench" "$OUT"
umask 077 # context.json and plan.json hold bearer tokens
CONTEXT="$OUT/context.json"
PLAN="$OUT/plan.json"
PGBENCH_JSON="$OUT/pgbench.json"
SUMMARY="$OUT/booking-rush.json"
STARTED_AT_FILE="$OUT/rush-started-at"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"

# ---- helpers ---------------------------------------------------------------------------------
sched_sql() { bench_pg "$BENCH_SCHEDULING_DB" -f -; } # SQL on stdin
token() { bench_token bench-booking-rush "$@"; }      # <role> [institution group]

json_get() { jq -r "$1" "$2"; } # <filter> <file>

# ---- 0. preflight ------------------------------------------------------------------------------
preflight() {
  local tool
  for tool in psql jq; do command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (apt-get install postgresql-client jq)"; done
  [ -n "$MEDGRID_PG_PASSWORD" ] || die "no PostgreSQL password ($MEDGRID_PG_PASSWORD_FILE): is the platform up? (bash scripts/up.sh)"
  [ "$(bench_pg "$BENCH_SCHEDULING_DB" -c 'select 1' 2>/dev/null)" = 1 ] ||
    die "cannot reach database $BENCH_SCHEDULING_DB on $MEDGRID_PG_HOST:$MEDGRID_PG_PORT (bash scripts/up.sh)"
}

preflight_services() {
  local addr services
  for addr in "$REGISTRY" "$REFERRAL" "$SCHEDULING"; do
    tcp_open "${addr%:*}" "${addr##*:}" || die "nothing listens on $addr: bring the platform up first (bash scripts/up.sh)"
  done
  services="$(bash "$here/grpcurl.sh" -plaintext -max-time 10 "$SCHEDULING" list 2>&1)" ||
    die "cannot list scheduling's gRPC services on $SCHEDULING: $services"
  if ! grep -qx 'medgrid.scheduling.v1.BookingService' <<<"$services" ||
    ! grep -qx 'medgrid.scheduling.v1.ScheduleService' <<<"$services"; then
    die "scheduling on $SCHEDULING does not serve BookingService and ScheduleService yet (it serves: $(tr '\n' ' ' <<<"$services"))"
  fi
  if [ "$SKIP_PGBENCH" -eq 0 ] && ! command -v pgbench >/dev/null 2>&1; then
    die "pgbench is not installed (Debian: apt-get install postgresql-contrib), or pass --skip-pgbench"
  fi
  medgrid_ensure_k6
}

# ---- 2. seed (step 1, pgbench, is bench_pgbench of lib/bench.sh) ------------------------------
referral_patients() { # <count>: JSON array of that many registered residents of the hospital's grid
  # A referral is for a resident the registry has registered (docs/decisions/0004), so the referral patients
  # are the demo city's residents of the hospital's grid, not synthetic numbers.
  local want="$1" grid page token="" patients="[]"
  grid="$(bench_rpc "$REGISTRY" "$OPERATOR" medgrid.registry.v1.OrganisationService/GetInstitution "{\"id\":\"$HOSPITAL\"}" |
    jq -r '.institution.gridId // ""')"
  [ -n "$grid" ] || die "hospital $HOSPITAL has no grid"
  while [ "$(jq length <<<"$patients")" -lt "$want" ]; do
    page="$(bench_rpc "$REGISTRY" "$OPERATOR" medgrid.registry.v1.ResidentService/SearchResidents \
      "{\"gridId\":\"$grid\",\"pageSize\":500,\"pageToken\":\"$token\"}")"
    patients="$(jq -c --argjson have "$patients" --argjson want "$want" \
      '($have + [.residents // [] | .[].residentIdNumber])[:$want]' <<<"$page")"
    token="$(jq -r '.nextPageToken // ""' <<<"$page")"
    [ -n "$token" ] || break
  done
  [ "$(jq length <<<"$patients")" -ge "$want" ] ||
    die "grid $grid has $(jq length <<<"$patients") registered residents, $want referrals need as many (BENCH_REFERRALS, or load a bigger demo city)"
  printf '%s\n' "$patients"
}

seed() {
  local department_json referrers_json ids date weekday institutions count known run_id id patients_json lead
  OPERATOR="$(token city-operator)"
  lead="$(bench_lead_hospital "$REGISTRY" "$OPERATOR")"
  read -r HOSPITAL GROUP HOSPITAL_NAME <<<"$lead"
  log "hospital: $HOSPITAL_NAME ($HOSPITAL), group $GROUP"
  department_json="$(bench_rpc "$REGISTRY" "$OPERATOR" medgrid.registry.v1.OrganisationService/ListDepartments "{\"institutionId\":\"$HOSPITAL\"}" |
    jq -c --arg want "${BENCH_DEPARTMENT_ID:-}" '[.departments // [] | .[] | select($want == "" or .id == $want)][0] // empty')"
  [ -n "$department_json" ] || die "hospital $HOSPITAL has no department${BENCH_DEPARTMENT_ID:+ $BENCH_DEPARTMENT_ID}"
  DEPARTMENT="$(jq -r .id <<<"$department_json")"
  log "department: $(jq -r '"\(.name) (\(.specialtyCode))"' <<<"$department_json") $DEPARTMENT"

  institutions="$(bench_rpc "$REGISTRY" "$OPERATOR" medgrid.registry.v1.OrganisationService/SearchInstitutions \
    "{\"groupId\":\"$GROUP\",\"level\":\"INSTITUTION_LEVEL_PRIMARY\",\"pageSize\":$BENCH_REFERRERS}" |
    jq -r '.institutions // [] | .[].id')"
  [ -n "$institutions" ] || die "group $GROUP has no primary institution to send referrals from"
  referrers_json="[]"
  for id in $institutions; do
    referrers_json="$(jq -c --arg id "$id" --arg t "$(token primary-staff "$id" "$GROUP")" '. + [{institutionId: $id, token: $t}]' <<<"$referrers_json")"
  done
  log "referrals from $(jq length <<<"$referrers_json") primary institutions of the group"
  patients_json="$(referral_patients "$BENCH_REFERRALS")"
  log "referral patients: $(jq length <<<"$patients_json") registered residents of the hospital's grid"

  # Scheduling learns hospitals and departments from the registry's events.
  projection_ready() {
    [ "$(bench_pg "$BENCH_SCHEDULING_DB" -c "select (select count(*) from known_institution where id = '$HOSPITAL') + (select count(*) from known_department where id = '$DEPARTMENT')")" = 2 ]
  }
  wait_until 120 "scheduling's registry projection knows the hospital and department" projection_ready ||
    die "scheduling does not know hospital $HOSPITAL / department $DEPARTMENT (known_institution, known_department): is it consuming the registry's topics?"

  date="$(bench_clinic_date)"
  weekday="$(date -d "$date" +%u)"
  run_id="$(bench_uuid)"
  log "run $run_id: $BENCH_SESSIONS sessions of $BENCH_CAPACITY slots on $date (weekday $weekday), $BENCH_REFERRALS referrals"
  jq -n --arg runId "$run_id" --arg date "$date" --argjson weekday "$weekday" \
    --arg scheduling "$SCHEDULING" --arg referral "$REFERRAL" --arg institutionId "$HOSPITAL" --arg groupId "$GROUP" \
    --argjson department "$department_json" --argjson sessions "$BENCH_SESSIONS" --argjson capacity "$BENCH_CAPACITY" \
    --argjson referrals "$BENCH_REFERRALS" --arg manager "$(token hospital-staff "$HOSPITAL" "$GROUP")" \
    --arg booker "$(token partner-system "$HOSPITAL" "$GROUP")" --argjson referrers "$referrers_json" \
    --argjson patients "$patients_json" \
    '{runId: $runId, date: $date, weekday: $weekday, scheduling: $scheduling, referral: $referral,
      institutionId: $institutionId, groupId: $groupId, department: $department, sessions: $sessions,
      capacity: $capacity, referrals: $referrals, patients: $patients,
      tokens: {manager: $manager, booker: $booker, referrers: $referrers}}' >"$CONTEXT"

  rm -f "$PLAN"
  log "seeding through the services' gRPC APIs (bench/scheduling/seed.js)"
  BENCH_CONTEXT="$CONTEXT" BENCH_PLAN_OUT="$PLAN" BENCH_PROTO_DIR="$MEDGRID_ROOT/proto" \
    "$MEDGRID_K6" run --quiet --no-usage-report "$MEDGRID_ROOT/bench/scheduling/seed.js" >"$OUT/seed.log" 2>&1 ||
    { cat "$OUT/seed.log" >&2; die "seeding failed (log: $OUT/seed.log)"; }
  [ -s "$PLAN" ] || { cat "$OUT/seed.log" >&2; die "seed.js wrote no plan"; }
  grep -o 'seed: [^"]*' "$OUT/seed.log" | sed 's/^/  /' >&2 || true

  # Referral bookings need scheduling to have recorded each referral (from ReferralSubmitted).
  count="$(json_get '.referrals | length' "$PLAN")"
  if [ "$count" -gt 0 ]; then
    ids="$(json_get '.referrals | map("'"'"'" + .id + "'"'"'") | join(",")' "$PLAN")"
    referrals_known() {
      known="$(sched_sql <<<"select count(*) from slot_hold_request where referral_id in ($ids) and status <> 'released'")"
      [ "$known" -ge "$count" ]
    }
    if ! wait_until "$BENCH_REFERRAL_WAIT_S" "scheduling has recorded the $count referrals" referrals_known; then
      die "scheduling recorded ${known:-0} of $count referrals (slot_hold_request) within ${BENCH_REFERRAL_WAIT_S}s: is it consuming medgrid.referral.referral.v1?"
    fi
    known="$(sched_sql <<<"select count(*) from slot_hold_request where referral_id in ($ids) and patient_resident_id = ''")"
    [ "$known" = 0 ] || warn "$known referrals were recorded without their patient: scheduling will refuse their bookings"
  fi
}

# ---- 3. rush -----------------------------------------------------------------------------------
rush() {
  local rc=0 timing=()
  # k6 shares the two cores with the services and PostgreSQL: record what it used.
  rm -f "$OUT/k6-cpu"
  [ -x /usr/bin/time ] && timing=(/usr/bin/time -f '%e %U %S' -o "$OUT/k6-cpu")
  bench_pg "$BENCH_SCHEDULING_DB" -c 'select now()::text' >"$STARTED_AT_FILE" # the database's clock, as the outbox's
  rm -f "$SUMMARY"
  log "rush: $BENCH_ATTEMPTS BookSlot attempts within ${BENCH_WINDOW_S}s (bench/scheduling/booking-rush.js)"
  BENCH_PLAN="$PLAN" BENCH_SUMMARY_OUT="$SUMMARY" BENCH_PROTO_DIR="$MEDGRID_ROOT/proto" \
    "${timing[@]}" "$MEDGRID_K6" run --no-usage-report "$MEDGRID_ROOT/bench/scheduling/booking-rush.js" || rc=$?
  [ -s "$SUMMARY" ] || die "k6 exited with $rc and wrote no summary"
  [ "$rc" -eq 0 ] || warn "k6 exited with $rc"
  cp "$SUMMARY" "$OUT/booking-rush-$STAMP.json"
  if [ -s "$OUT/k6-cpu" ]; then
    read -r K6_WALL K6_USER K6_SYS < <(tail -n 1 "$OUT/k6-cpu")
    log "k6 itself used $(awk -v u="$K6_USER" -v s="$K6_SYS" -v w="$K6_WALL" 'BEGIN { printf "%.1f s CPU in %.1f s (%.2f of the 2 cores)", u + s, w, (u + s) / w }')"
  fi
}

# ---- 4. checks ---------------------------------------------------------------------------------
CHECK_NAMES=(slot_once seat_agrees capacity patient_once reserved_needs_referral referral_known referral_once
  no_hold_left one_event_per_booking no_orphan_event)
declare -A CHECK_TEXT=(
  [slot_once]="no slot given twice: at most one held/booked booking per (session, slot)"
  [seat_agrees]="seats and bookings agree: each live booking holds its seat, each taken seat a live booking"
  [capacity]="no session has more held/booked bookings than its capacity"
  [patient_once]="at most one held/booked booking per patient per session"
  [reserved_needs_referral]="no reserved slot taken by a booking without a referral_id"
  [referral_known]="each referral booking is for a referral scheduling recorded, to this hospital, for this patient"
  [referral_once]="at most one held/booked booking per referral"
  [no_hold_left]="no hold left behind (status = 'held')"
  [one_event_per_booking]="exactly one medgrid.scheduling.v1.BookingChanged outbox event per booking"
  [no_orphan_event]="no BookingChanged event since the rush started without its booking"
)
# Each query returns the violating rows.
declare -A CHECK_SQL=(
  [slot_once]="select session_id, slot_number, count(*) as live from run_booking where status in ('held', 'booked')
    group by 1, 2 having count(*) > 1"
  [seat_agrees]="select 'booking without its seat' as problem, b.session_id, b.slot_number, b.id from run_booking b
      left join run_seat st on st.session_id = b.session_id and st.slot_number = b.slot_number
      where b.status in ('held', 'booked') and st.booking_id is distinct from b.id
    union all
    select 'seat without a live booking', st.session_id, st.slot_number, st.booking_id from run_seat st
      left join run_booking b on b.id = st.booking_id
      where st.booking_id is not null and (b.id is null or b.status not in ('held', 'booked')
        or b.session_id <> st.session_id or b.slot_number <> st.slot_number)"
  [capacity]="select c.id, c.capacity, count(b.id) as live from clinic_session c join run_session s on s.id = c.id
    left join run_booking b on b.session_id = c.id and b.status in ('held', 'booked')
    group by c.id, c.capacity having count(b.id) > c.capacity"
  [patient_once]="select session_id, patient_resident_id, count(*) as live from run_booking
    where status in ('held', 'booked') group by 1, 2 having count(*) > 1"
  [reserved_needs_referral]="select b.id, b.session_id, b.slot_number, b.pool, st.pool as seat_pool from run_booking b
    left join run_seat st on st.session_id = b.session_id and st.slot_number = b.slot_number
    where b.status in ('held', 'booked') and b.referral_id = '' and (b.pool = 'reserved' or st.pool = 'reserved')"
  [referral_known]="select b.id, b.referral_id, b.patient_resident_id from run_booking b
    where b.status in ('held', 'booked') and b.referral_id <> '' and not exists (
      select 1 from slot_hold_request h where h.referral_id::text = b.referral_id
        and h.institution_id = b.institution_id and h.patient_resident_id = b.patient_resident_id)"
  [referral_once]="select referral_id, count(*) as live from run_booking where status in ('held', 'booked')
    and referral_id <> '' group by 1 having count(*) > 1"
  [no_hold_left]="select id, session_id, slot_number, hold_expires_at from run_booking where status = 'held'"
  [one_event_per_booking]="select b.id, b.status, count(o.seq) as events from run_booking b
    left join outbox o on o.message_key = b.id::text and o.event_type = 'medgrid.scheduling.v1.BookingChanged'
    group by b.id, b.status having count(o.seq) <> 1"
  [no_orphan_event]="select o.event_id, o.message_key, o.created_at from outbox o
    where o.event_type = 'medgrid.scheduling.v1.BookingChanged' and o.created_at >= :'started'
      and not exists (select 1 from booking b where b.id::text = o.message_key)"
)

# The run's sessions, bookings and seats as temporary tables, then the given SQL.
with_run_tables() {
  local values
  values="$(json_get '.sessions | map("('"'"'" + .id + "'"'"')") | join(",")' "$PLAN")"
  cat <<SQL
\\set started '$(cat "$STARTED_AT_FILE")'
create temp table run_session (id uuid primary key);
insert into run_session values $values;
create temp table run_booking as select b.* from booking b join run_session s on s.id = b.session_id;
create temp table run_seat as select st.* from seat st join run_session s on s.id = st.session_id;
$1
SQL
}

settled() { # the number of bookings in the run's sessions has stopped changing
  local now
  now="$(with_run_tables "select count(*) from run_booking;" | sched_sql)"
  [ "$now" = "${LAST_COUNT:-}" ] && return 0
  LAST_COUNT="$now"
  return 1
}

FAILED=0
CHECK_RESULTS="[]"
record() { # <name> <violations> <text>
  CHECK_RESULTS="$(jq -c --arg n "$1" --argjson v "$2" --arg t "$3" '. + [{name: $n, violations: $v, check: $t}]' <<<"$CHECK_RESULTS")"
}

checks() {
  local sql="" name line n ok low high stored
  if [ ! -s "$PLAN" ] || [ ! -s "$STARTED_AT_FILE" ]; then die "no run to check: $PLAN or $STARTED_AT_FILE is missing"; fi
  LAST_COUNT=""
  wait_until 30 "bookings settled" settled || warn "bookings were still changing after 30 s"
  for name in "${CHECK_NAMES[@]}"; do
    sql+="select '$name', count(*) from (${CHECK_SQL[$name]}) v;
"
  done
  sql+="$(
    cat <<'SQL'
select 'info', json_build_object(
  'booked', count(*) filter (where status = 'booked'),
  'bookedReserved', count(*) filter (where status = 'booked' and pool = 'reserved'),
  'bookedPublic', count(*) filter (where status = 'booked' and pool = 'public'),
  'bookedByReferral', count(*) filter (where status = 'booked' and referral_id <> ''),
  'otherStatuses', count(*) filter (where status not in ('held', 'booked'))) from run_booking;
select 'seats', json_build_object('total', count(*), 'free', count(*) filter (where booking_id is null),
  'freeReserved', count(*) filter (where booking_id is null and pool = 'reserved')) from run_seat;
SQL
  )"
  local results
  results="$(with_run_tables "$sql" | sched_sql)" || die "the SQL checks could not run"
  INFO="$(awk -F'|' '$1 == "info" { print $2 }' <<<"$results")"
  SEATS="$(awk -F'|' '$1 == "seats" { print $2 }' <<<"$results")"

  printf '\nchecks on %s sessions of run %s (database %s)\n' "$(json_get '.sessions | length' "$PLAN")" \
    "$(json_get .runId "$PLAN")" "$BENCH_SCHEDULING_DB"
  for name in "${CHECK_NAMES[@]}"; do
    n="$(awk -F'|' -v n="$name" '$1 == n { print $2 }' <<<"$results")"
    if [ "$n" = 0 ]; then
      printf '  PASS  %s\n' "${CHECK_TEXT[$name]}"
    else
      FAILED=1
      printf '  FAIL  %s: %s violations, e.g.\n' "${CHECK_TEXT[$name]}" "$n"
      with_run_tables "${CHECK_SQL[$name]} limit 5;" | sched_sql | sed 's/^/          /'
    fi
    record "$name" "${n:-0}" "${CHECK_TEXT[$name]}"
  done

  # Answers against rows: every OK answer is a stored booking (a resubmitted id answers with the
  # first booking, so it adds none), and no booking was stored beyond the OK answers and the
  # calls that ended in an error (their answer may have been lost after the commit).
  if [ -s "$SUMMARY" ]; then
    stored="$(jq -r .booked <<<"$INFO")"
    low="$(jq -r '.counts.bookings - .counts.replayedOk' "$SUMMARY")"
    high="$(jq -r '.counts.bookings + .counts.errors' "$SUMMARY")"
    ok=0
    [ "$stored" -ge "$low" ] && [ "$stored" -le "$high" ] && ok=1
    line="stored bookings match the answers: $low <= $stored <= $high (OK answers minus retries .. plus errors)"
    if [ "$ok" -eq 1 ]; then printf '  PASS  %s\n' "$line"; else FAILED=1; printf '  FAIL  %s\n' "$line"; fi
    record answers_match_rows "$((1 - ok))" "$line"
  fi
  printf '  info  bookings %s\n  info  seats %s\n' "$INFO" "$SEATS"
}

# ---- 5. report ---------------------------------------------------------------------------------
report() {
  local report="$OUT/report-$STAMP.json" dps tps ratio="null"
  dps="$(jq -r '.decisions.perSecond' "$SUMMARY" 2>/dev/null || echo 0)"
  tps="$(jq -r '.tps' "$PGBENCH_JSON" 2>/dev/null || echo "")"
  printf '\n'
  if [ -n "$tps" ] && awk -v t="$tps" 'BEGIN { exit !(t > 0) }'; then
    ratio="$(awk -v d="$dps" -v t="$tps" 'BEGIN { printf "%.3f", d / t }')"
    printf 'booking decisions per second / pgbench TPS = %.1f / %.1f = %s (pgbench: %s clients, %s s, scale %s, %s)\n' \
      "$dps" "$tps" "$ratio" "$(jq -r .clients "$PGBENCH_JSON")" "$(jq -r .seconds "$PGBENCH_JSON")" \
      "$(jq -r .scale "$PGBENCH_JSON")" "$(jq -r .measuredAt "$PGBENCH_JSON")"
  else
    printf 'booking decisions per second: %.1f (no pgbench TPS: run without --skip-pgbench once)\n' "$dps"
  fi
  jq -n --slurpfile k6 "$SUMMARY" --argjson checks "$CHECK_RESULTS" --argjson ratio "$ratio" \
    --argjson info "${INFO:-null}" --argjson seats "${SEATS:-null}" \
    --argjson pgbench "$(cat "$PGBENCH_JSON" 2>/dev/null || echo null)" --arg at "$STAMP" \
    --argjson k6cpu "$(if [ -n "${K6_WALL:-}" ]; then printf '{"wallSeconds": %s, "cpuSeconds": %s}' "$K6_WALL" \
      "$(awk -v u="$K6_USER" -v s="$K6_SYS" 'BEGIN { print u + s }')"; else echo null; fi)" \
    '{measuredAt: $at, pgbench: $pgbench, rush: $k6[0], loadGenerator: $k6cpu, checks: $checks,
      stored: {bookings: $info, seats: $seats}, decisionsPerSecondOverPgbenchTps: $ratio}' >"$report"
  printf 'targets: %s\n' "$(jq -r '.targets | to_entries | map("\(.key) \(if .value.met == null then "n/a (\(.value.why))"
    elif .value.met then "met" else "MISSED" end)") | join(", ")' "$SUMMARY")"
  printf 'report: %s\n' "$report"
}

# ---- main --------------------------------------------------------------------------------------
preflight
if [ "$CHECK_ONLY" -eq 0 ]; then
  preflight_services
  if [ "$SKIP_PGBENCH" -eq 0 ]; then
    command -v pgbench >/dev/null 2>&1 || die "pgbench is not installed"
    bench_pgbench "$PGBENCH_JSON" "$OUT/pgbench.log" "$BENCH_PGBENCH_CLIENTS" "$BENCH_PGBENCH_SECONDS" \
      "$BENCH_PGBENCH_SCALE" "$STAMP"
  fi
  seed
  rush
fi
checks
report
if [ "$FAILED" -ne 0 ]; then
  log "FAIL: at least one check found a violation"
  exit 1
fi
log "all checks passed"
