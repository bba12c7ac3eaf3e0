#!/usr/bin/env bash
# Local Apache Kafka (single KRaft node, broker+controller) for MedGrid development and CI.
#
#   scripts/kafka.sh up          fetch Kafka from Maven Central (once), format storage (once),
#                                start the broker on 127.0.0.1:$MEDGRID_KAFKA_PORT and wait until ready
#   scripts/kafka.sh down        stop the broker this script started (by pid, never by name)
#   scripts/kafka.sh status      pid, port and an admin-API check
#   scripts/kafka.sh logs [-f]   last 200 lines of .logs/kafka.log (-f: follow)
#   scripts/kafka.sh tool <class> [args...]   run a Kafka CLI class on the broker's classpath, e.g.
#       scripts/kafka.sh tool org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:19092 --list
#
# Jars:    .cache/kafka-<ver>/libs (tools/kafka/pom.xml, maven-dependency-plugin; Maven repo .cache/m2)
# State:   .run/kafka/{server.properties,cluster-id,kafka.pid,data/}
# Logs:    .logs/kafka.log (broker, log4j2 via tools/kafka/log4j2.properties),
#          .logs/kafka.out (JVM stdout/stderr of the latest start)
# Clients: source scripts/lib/kafka-env.sh for MEDGRID_KAFKA_BROKERS.
set -euo pipefail

KAFKA_VERSION="4.1.2" # keep tools/kafka/pom.xml's default <kafka.version> in sync

# shellcheck disable=SC2034 # read by log()/die() in lib/common.sh
MEDGRID_LOG_TAG=kafka
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

KAFKA_HOME="$MEDGRID_CACHE/kafka-$KAFKA_VERSION"
LIBS="$KAFKA_HOME/libs"
FETCH_MARKER="$KAFKA_HOME/.complete"
M2_REPO="$MEDGRID_CACHE/m2"
POM="$MEDGRID_ROOT/tools/kafka/pom.xml"
TEMPLATE="$MEDGRID_ROOT/tools/kafka/server.properties.template"
LOG4J_CONF="$MEDGRID_ROOT/tools/kafka/log4j2.properties"
STATE_DIR="$MEDGRID_RUN/kafka"
CONF="$STATE_DIR/server.properties"
DATA_DIR="$STATE_DIR/data"
PID_FILE="$STATE_DIR/kafka.pid"
CLUSTER_ID_FILE="$STATE_DIR/cluster-id"
BROKER="127.0.0.1:$MEDGRID_KAFKA_PORT"
READY_TIMEOUT="${MEDGRID_KAFKA_READY_TIMEOUT:-90}"
STOP_TIMEOUT="${MEDGRID_KAFKA_STOP_TIMEOUT:-60}"
HEAP_OPTS="${MEDGRID_KAFKA_HEAP_OPTS:--Xmx512m -Xms256m}"
# Short-lived CLI JVMs (format, admin check): start fast, small heap.
TOOL_JVM_OPTS=(-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto)

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2; exit 2; }

# ---- prerequisites -------------------------------------------------------
java_major() { java -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'; }

ensure_java() {
  if command -v java >/dev/null 2>&1 && [ "$(java_major)" -ge 17 ] 2>/dev/null; then return 0; fi
  log "Kafka 4.x needs Java >= 17; installing openjdk-17-jre-headless"
  apt_install openjdk-17-jre-headless
}

ensure_maven() {
  command -v mvn >/dev/null 2>&1 && return 0
  apt_install maven
}

fetch_wanted() { printf '%s %s\n' "$KAFKA_VERSION" "$(sha256sum "$POM" | cut -c1-64)"; }

ensure_jars() {
  if [ -f "$FETCH_MARKER" ] && [ "$(cat "$FETCH_MARKER")" = "$(fetch_wanted)" ] &&
    [ -f "$LIBS/kafka_2.13-$KAFKA_VERSION.jar" ]; then
    return 0
  fi
  ensure_maven
  local tmp="$KAFKA_HOME/libs.partial" start end
  log "fetching Apache Kafka $KAFKA_VERSION and its runtime dependencies from Maven Central into $LIBS"
  rm -rf "$tmp"
  mkdir -p "$KAFKA_HOME"
  start="$(date +%s)"
  if ! mvn -B -q -Dstyle.color=never -f "$POM" -Dmaven.repo.local="$M2_REPO" \
    -Dkafka.version="$KAFKA_VERSION" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$tmp" >"$KAFKA_HOME/fetch.log" 2>&1; then
    tail -n 30 "$KAFKA_HOME/fetch.log" >&2
    die "Maven could not fetch Kafka $KAFKA_VERSION (full output: $KAFKA_HOME/fetch.log)"
  fi
  [ -f "$tmp/kafka_2.13-$KAFKA_VERSION.jar" ] || die "kafka_2.13-$KAFKA_VERSION.jar missing after the fetch"
  rm -rf "$LIBS"
  mv "$tmp" "$LIBS"
  fetch_wanted >"$FETCH_MARKER"
  end="$(date +%s)"
  log "fetched $(find "$LIBS" -name '*.jar' | wc -l) jars ($(du -sh "$LIBS" | cut -f1)) in $((end - start)) s"
}

kafka_java() { java -cp "$LIBS/*" -Dlog4j2.configurationFile="$LOG4J_CONF" -Dkafka.logs.dir="$MEDGRID_LOGS" "$@"; }

# ---- configuration and storage -------------------------------------------
render_config() {
  mkdir -p "$STATE_DIR" "$DATA_DIR" "$MEDGRID_LOGS"
  case "$DATA_DIR" in *'|'* | *'&'*) die "data dir path must not contain '|' or '&': $DATA_DIR" ;; esac
  if sed -e "s|@KAFKA_PORT@|$MEDGRID_KAFKA_PORT|g" \
    -e "s|@KAFKA_CONTROLLER_PORT@|$MEDGRID_KAFKA_CONTROLLER_PORT|g" \
    -e "s|@KAFKA_DATA_DIR@|$DATA_DIR|g" "$TEMPLATE" | write_if_changed "$CONF"; then
    log "wrote $CONF"
    CONF_CHANGED=1
  else
    CONF_CHANGED=0
  fi
}

ensure_cluster_id() {
  [ -s "$CLUSTER_ID_FILE" ] && return 0
  local id=""
  if [ -f "$DATA_DIR/meta.properties" ]; then
    # Storage formatted earlier but the id file was lost: keep the formatted id.
    id="$(sed -n 's/^cluster\.id=//p' "$DATA_DIR/meta.properties")"
  fi
  if [ -z "$id" ]; then
    id="$(java "${TOOL_JVM_OPTS[@]}" -cp "$LIBS/*" kafka.tools.StorageTool random-uuid)"
  fi
  [ -n "$id" ] || die "could not generate a cluster id"
  printf '%s\n' "$id" >"$CLUSTER_ID_FILE"
  log "cluster id $id (stored in $CLUSTER_ID_FILE)"
}

ensure_formatted() {
  [ -f "$DATA_DIR/meta.properties" ] && [ -f "$DATA_DIR/bootstrap.checkpoint" ] && return 0
  # Static quorum (controller.quorum.voters): no --standalone, which is only
  # for dynamic quorums configured with controller.quorum.bootstrap.servers.
  log "formatting storage in $DATA_DIR"
  kafka_java "${TOOL_JVM_OPTS[@]}" kafka.tools.StorageTool format \
    -t "$(cat "$CLUSTER_ID_FILE")" -c "$CONF" --ignore-formatted >"$STATE_DIR/format.out" 2>&1 ||
    { cat "$STATE_DIR/format.out" >&2; die "kafka-storage format failed"; }
}

# ---- process ------------------------------------------------------------
read_pid() { if [ -f "$PID_FILE" ]; then tr -d ' \n' <"$PID_FILE"; fi; }
# Our broker: alive, and its command line names kafka.Kafka and our config (guards against pid reuse).
our_broker_alive() { pid_alive "${1:-$(read_pid)}" kafka.Kafka "$CONF"; }

port_open() { tcp_open 127.0.0.1 "$MEDGRID_KAFKA_PORT"; }

# Admin API check: the broker answers DescribeCluster; prints the cluster id.
admin_cluster_id() {
  timeout 30 java "${TOOL_JVM_OPTS[@]}" -cp "$LIBS/*" org.apache.kafka.tools.ClusterTool \
    cluster-id --bootstrap-server "$BROKER" 2>/dev/null | sed -n 's/^Cluster ID: //p'
}

# Readiness probes used while the broker starts; exit 125 (abort wait_until) if the process died.
# Only "no such process" counts as died: right after the fork the child's command line is
# still the shell's until exec replaces it with java, so matching it here would race.
port_open_or_died() {
  kill -0 "$STARTED_PID" 2>/dev/null || return 125
  port_open
}
admin_ready_or_died() {
  kill -0 "$STARTED_PID" 2>/dev/null || return 125
  [ "$(admin_cluster_id)" = "$(cat "$CLUSTER_ID_FILE")" ]
}

LOG_OFFSET=0 # size of kafka.log before this start: on failure, show only this run's lines
fail_start() {
  log "output of this start ($MEDGRID_LOGS/kafka.out, then the end of kafka.log):"
  tail -n 20 "$MEDGRID_LOGS/kafka.out" >&2 2>/dev/null || true
  tail -c +"$((LOG_OFFSET + 1))" "$MEDGRID_LOGS/kafka.log" 2>/dev/null | tail -n 40 >&2 || true
  die "$1"
}

wait_ready() {
  STARTED_PID="$1"
  local rc=0
  wait_until "$READY_TIMEOUT" "broker port $BROKER" port_open_or_died || rc=$?
  [ "$rc" -ne 125 ] || { rm -f "$PID_FILE"; fail_start "broker process $STARTED_PID exited during startup"; }
  [ "$rc" -eq 0 ] || fail_start "broker did not open $BROKER within ${READY_TIMEOUT}s"
  wait_until 45 "admin API (DescribeCluster)" admin_ready_or_died || rc=$?
  [ "$rc" -ne 125 ] || { rm -f "$PID_FILE"; fail_start "broker process $STARTED_PID exited during startup"; }
  [ "$rc" -eq 0 ] || fail_start "admin API check failed (expected cluster id $(cat "$CLUSTER_ID_FILE"))"
}

cmd_up() {
  medgrid_dirs
  ensure_java
  ensure_jars
  render_config
  local pid
  pid="$(read_pid)"
  if our_broker_alive "$pid"; then
    [ "$CONF_CHANGED" -eq 0 ] || warn "$CONF changed while the broker runs: run 'scripts/kafka.sh down && scripts/kafka.sh up' to apply it"
    if port_open; then
      log "already running (pid $pid) on $BROKER"
      return 0
    fi
    log "running (pid $pid) but $BROKER does not answer yet; waiting"
    wait_ready "$pid"
    return 0
  fi
  if [ -n "$pid" ]; then
    log "removing stale pid file (pid $pid is not our broker)"
    rm -f "$PID_FILE"
  fi
  if port_open; then
    die "something that this script did not start already listens on $BROKER; stop it or set MEDGRID_KAFKA_PORT"
  fi
  if tcp_open 127.0.0.1 "$MEDGRID_KAFKA_CONTROLLER_PORT"; then
    die "controller port 127.0.0.1:$MEDGRID_KAFKA_CONTROLLER_PORT is taken; set MEDGRID_KAFKA_CONTROLLER_PORT"
  fi
  ensure_cluster_id
  ensure_formatted
  log "starting Kafka $KAFKA_VERSION on $BROKER (controller 127.0.0.1:$MEDGRID_KAFKA_CONTROLLER_PORT), logs in $MEDGRID_LOGS/kafka.log"
  LOG_OFFSET="$(stat -c %s "$MEDGRID_LOGS/kafka.log" 2>/dev/null || echo 0)"
  # shellcheck disable=SC2086 # HEAP_OPTS is a list of JVM flags
  nohup setsid java $HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -Djava.awt.headless=true -Dlog4j2.configurationFile="$LOG4J_CONF" -Dkafka.logs.dir="$MEDGRID_LOGS" \
    -cp "$LIBS/*" kafka.Kafka "$CONF" >"$MEDGRID_LOGS/kafka.out" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$PID_FILE"
  wait_ready "$pid"
  log "up: pid $pid, brokers $BROKER"
}

broker_gone() { ! our_broker_alive "$1"; }

cmd_down() {
  local pid
  pid="$(read_pid)"
  if ! our_broker_alive "$pid"; then
    rm -f "$PID_FILE"
    if port_open; then
      log "no broker started by this script; something else listens on $BROKER and is left alone"
    else
      log "not running"
    fi
    return 0
  fi
  log "stopping broker (pid $pid, SIGTERM)"
  kill -TERM "$pid"
  if ! wait_until "$STOP_TIMEOUT" "broker shutdown" broker_gone "$pid"; then
    warn "broker still running after ${STOP_TIMEOUT}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    wait_until 10 "broker kill" broker_gone "$pid" || die "pid $pid survived SIGKILL"
  fi
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_status() {
  local pid rc=0
  pid="$(read_pid)"
  if our_broker_alive "$pid"; then
    log "broker running (pid $pid)"
  else
    log "no broker started by this script is running"
    rc=3
  fi
  if port_open; then
    log "$BROKER accepts connections"
    if [ -f "$FETCH_MARKER" ]; then
      local id
      id="$(admin_cluster_id || true)"
      if [ -n "$id" ]; then log "admin API OK, cluster id $id"; else log "admin API check FAILED"; rc=4; fi
    fi
  else
    log "$BROKER does not accept connections"
    rc=3
  fi
  return "$rc"
}

cmd_logs() {
  local f="$MEDGRID_LOGS/kafka.log"
  [ -f "$f" ] || die "no $f yet"
  if [ "${1:-}" = -f ]; then exec tail -n 200 -F "$f"; fi
  tail -n 200 "$f"
}

cmd_tool() {
  [ "$#" -ge 1 ] || die "usage: scripts/kafka.sh tool <main-class> [args...]"
  ensure_java
  ensure_jars
  exec java "${TOOL_JVM_OPTS[@]}" -cp "$LIBS/*" "$@"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  logs) shift; cmd_logs "$@" ;;
  tool) shift; cmd_tool "$@" ;;
  *) usage ;;
esac
