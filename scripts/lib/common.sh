# shellcheck shell=bash
# Sourced helpers shared by the MedGrid dev/CI scripts (postgres.sh, kafka.sh, ...).
# Safe to source from an interactive shell: it changes no shell options.
#
# Directories (all git-ignored):
#   MEDGRID_ROOT   repository root
#   MEDGRID_CACHE  downloads and generated secrets ($ROOT/.cache)
#   MEDGRID_RUN    runtime state: pids, data dirs, markers ($ROOT/.run)
#   MEDGRID_LOGS   logs ($ROOT/.logs)
#
# Ports and hosts (override through the environment):
#   MEDGRID_PG_HOST=127.0.0.1  MEDGRID_PG_PORT=5432
#   MEDGRID_KAFKA_PORT=19092 (PLAINTEXT on 127.0.0.1)  MEDGRID_KAFKA_CONTROLLER_PORT=19093
#   MEDGRID_PROMETHEUS_PORT=9090 (HTTP on 127.0.0.1)

MEDGRID_ROOT="${MEDGRID_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
MEDGRID_CACHE="${MEDGRID_CACHE:-$MEDGRID_ROOT/.cache}"
MEDGRID_RUN="${MEDGRID_RUN:-$MEDGRID_ROOT/.run}"
MEDGRID_LOGS="${MEDGRID_LOGS:-$MEDGRID_ROOT/.logs}"
# Short aliases for the scripts that source this file.
# shellcheck disable=SC2034
{
  ROOT="$MEDGRID_ROOT"
  CACHE="$MEDGRID_CACHE"
  RUN="$MEDGRID_RUN"
  LOGS="$MEDGRID_LOGS"
}

: "${MEDGRID_PG_HOST:=127.0.0.1}"
: "${MEDGRID_PG_PORT:=5432}"
: "${MEDGRID_KAFKA_PORT:=19092}"
: "${MEDGRID_KAFKA_CONTROLLER_PORT:=19093}"
: "${MEDGRID_PROMETHEUS_PORT:=9090}"
export MEDGRID_ROOT MEDGRID_CACHE MEDGRID_RUN MEDGRID_LOGS
export MEDGRID_PG_HOST MEDGRID_PG_PORT MEDGRID_KAFKA_PORT MEDGRID_KAFKA_CONTROLLER_PORT MEDGRID_PROMETHEUS_PORT

# Prefix for log/die messages; each script sets it, e.g. MEDGRID_LOG_TAG=postgres.
: "${MEDGRID_LOG_TAG:=medgrid}"

log() { printf '[%s] %s\n' "$MEDGRID_LOG_TAG" "$*" >&2; }
warn() { printf '[%s] WARNING: %s\n' "$MEDGRID_LOG_TAG" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "$MEDGRID_LOG_TAG" "$*" >&2; exit 1; }

medgrid_dirs() { mkdir -p "$MEDGRID_CACHE" "$MEDGRID_RUN" "$MEDGRID_LOGS"; }

# wait_until <timeout-seconds> <description> <command...>
# Runs the command every 0.5 s until it succeeds (returns 0) or the timeout
# elapses (returns 1). A command exiting with 125 means "give up now" (e.g. the
# process being waited for died): wait_until then returns 125 at once.
# The command's output is discarded; it runs in the current shell, so it may set variables.
wait_until() {
  local timeout="$1" what="$2"
  shift 2
  local start now rc
  start="$(date +%s%N)"
  local deadline=$((start + timeout * 1000000000))
  while :; do
    rc=0
    "$@" >/dev/null 2>&1 || rc=$?
    now="$(date +%s%N)"
    if [ "$rc" -eq 0 ]; then
      log "$what: OK after $(((now - start) / 1000000)) ms"
      return 0
    elif [ "$rc" -eq 125 ]; then
      log "$what: aborted after $(((now - start) / 1000000)) ms"
      return 125
    elif [ "$now" -ge "$deadline" ]; then
      log "$what: gave up after ${timeout}s"
      return 1
    fi
    sleep 0.5
  done
}

# medgrid_stop_process <name> <pid> <seconds>: SIGTERM, then SIGKILL after the seconds; returns once the pid is
# gone for good (not only exiting), so the next start finds its data directory unlocked.
medgrid_process_gone() { ! kill -0 "$1" 2>/dev/null; }
medgrid_stop_process() {
  local name="$1" pid="$2" timeout="$3"
  log "stopping $name (pid $pid, SIGTERM)"
  kill -TERM "$pid"
  if ! wait_until "$timeout" "$name shutdown" medgrid_process_gone "$pid"; then
    warn "still running after ${timeout}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    wait_until 10 "$name kill" medgrid_process_gone "$pid" || die "pid $pid survived SIGKILL"
  fi
}

# tcp_open <host> <port>: true if something accepts TCP connections there.
tcp_open() {
  local host="$1" port="$2"
  # shellcheck disable=SC2016 # $0/$1 expand in the inner bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$host" "$port" 2>/dev/null
}

# pid_alive <pid> [cmdline-substring...]: the process exists and (optionally)
# its command line contains every given substring (guards against pid reuse).
pid_alive() {
  local pid="$1"
  shift
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  [ "$#" -eq 0 ] && return 0
  local cmdline
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  local s
  for s in "$@"; do
    case "$cmdline" in *"$s"*) ;; *) return 1 ;; esac
  done
}

# apt_install <package...>: install Debian packages non-interactively (root or sudo).
apt_install() {
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to apt-get install $*"
    sudo=(sudo)
  fi
  log "installing Debian packages: $*"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# write_if_changed <dest> : write stdin to dest only if the content differs.
# Returns 0 when the file was (re)written, 1 when it was already up to date.
write_if_changed() {
  local dest="$1" tmp
  tmp="$(mktemp "$dest.XXXXXX")"
  cat >"$tmp"
  if [ -f "$dest" ] && cmp -s "$tmp" "$dest"; then
    rm -f "$tmp"
    return 1
  fi
  mv -f "$tmp" "$dest"
  return 0
}

# The newest PostgreSQL server version Debian's packages installed (/usr/lib/postgresql/<version>/bin/postgres), or
# empty.
medgrid_pg_server_version() {
  local d v=""
  for d in /usr/lib/postgresql/*/bin/postgres; do
    [ -x "$d" ] || continue
    d="${d%/bin/postgres}"
    v="$(printf '%s\n%s\n' "$v" "${d##*/}" | sed '/^$/d' | sort -V | tail -n 1)"
  done
  printf '%s' "$v"
}
