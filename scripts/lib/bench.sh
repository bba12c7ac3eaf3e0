# shellcheck shell=bash
# Sourced by the benchmarks that drive the running platform (bench-scheduling.sh, bench-referral.sh): what each of
# them needs the same way, so a run of one and a run of the other pick the same hospital, measure the same yardstick
# and talk to the services the same way. Sources lib/services.sh; changes no shell options.
#
#   bench_pg <database> [psql args...]      psql as the medgrid role: unaligned, quiet, '|' between fields, stops on
#                                           the first error
#   bench_rpc <address> <token> <method> <json>
#                                           a unary call with scripts/grpcurl.sh; the answer on stdout, dies with
#                                           the error
#   bench_token <subject> <role> [<institution> <group>]
#                                           a development token (scripts/dev-token.sh) valid for two hours, or
#                                           BENCH_TOKEN_TTL_S seconds
#   bench_uuid                              a random UUID
#   bench_service_addr <service>            127.0.0.1:<its gRPC port>
#   bench_lead_hospital <registry> <token>  "<id> <group> <name>" of the hospital a run uses: BENCH_INSTITUTION_ID,
#                                           else the first tertiary hospital (by name) that leads its medical group
#   bench_clinic_date                       BENCH_DATE, else the first local date whose 07:00 session still keeps
#                                           its reserved slots an hour from now (they go public
#                                           RESERVE_RELEASE_LEAD_HOURS, default 24, before a session)
#   bench_load_average                      the 1-, 5- and 15-minute load averages
#   bench_wait_quiet <threshold> <seconds>  waits (at most <seconds>) until the 1-minute load average is below
#                                           <threshold> and no k6 runs: other people's work on the same cores
#                                           moves every figure
#   bench_pgbench <json> <log> <clients> <seconds> <scale> <stamp>
#                                           the yardstick: the built-in simple-update script on a scratch database
#                                           (medgrid_pgbench, `pgbench -i -s <scale>`) for <seconds> s with as many
#                                           clients (fewer when the server has not that many connections free);
#                                           its TPS and settings go to <json>, its output to <log>
# shellcheck source-path=SCRIPTDIR source=services.sh
source "$(dirname "${BASH_SOURCE[0]}")/services.sh"

bench_pg() {
  local db="$1"
  shift
  PGPASSWORD="$MEDGRID_PG_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -w -q -At -F '|' -v ON_ERROR_STOP=1 \
    -h "$MEDGRID_PG_HOST" -p "$MEDGRID_PG_PORT" -U "$MEDGRID_PG_USER" -d "$db" "$@"
}

bench_rpc() {
  local out
  if ! out="$(bash "$MEDGRID_ROOT/scripts/grpcurl.sh" -plaintext -max-time 30 -H "authorization: Bearer $2" -d "$4" "$1" "$3" 2>&1)"; then
    printf '%s\n' "$out" >&2
    die "$3 on $1 failed"
  fi
  printf '%s\n' "$out"
}

bench_token() {
  local args=(--role "$2" --subject "$1" --ttl "${BENCH_TOKEN_TTL_S:-7200}")
  [ -n "${3:-}" ] && args+=(--institution "$3" --group "$4")
  bash "$MEDGRID_ROOT/scripts/dev-token.sh" "${args[@]}"
}

bench_uuid() {
  if [ -r /proc/sys/kernel/random/uuid ]; then cat /proc/sys/kernel/random/uuid; else od -An -tx1 -N16 /dev/urandom |
    tr -d ' \n' | sed -E 's/^(.{8})(.{4}).(.{3}).(.{3})(.{12})$/\1-\2-4\3-a\4-\5/'; fi
}

bench_service_addr() {
  local entry name port _
  for entry in "${MEDGRID_SERVICES[@]}"; do
    IFS=: read -r name port _ <<<"$entry"
    [ "$name" = "$1" ] && { printf '127.0.0.1:%s' "$port"; return 0; }
  done
  die "unknown service $1"
}

bench_lead_hospital() {
  local registry="$1" token="$2" id group name lead
  if [ -n "${BENCH_INSTITUTION_ID:-}" ]; then
    lead="$(bench_rpc "$registry" "$token" medgrid.registry.v1.OrganisationService/GetInstitution \
      "{\"id\":\"$BENCH_INSTITUTION_ID\"}")" || exit 1
    read -r id group name < <(jq -r '.institution | "\(.id) \(.groupId // "-") \(.name)"' <<<"$lead")
    [ "$group" != "-" ] || die "institution $BENCH_INSTITUTION_ID belongs to no medical group"
    printf '%s %s %s\n' "$id" "$group" "$name"
    return 0
  fi
  while read -r id group name; do
    lead="$(bench_rpc "$registry" "$token" medgrid.registry.v1.OrganisationService/GetMedicalGroup "{\"id\":\"$group\"}" |
      jq -r '.group.leadInstitutionId // ""')"
    [ "$lead" = "$id" ] && { printf '%s %s %s\n' "$id" "$group" "$name"; return 0; }
  done < <(bench_rpc "$registry" "$token" medgrid.registry.v1.OrganisationService/SearchInstitutions \
    '{"level":"INSTITUTION_LEVEL_TERTIARY","pageSize":100}' |
    jq -r '.institutions // [] | .[] | select((.groupId // "") != "") | "\(.id) \(.groupId) \(.name)"')
  die "the registry has no tertiary hospital leading a medical group (is the demo city loaded? scripts/up.sh loads it)"
}

bench_clinic_date() {
  if [ -n "${BENCH_DATE:-}" ]; then printf '%s' "$BENCH_DATE"; return 0; fi
  local lead="${RESERVE_RELEASE_LEAD_HOURS:-24}" now d day first
  now="$(date +%s)"
  for d in $(seq 1 14); do
    day="$(TZ=CST-8 date -d "+$d days" +%F)" # Asia/Shanghai is UTC+8 all year
    first="$(date -d "$day 07:00 +0800" +%s)"
    if [ $((first - lead * 3600)) -gt $((now + 3600)) ]; then printf '%s' "$day"; return 0; fi
  done
  die "no clinic date within 14 days keeps its reserve (RESERVE_RELEASE_LEAD_HOURS=$lead); set BENCH_DATE"
}

bench_load_average() { cut -d' ' -f1-3 /proc/loadavg; }

bench_wait_quiet() {
  local threshold="$1" seconds="$2"
  # Another benchmark's k6 may be between two of its steps, with the load average still low.
  bench_is_quiet() { awk -v t="$threshold" '{ exit !($1 < t) }' /proc/loadavg && ! pgrep -x k6 >/dev/null; }
  bench_is_quiet && return 0
  log "waiting (at most ${seconds}s) for the 1-minute load average to fall below $threshold with no other k6 running (now $(bench_load_average))"
  wait_until "$seconds" "load average below $threshold, no other k6" bench_is_quiet ||
    die "the machine was not quiet for ${seconds}s (load average $(bench_load_average); k6 running: $(pgrep -xc k6 || true))"
}

bench_pgbench() {
  local json="$1" log="$2" clients="$3" seconds="$4" scale="$5" stamp="$6" db=medgrid_pgbench max used reserved free tps threads
  max="$(bench_pg postgres -c 'show max_connections')"
  reserved="$(bench_pg postgres -c 'show superuser_reserved_connections')"
  used="$(bench_pg postgres -c "select count(*) from pg_stat_activity where backend_type = 'client backend'")"
  free=$((max - reserved - used - 5))
  if [ "$clients" -gt "$free" ]; then
    warn "pgbench: $clients clients asked, but the server has only $free connections free (max_connections $max); using $free"
    clients="$free"
  fi
  [ "$clients" -ge 1 ] || die "pgbench: no connections free on the server"
  threads=$((clients < 2 ? clients : 2)) # one per core of the 2-core machine
  if [ "$(bench_pg postgres -c "select count(*) from pg_database where datname = '$db'")" = 0 ]; then
    bench_pg postgres -c "create database $db"
    log "created the scratch database $db (drop it with: dropdb $db)"
  fi
  log "pgbench: initialising $db at scale $scale"
  PGPASSWORD="$MEDGRID_PG_PASSWORD" pgbench -h "$MEDGRID_PG_HOST" -p "$MEDGRID_PG_PORT" -U "$MEDGRID_PG_USER" \
    -i -q -s "$scale" "$db" >"$log" 2>&1 || { cat "$log" >&2; die "pgbench -i failed"; }
  log "pgbench: simple-update, $clients clients, $threads threads, ${seconds} s"
  PGPASSWORD="$MEDGRID_PG_PASSWORD" pgbench -h "$MEDGRID_PG_HOST" -p "$MEDGRID_PG_PORT" -U "$MEDGRID_PG_USER" \
    -b simple-update -c "$clients" -j "$threads" -T "$seconds" "$db" >>"$log" 2>&1 || { cat "$log" >&2; die "pgbench failed"; }
  tps="$(awk '/^tps = / { print $3; exit }' "$log")"
  [ -n "$tps" ] || { cat "$log" >&2; die "no tps line in pgbench's output"; }
  jq -n --argjson tps "$tps" --argjson clients "$clients" --argjson threads "$threads" --argjson seconds "$seconds" \
    --argjson scale "$scale" --arg at "$stamp" \
    '{script: "simple-update", tps: $tps, clients: $clients, threads: $threads, seconds: $seconds, scale: $scale, measuredAt: $at}' \
    >"$json"
  log "pgbench: $tps TPS (simple-update, $clients clients); log in $log"
}
