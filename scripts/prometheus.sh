#!/usr/bin/env bash
# Local Prometheus for MedGrid development and CI: scrapes every service of the platform with the chart's rules.
#
#   scripts/prometheus.sh start     install Debian's `prometheus` package if missing (its own service stopped and
#                                   disabled), write the config, start Prometheus on 127.0.0.1:$MEDGRID_PROMETHEUS_PORT
#                                   (or, running already, reload its config and rules) and wait until it is ready
#   scripts/prometheus.sh stop      stop the Prometheus this script started (by pid, never by name)
#   scripts/prometheus.sh status    pid, readiness, the scrape targets and their health
#   scripts/prometheus.sh install   only the package (promtool, for scripts/helm-check.sh)
#   scripts/prometheus.sh logs [-f] last 200 lines of .logs/prometheus.log (-f: follow)
#
# Scrapes GET /metrics of each service of scripts/lib/services.sh on 127.0.0.1 every 5 s, one job per service,
# with the labels the charts' ServiceMonitors give (medgrid-common): job and service = the service's name,
# namespace ($MEDGRID_PROMETHEUS_NAMESPACE, default medgrid, as scripts/helm-check.sh renders the chart),
# part_of="medgrid", pod, container, endpoint=http. So the Grafana dashboard (deploy/helm/medgrid/files/dashboards)
# and the rules select the same series here as in a cluster. Rules: deploy/helm/medgrid/files/prometheus/
# medgrid.rules.yaml, the file the chart's PrometheusRule embeds. Every panel and rule against it:
# node deploy/helm/tools/prometheus-queries-check.mjs
#
# Config:  .run/prometheus/prometheus.yml (written on every start)   Pid: .run/prometheus/prometheus.pid
# Data:    .cache/prometheus/data, kept $MEDGRID_PROMETHEUS_RETENTION (default 35d: the dashboard's settled months
#          look back 31 days)   Logs: .logs/prometheus.log
# Settings: MEDGRID_PROMETHEUS_PORT (9090), MEDGRID_PROMETHEUS_NAMESPACE (medgrid), MEDGRID_PROMETHEUS_SCRAPE_INTERVAL (5s)
# Never the package's own service (0.0.0.0:9090, /var/lib/prometheus): always a process of this checkout's.
set -euo pipefail

# shellcheck disable=SC2034 # read by log()/die() in lib/common.sh
MEDGRID_LOG_TAG=prometheus
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=lib/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/services.sh"

STATE_DIR="$MEDGRID_RUN/prometheus"
CONF="$STATE_DIR/prometheus.yml"
PID_FILE="$STATE_DIR/prometheus.pid"
DATA_DIR="$MEDGRID_CACHE/prometheus/data"
LOG_FILE="$MEDGRID_LOGS/prometheus.log"
RULES="$MEDGRID_ROOT/deploy/helm/medgrid/files/prometheus/medgrid.rules.yaml"
ADDRESS="127.0.0.1:$MEDGRID_PROMETHEUS_PORT"
URL="http://$ADDRESS"
NAMESPACE="${MEDGRID_PROMETHEUS_NAMESPACE:-medgrid}"
RETENTION="${MEDGRID_PROMETHEUS_RETENTION:-35d}"
SCRAPE_INTERVAL="${MEDGRID_PROMETHEUS_SCRAPE_INTERVAL:-5s}"
READY_TIMEOUT="${MEDGRID_PROMETHEUS_READY_TIMEOUT:-60}"
STOP_TIMEOUT="${MEDGRID_PROMETHEUS_STOP_TIMEOUT:-30}"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2; exit 2; }

# ---- the package ----------------------------------------------------------
# Debian's postinst enables and starts the package's own service (all interfaces, /etc/prometheus) where the
# init system lets it; a container's policy-rc.d usually does not. Either way it is not ours: stopped, disabled.
stop_package_service() {
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    if systemctl is-active --quiet prometheus.service || systemctl is-enabled --quiet prometheus.service 2>/dev/null; then
      log "stopping and disabling the package's own prometheus.service"
      systemctl disable --now prometheus.service >/dev/null 2>&1 || warn "could not stop prometheus.service"
    fi
  elif [ -x /etc/init.d/prometheus ]; then
    if /etc/init.d/prometheus status >/dev/null 2>&1; then
      log "stopping the package's own /etc/init.d/prometheus"
      /etc/init.d/prometheus stop >/dev/null 2>&1 || warn "could not stop /etc/init.d/prometheus"
    fi
    command -v update-rc.d >/dev/null 2>&1 && update-rc.d prometheus disable >/dev/null 2>&1 || true
  fi
}

ensure_installed() {
  if ! command -v prometheus >/dev/null 2>&1 || ! command -v promtool >/dev/null 2>&1; then
    apt_install prometheus
    command -v prometheus >/dev/null 2>&1 || die "no prometheus binary after installing the package"
  fi
  stop_package_service
}

# ---- configuration ----------------------------------------------------------
# One job per service; relabelling sets the labels the ServiceMonitor sets in a cluster. honor_labels stays false
# as there: the service's own service="<name>" label meets the target's equal one.
render_config() {
  local entry name http_port
  cat <<EOF
# Written by scripts/prometheus.sh on every start: edit the script, not this file.
global:
  scrape_interval: $SCRAPE_INTERVAL
  scrape_timeout: $SCRAPE_INTERVAL
  evaluation_interval: 15s
rule_files:
  - $RULES
scrape_configs:
EOF
  for entry in "${MEDGRID_SERVICES[@]}"; do
    IFS=: read -r name _ http_port <<<"$entry"
    cat <<EOF
  - job_name: $name
    metrics_path: /metrics
    honor_labels: false
    static_configs:
      - targets: ['127.0.0.1:$http_port']
    relabel_configs:
      - { target_label: namespace, replacement: $NAMESPACE }
      - { target_label: service, replacement: $name }
      - { target_label: part_of, replacement: medgrid }
      - { target_label: pod, replacement: $name-local }
      - { target_label: container, replacement: $name }
      - { target_label: endpoint, replacement: http }
EOF
  done
}

write_config() {
  mkdir -p "$STATE_DIR" "$DATA_DIR" "$MEDGRID_LOGS"
  [ -f "$RULES" ] || die "no rules file at $RULES"
  render_config | write_if_changed "$CONF" && log "wrote $CONF" || true
  # promtool reads the rules too: a broken config or rules file stops here with its message, not in the log.
  promtool check config "$CONF" >"$STATE_DIR/check.out" 2>&1 || { cat "$STATE_DIR/check.out" >&2; die "invalid $CONF"; }
}

# ---- process ------------------------------------------------------------------
read_pid() { if [ -f "$PID_FILE" ]; then tr -d ' \n' <"$PID_FILE"; fi; }
# Ours: alive, and its command line names prometheus and our config (guards against pid reuse).
ours_alive() { pid_alive "${1:-$(read_pid)}" prometheus "$CONF"; }
ready() { curl -fsS --max-time 2 "$URL/-/ready" >/dev/null 2>&1; }
ready_or_died() {
  kill -0 "$STARTED_PID" 2>/dev/null || return 125
  ready
}

cmd_start() {
  medgrid_dirs
  ensure_installed
  write_config
  local pid
  pid="$(read_pid)"
  if ours_alive "$pid"; then
    # SIGHUP: Prometheus rereads its config and the rules file, so an edited rule is live after `start`.
    kill -HUP "$pid"
    log "already running (pid $pid): config and rules reloaded; $URL"
    return 0
  fi
  [ -z "$pid" ] || rm -f "$PID_FILE"
  if tcp_open 127.0.0.1 "$MEDGRID_PROMETHEUS_PORT"; then
    die "something this script did not start already listens on $ADDRESS; stop it or set MEDGRID_PROMETHEUS_PORT"
  fi
  local offset
  offset="$(stat -c %s "$LOG_FILE" 2>/dev/null || echo 0)"
  log "starting Prometheus on $ADDRESS (scrapes ${#MEDGRID_SERVICES[@]} services every $SCRAPE_INTERVAL), logs in $LOG_FILE"
  nohup setsid prometheus --config.file="$CONF" --storage.tsdb.path="$DATA_DIR" \
    --storage.tsdb.retention.time="$RETENTION" --web.listen-address="$ADDRESS" \
    --web.external-url="$URL" >>"$LOG_FILE" 2>&1 </dev/null &
  STARTED_PID=$!
  echo "$STARTED_PID" >"$PID_FILE"
  local rc=0
  wait_until "$READY_TIMEOUT" "prometheus on $ADDRESS" ready_or_died || rc=$?
  if [ "$rc" -ne 0 ]; then
    tail -c +"$((offset + 1))" "$LOG_FILE" | tail -n 30 >&2
    [ "$rc" -ne 125 ] || rm -f "$PID_FILE"
    die "Prometheus did not become ready on $ADDRESS"
  fi
  log "up: pid $STARTED_PID, $URL (targets $URL/targets, alerts $URL/alerts)"
}


cmd_stop() {
  local pid
  pid="$(read_pid)"
  if ! ours_alive "$pid"; then
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  medgrid_stop_process Prometheus "$pid" "$STOP_TIMEOUT"
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_status() {
  local pid rc=0
  pid="$(read_pid)"
  if ours_alive "$pid"; then
    log "running (pid $pid), $URL"
  else
    log "no Prometheus started by this script is running"
    rc=3
  fi
  if ready; then
    local targets up
    targets="$(curl -fsS --max-time 5 "$URL/api/v1/targets?state=active" || true)"
    up="$(grep -o '"health":"up"' <<<"$targets" | wc -l)"
    log "ready; $up of $(grep -o '"health":"' <<<"$targets" | wc -l) targets up"
  else
    log "$ADDRESS does not answer /-/ready"
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
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  install) ensure_installed ;;
  logs) shift; cmd_logs "$@" ;;
  *) usage ;;
esac
