#!/usr/bin/env bash
# Quick start command 1: brings the whole platform up on this machine.
# Installs what is missing (Node 24, npm packages, PostgreSQL, the Kafka jars),
# starts PostgreSQL and Kafka, builds, migrates every database, creates the
# topics and starts each service in the background. Idempotent.
# Then Prometheus (scripts/prometheus.sh, optional: a warning when it cannot be installed) scrapes every service
# with the chart's rules, the demo data is loaded and live traffic goes through the services' APIs.
# When Jaeger is built (scripts/jaeger.sh install), it is started first and the services export their traces to it.
# Logs: .logs/<service>.log, .logs/kafka.log, .logs/prometheus.log, .logs/jaeger.log. Stop with scripts/down.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/node.sh
source "$here/lib/node.sh"
medgrid_ensure_node
MEDGRID_LOG_TAG=up
cd "$MEDGRID_ROOT"

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund --loglevel=error
fi
bash scripts/postgres.sh up
bash scripts/kafka.sh up
# shellcheck source-path=SCRIPTDIR source=lib/services.sh
source "$here/lib/services.sh"
medgrid_ensure_dev_keys
mkdir -p "$MEDGRID_RUN" "$MEDGRID_LOGS"
# The gateway signs its CSRF tokens with a secret of this machine (never committed); it signs the
# services' tokens with the development issuer's private key.
GATEWAY_CSRF_SECRET_FILE="$MEDGRID_SECRETS/gateway-csrf-secret"
[ -s "$GATEWAY_CSRF_SECRET_FILE" ] || (umask 077 && openssl rand -hex 32 >"$GATEWAY_CSRF_SECRET_FILE")

node_modules/.bin/nx run-many -t build --outputStyle=static >/dev/null
KAFKA_BROKERS="$MEDGRID_KAFKA_BROKERS" node libs/platform/messaging/dist/cli/ensure-topics.js

# The platform's trace store, Jaeger (scripts/jaeger.sh), started before the services so their first spans have
# somewhere to go; only when already built: building it takes minutes, up.sh never does. A caller's own
# OTEL_TRACES_EXPORTER wins. Optional: without Jaeger the services export no traces and the platform runs all the same.
otel_env=(OTEL_TRACES_EXPORTER="${OTEL_TRACES_EXPORTER:-none}")
jaeger_url=""
if [ -z "${OTEL_TRACES_EXPORTER:-}" ]; then
  if ! bash scripts/jaeger.sh built; then
    log "traces are not exported: Jaeger is not built (once, about 7 minutes: bash scripts/jaeger.sh install)"
  elif bash scripts/jaeger.sh start; then
    otel_env=(OTEL_TRACES_EXPORTER=otlp OTEL_EXPORTER_OTLP_ENDPOINT="$(bash scripts/jaeger.sh endpoint)")
    jaeger_url="http://127.0.0.1:${MEDGRID_JAEGER_UI_PORT:-16686}"
  else
    warn "Jaeger did not start (see above): the services run without exporting traces"
  fi
fi

# gRPC over mutual TLS when MEDGRID_GRPC_TLS=mutual (plaintext otherwise): the development CA and certificates of
# scripts/dev-certs.sh; every service requires a client certificate of that CA and checks that its institution is the
# token's, the gateway presents its platform certificate. Services already running keep how they were started
# (scripts/down.sh --services first).
tls_env=()
gateway_tls_env=()
tls_dir=""
case "${MEDGRID_GRPC_TLS:-}" in
  "" | plaintext) ;;
  mutual)
    bash scripts/dev-certs.sh
    tls_dir="$MEDGRID_SECRETS/tls"
    tls_env=(GRPC_TLS_CERT_FILE="$tls_dir/server.crt" GRPC_TLS_KEY_FILE="$tls_dir/server.key"
      GRPC_TLS_CLIENT_CA_FILE="$tls_dir/ca.crt")
    gateway_tls_env=(GRPC_CLIENT_TLS_CA_FILE="$tls_dir/ca.crt" GRPC_CLIENT_TLS_CERT_FILE="$tls_dir/gateway.crt"
      GRPC_CLIENT_TLS_KEY_FILE="$tls_dir/gateway.key")
    ;;
  *) die "MEDGRID_GRPC_TLS=${MEDGRID_GRPC_TLS}: plaintext (the default) or mutual" ;;
esac

for entry in "${MEDGRID_SERVICES[@]}"; do
  IFS=: read -r name grpc_port http_port <<<"$entry"
  DATABASE_URL="$(medgrid_database_url "$name")" node "services/$name/dist/database/migrate.js" up | sed "s/^/[$name] /"
  if [ "$name" = registry ]; then
    # The demo city of the quick start (skipped when already loaded); its
    # events reach Kafka through the registry's outbox once the service runs.
    DATABASE_URL="$(medgrid_database_url registry)" \
      node services/registry/dist/demo/load-demo-city.js --residents "${MEDGRID_DEMO_RESIDENTS:-100000}" | sed "s/^/[demo] /"
  fi
  pidfile="$MEDGRID_RUN/$name.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    # A build newer than the running process (a pull, an edit) replaces it, so up.sh always leaves the code as built.
    if [ -z "$(find "services/$name/dist" -newer "$pidfile" -type f -print -quit)" ]; then
      log "$name already running (pid $(cat "$pidfile"))"
      continue
    fi
    pid="$(cat "$pidfile")"
    log "$name: its build is newer than the running process (pid $pid); restarting it"
    kill -TERM "$pid"
    gone() { ! kill -0 "$pid" 2>/dev/null; }
    wait_until 20 "$name to stop" gone || kill -KILL "$pid" 2>/dev/null || true
  fi
  # A process of an earlier run or test stage may still be letting go of the port (the suites' services draw their
  # ports from the range these lie in): wait for it rather than fail on EADDRINUSE.
  ports_free() { ! tcp_open 127.0.0.1 "$grpc_port" && ! tcp_open 127.0.0.1 "$http_port"; }
  if ! ports_free && ! wait_until 30 "$name's ports $grpc_port and $http_port to be free" ports_free; then
    ss -ltnp 2>/dev/null | grep -E ":($grpc_port|$http_port)\b" >&2 || true
    die "$name: port $grpc_port or $http_port is taken by a process this script did not start (above)"
  fi
  own_env=("${tls_env[@]}")
  if [ "$name" = gateway ]; then
    own_env+=(AUTH_SIGNING_KEY_FILE="$MEDGRID_ISSUER_PRIVATE_KEY" CSRF_SECRET_FILE="$GATEWAY_CSRF_SECRET_FILE"
      "${gateway_tls_env[@]}")
  fi
  env "${own_env[@]}" \
  DATABASE_URL="$(medgrid_database_url "$name")" \
  KAFKA_BROKERS="$MEDGRID_KAFKA_BROKERS" \
  GRPC_PORT="$grpc_port" HTTP_PORT="$http_port" \
  AUTH_PUBLIC_KEY_FILE="$MEDGRID_ISSUER_PUBLIC_KEY" \
  "${otel_env[@]}" \
  OUTBOX_BATCH_SIZE="${OUTBOX_BATCH_SIZE:-500}" \
    setsid nohup node "services/$name/dist/main.js" >>"$MEDGRID_LOGS/$name.log" 2>&1 &
  echo $! >"$pidfile"
done

for entry in "${MEDGRID_SERVICES[@]}"; do
  IFS=: read -r name grpc_port http_port <<<"$entry"
  ready() { curl -fsS "http://127.0.0.1:$http_port/health/ready" >/dev/null 2>&1; }
  if ! wait_until 60 "$name readiness" ready; then
    tail -n 30 "$MEDGRID_LOGS/$name.log" >&2
    die "$name did not become ready; see $MEDGRID_LOGS/$name.log"
  fi
  log "$name ready: gRPC 127.0.0.1:$grpc_port, HTTP http://127.0.0.1:$http_port (health, /metrics)"
done
# The platform's Prometheus: every service's /metrics with the labels of the chart's ServiceMonitors and the chart's
# rules file. Optional here (a machine whose apt cannot install it runs the platform unwatched); scripts/test.sh
# needs it.
prometheus_url=""
if bash scripts/prometheus.sh start; then
  prometheus_url="http://127.0.0.1:$MEDGRID_PROMETHEUS_PORT"
else
  warn "Prometheus did not start (see above): the platform runs without it"
fi
# The demo city's mutual-recognition catalogue (lab-sharing's starter), once lab-sharing has learnt the city from
# the registry's events; a city that has a catalogue keeps it.
DATABASE_URL="$(medgrid_database_url lab-sharing)" \
  node services/lab-sharing/dist/database/seed-starter-catalogues.js | sed "s/^/[demo] /"
# The demo city's activity, so every indicator of the portal has real figures: hospitals' sessions, bookings and
# wards for the coming week (scheduling), prescriptions checked (pharmacy), results recorded and looked up
# (lab-sharing, after its catalogue), claims adjudicated and months settled (payment; last month of the first group
# by name is left for the portal to settle). Each run adds only what is missing. The city is named by the
# registry's id: end-to-end tests register Guangzhous of their own on the same broker.
registry_sql() {
  PGPASSWORD="$MEDGRID_PG_PASSWORD" psql -h "$MEDGRID_PG_HOST" -p "$MEDGRID_PG_PORT" -U "$MEDGRID_PG_USER" \
    -d medgrid_registry -Atc "$1"
}
demo_city="$(registry_sql "SELECT id FROM city WHERE division_code = '440100'")"
if [ -n "$demo_city" ]; then
  DATABASE_URL="$(medgrid_database_url scheduling)" \
    node services/scheduling/dist/demo/load-demo-activity.js --city "$demo_city" | sed "s/^/[demo] /"
  demo_groups="$(registry_sql "SELECT string_agg(g.id::text, ',') FROM medical_group g JOIN grid gr ON gr.id = g.grid_id
    WHERE gr.city_id = '$demo_city'")"
  DATABASE_URL="$(medgrid_database_url pharmacy)" \
    node services/pharmacy/dist/demo/load-demo-activity.js --groups "$demo_groups" | sed "s/^/[demo] /"
  DATABASE_URL="$(medgrid_database_url lab-sharing)" \
    node services/lab-sharing/dist/demo/load-demo-activity.js --city "$demo_city" | sed "s/^/[demo] /"
  demo_unsettled_group="$(registry_sql "SELECT g.id FROM medical_group g JOIN grid gr ON gr.id = g.grid_id
    WHERE gr.city_id = '$demo_city' ORDER BY g.name LIMIT 1")"
  DATABASE_URL="$(medgrid_database_url payment)" node services/payment/dist/demo/load-demo-activity.js \
    --city "$demo_city" ${demo_unsettled_group:+--unsettled-group "$demo_unsettled_group"} | sed "s/^/[demo] /"
  # The loaders above go through the services' use cases in processes of their own, so the running services count
  # none of it: a small slice of a medical group's day through their gRPC APIs gives the dashboard and the alerts live
  # figures (tools/demo-traffic). Each run adds its own; a failure leaves the platform up, with a warning.
  grpc_addresses="$(for entry in "${MEDGRID_SERVICES[@]}"; do
    IFS=: read -r name grpc_port _ <<<"$entry"
    printf '%s=127.0.0.1:%s,' "$name" "$grpc_port"
  done)"
  node tools/demo-traffic/demo-traffic.mjs --services "${grpc_addresses%,}" --key "$MEDGRID_ISSUER_PRIVATE_KEY" \
    ${tls_dir:+--tls-dir "$tls_dir"} |
    sed "s/^/[demo] /" || warn "the demo's live traffic failed (see above): the dashboard's activity panels stay empty"
fi
# The portal's first city operator for the demo city ("operator"), its password from
# MEDGRID_OPERATOR_PASSWORD or generated once into .cache/secrets/portal-operator-password.
OPERATOR_PASSWORD_FILE="$MEDGRID_SECRETS/portal-operator-password"
if [ -n "${MEDGRID_OPERATOR_PASSWORD:-}" ] || [ -s "$OPERATOR_PASSWORD_FILE" ] ||
  (umask 077 && openssl rand -base64 18 >"$OPERATOR_PASSWORD_FILE"); then
  if [ -n "$demo_city" ]; then
    MEDGRID_OPERATOR_PASSWORD="${MEDGRID_OPERATOR_PASSWORD:-$(cat "$OPERATOR_PASSWORD_FILE")}" \
      DATABASE_URL="$(medgrid_database_url gateway)" node services/gateway/dist/database/create-operator.js \
      --username operator --display-name 广州市卫健委运营 --city "$demo_city" --if-absent | sed "s/^/[portal] /"
  fi
fi
log "portal API: http://127.0.0.1:3066/api (docs /api/docs); operator's password in $OPERATOR_PASSWORD_FILE unless MEDGRID_OPERATOR_PASSWORD is set"
log "city operations portal: http://127.0.0.1:3066/ (sign in as operator, password as above)"
if [ -n "$prometheus_url" ]; then
  log "Prometheus: $prometheus_url (rules: deploy/helm/medgrid/files/prometheus/medgrid.rules.yaml; every dashboard" \
    "panel and rule against it: node deploy/helm/tools/prometheus-queries-check.mjs)"
fi
if [ -n "$jaeger_url" ]; then
  log "Jaeger: $jaeger_url (a trace's spans: $jaeger_url/api/traces/<trace_id of a log line>; one referral's trace" \
    "across referral and scheduling: node tools/trace-check/referral-trace.mjs)"
fi
log "platform is up. Token for grpcurl: scripts/dev-token.sh --role primary-staff --institution <uuid> --group <uuid>"
