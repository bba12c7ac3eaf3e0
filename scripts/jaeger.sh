#!/usr/bin/env bash
# Local Jaeger for MedGrid development: the trace store the services export their spans to (OTLP over HTTP).
#
#   scripts/jaeger.sh install       build Jaeger (tools/jaeger, pinned) into $MEDGRID_CACHE/go-bin once: about
#                                   7 minutes on 2 cores, then skipped while the binary is of the pinned version
#   scripts/jaeger.sh start         write the config, start Jaeger on 127.0.0.1 (running already: nothing to do)
#                                   and wait until it is healthy; never builds it (it says how)
#   scripts/jaeger.sh stop          stop the Jaeger this script started (by pid, never by name)
#   scripts/jaeger.sh status        pid, health, the services that sent traces
#   scripts/jaeger.sh logs [-f]     last 200 lines of .logs/jaeger.log (-f: follow)
#   scripts/jaeger.sh built         exit 0 when the binary is built (scripts/up.sh asks before starting it)
#   scripts/jaeger.sh endpoint      the OTLP/HTTP endpoint for the services (OTEL_EXPORTER_OTLP_ENDPOINT)
#
# Jaeger v2's all-in-one with in-memory storage (the last $MEDGRID_JAEGER_MAX_TRACES traces; a restart forgets them):
# OTLP receivers, the query API and UI, a health check. up.sh starts it before the services when it is built and
# gives them OTEL_TRACES_EXPORTER=otlp and OTEL_EXPORTER_OTLP_ENDPOINT=$(scripts/jaeger.sh endpoint).
# The check of one referral's trace across referral and scheduling: node tools/trace-check/referral-trace.mjs
#
# Binary:  $MEDGRID_CACHE/go-bin/jaeger   Config: .run/jaeger/jaeger.yaml (written on every start)
# Pid:     .run/jaeger/jaeger.pid         Logs: .logs/jaeger.log
# Settings (all on 127.0.0.1): MEDGRID_JAEGER_OTLP_HTTP_PORT (4318), MEDGRID_JAEGER_OTLP_GRPC_PORT (4317),
#   MEDGRID_JAEGER_UI_PORT (16686, UI and /api), MEDGRID_JAEGER_QUERY_GRPC_PORT (16685),
#   MEDGRID_JAEGER_HEALTH_PORT (13133), MEDGRID_JAEGER_MAX_TRACES (20000)
# The UI: a binary built from Go modules carries Jaeger's placeholder page, not the UI (built from its own repository
# with npm and embedded by Jaeger's release build). The query API answers all the same (/api/traces/<trace id>);
# MEDGRID_JAEGER_UI_ASSETS names a directory of a built Jaeger UI to serve at the UI port instead.
set -euo pipefail

# shellcheck disable=SC2034 # read by log()/die() in lib/common.sh
MEDGRID_LOG_TAG=jaeger
# shellcheck source-path=SCRIPTDIR source=lib/go-tool.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/go-tool.sh"

MODULE_DIR="$MEDGRID_ROOT/tools/jaeger"
JAEGER_MODULE=github.com/jaegertracing/jaeger
JAEGER_PACKAGE=$JAEGER_MODULE/cmd/jaeger
BIN="$MEDGRID_CACHE/go-bin/jaeger"
STATE_DIR="$MEDGRID_RUN/jaeger"
CONF="$STATE_DIR/jaeger.yaml"
PID_FILE="$STATE_DIR/jaeger.pid"
LOG_FILE="$MEDGRID_LOGS/jaeger.log"
OTLP_HTTP_PORT="${MEDGRID_JAEGER_OTLP_HTTP_PORT:-4318}"
OTLP_GRPC_PORT="${MEDGRID_JAEGER_OTLP_GRPC_PORT:-4317}"
UI_PORT="${MEDGRID_JAEGER_UI_PORT:-16686}"
QUERY_GRPC_PORT="${MEDGRID_JAEGER_QUERY_GRPC_PORT:-16685}"
HEALTH_PORT="${MEDGRID_JAEGER_HEALTH_PORT:-13133}"
MAX_TRACES="${MEDGRID_JAEGER_MAX_TRACES:-20000}"
UI_ASSETS="${MEDGRID_JAEGER_UI_ASSETS:-}"
UI_URL="http://127.0.0.1:$UI_PORT"
READY_TIMEOUT="${MEDGRID_JAEGER_READY_TIMEOUT:-30}"
STOP_TIMEOUT="${MEDGRID_JAEGER_STOP_TIMEOUT:-20}"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2; exit 2; }

# ---- the binary -------------------------------------------------------------
# The version tools/jaeger/go.mod pins: the one source of it.
pinned_version() { awk -v m="$JAEGER_MODULE" '$1 == m { print $2; exit }' "$MODULE_DIR/go.mod"; }

# The Jaeger module version the binary was built from, as `go version -m` reads it ("mod" when built as the tool's
# main package, "dep" otherwise); empty without Go or for an unreadable binary.
binary_version() {
  local go
  go="$(medgrid_find_go)"
  [ -n "$go" ] && [ -x "$1" ] || return 0
  "$go" version -m "$1" 2>/dev/null | awk -v m="$JAEGER_MODULE" '($1 == "mod" || $1 == "dep") && $2 == m { print $3; exit }'
}

# Built: the binary exists and, where Go can read it, is of the pinned version.
cmd_built() {
  [ -x "$BIN" ] || return 1
  [ -n "$(medgrid_find_go)" ] || return 0
  [ "$(binary_version "$BIN")" = "$(pinned_version)" ]
}

cmd_install() {
  local version go have
  version="$(pinned_version)"
  [ -n "$version" ] || die "no $JAEGER_MODULE in $MODULE_DIR/go.mod"
  if cmd_built; then
    log "Jaeger $version already built: $BIN"
    return 0
  fi
  go="$(medgrid_find_go)"
  [ -n "$go" ] || die "Go is not installed to build Jaeger"
  have="$(binary_version "$BIN")"
  [ ! -x "$BIN" ] || log "cached Jaeger is ${have:-of unknown version}; rebuilding $version"
  mkdir -p "$MEDGRID_CACHE/go-bin"
  log "building Jaeger $version from tools/jaeger into $BIN (once; about 7 minutes on 2 cores)"
  # Into a temporary name first: an interrupted build leaves no half-written binary that looks installed.
  (cd "$MODULE_DIR" && GOMODCACHE="$MEDGRID_CACHE/go-mod" GOCACHE="$MEDGRID_CACHE/go-build" \
    "$go" build -o "$BIN.tmp" "$JAEGER_PACKAGE") >&2 || { rm -f "$BIN.tmp"; die "go build $JAEGER_PACKAGE failed"; }
  mv -f "$BIN.tmp" "$BIN"
  [ "$(binary_version "$BIN")" = "$version" ] || die "built $BIN is not of $JAEGER_MODULE $version"
  log "built $BIN ($version)"
}

# ---- configuration ----------------------------------------------------------
render_config() {
  local ui_assets=""
  [ -z "$UI_ASSETS" ] || ui_assets="$(printf '    ui:\n      assets_path: %s' "$UI_ASSETS")"
  cat <<EOF
# Written by scripts/jaeger.sh on every start: edit the script, not this file.
service:
  extensions: [jaeger_storage, jaeger_query, healthcheckv2]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
  telemetry:
    resource:
      service.name: jaeger
    metrics:
      level: none
    logs:
      level: info
extensions:
  healthcheckv2:
    use_v2: true
    http:
      endpoint: 127.0.0.1:$HEALTH_PORT
  jaeger_query:
    storage:
      traces: memstore
$ui_assets
    http:
      endpoint: 127.0.0.1:$UI_PORT
    grpc:
      endpoint: 127.0.0.1:$QUERY_GRPC_PORT
  jaeger_storage:
    backends:
      memstore:
        memory:
          max_traces: $MAX_TRACES
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 127.0.0.1:$OTLP_GRPC_PORT
      http:
        endpoint: 127.0.0.1:$OTLP_HTTP_PORT
processors:
  batch:
exporters:
  jaeger_storage_exporter:
    trace_storage: memstore
EOF
}

# ---- process ------------------------------------------------------------------
read_pid() { if [ -f "$PID_FILE" ]; then tr -d ' \n' <"$PID_FILE"; fi; }
# Ours: alive, and its command line names our binary and config (guards against pid reuse).
ours_alive() { pid_alive "${1:-$(read_pid)}" "$BIN" "$CONF"; }
healthy() { curl -fsS --max-time 2 "http://127.0.0.1:$HEALTH_PORT/status" >/dev/null 2>&1; }
healthy_or_died() {
  kill -0 "$STARTED_PID" 2>/dev/null || return 125
  healthy
}

cmd_start() {
  medgrid_dirs
  cmd_built || die "Jaeger is not built ($BIN): bash scripts/jaeger.sh install (about 7 minutes, once)"
  mkdir -p "$STATE_DIR"
  local pid
  pid="$(read_pid)"
  if ours_alive "$pid"; then
    log "already running (pid $pid): UI $UI_URL"
    return 0
  fi
  [ -z "$pid" ] || rm -f "$PID_FILE"
  local port
  for port in "$OTLP_HTTP_PORT" "$OTLP_GRPC_PORT" "$UI_PORT" "$QUERY_GRPC_PORT" "$HEALTH_PORT"; do
    if tcp_open 127.0.0.1 "$port"; then
      die "something this script did not start already listens on 127.0.0.1:$port; stop it or set MEDGRID_JAEGER_*_PORT"
    fi
  done
  render_config | write_if_changed "$CONF" && log "wrote $CONF" || true
  local offset
  offset="$(stat -c %s "$LOG_FILE" 2>/dev/null || echo 0)"
  log "starting Jaeger: OTLP http://127.0.0.1:$OTLP_HTTP_PORT (gRPC :$OTLP_GRPC_PORT), UI $UI_URL; logs in $LOG_FILE"
  # Jaeger traces itself by OTLP to 127.0.0.1:4317 unless told not to: that is its own receiver, and every span
  # of its own would land among the platform's.
  OTEL_TRACES_EXPORTER=none OTEL_SDK_DISABLED=true \
    nohup setsid "$BIN" --config "file:$CONF" >>"$LOG_FILE" 2>&1 </dev/null &
  STARTED_PID=$!
  echo "$STARTED_PID" >"$PID_FILE"
  local rc=0
  wait_until "$READY_TIMEOUT" "jaeger health on 127.0.0.1:$HEALTH_PORT" healthy_or_died || rc=$?
  if [ "$rc" -ne 0 ]; then
    tail -c +"$((offset + 1))" "$LOG_FILE" | tail -n 30 >&2
    if [ "$rc" -eq 125 ]; then rm -f "$PID_FILE"; else kill -TERM "$STARTED_PID" 2>/dev/null || true; fi
    die "Jaeger did not become healthy"
  fi
  log "up: pid $STARTED_PID, UI $UI_URL"
}


cmd_stop() {
  local pid
  pid="$(read_pid)"
  if ! ours_alive "$pid"; then
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  medgrid_stop_process Jaeger "$pid" "$STOP_TIMEOUT"
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_status() {
  local pid rc=0
  pid="$(read_pid)"
  if ours_alive "$pid"; then
    log "running (pid $pid), UI $UI_URL"
  else
    log "no Jaeger started by this script is running"
    rc=3
  fi
  if healthy; then
    log "healthy; services with traces: $(curl -fsS --max-time 5 "$UI_URL/api/services" | tr -d '\n' || true)"
  else
    log "127.0.0.1:$HEALTH_PORT does not answer /status"
    rc=3
  fi
  return "$rc"
}

cmd_logs() {
  [ -f "$LOG_FILE" ] || die "no $LOG_FILE yet"
  if [ "${1:-}" = -f ]; then exec tail -n 200 -F "$LOG_FILE"; fi
  tail -n 200 "$LOG_FILE"
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  logs) shift; cmd_logs "$@" ;;
  built) cmd_built ;;
  endpoint) echo "http://127.0.0.1:$OTLP_HTTP_PORT" ;;
  *) usage ;;
esac
