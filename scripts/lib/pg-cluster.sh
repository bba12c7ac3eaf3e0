# shellcheck shell=bash
# Sourced: a throwaway PostgreSQL cluster of a test run's own (initdb into a directory the run owns, its own port
# and socket directory), for suites that crash PostgreSQL on purpose (scripts/chaos.sh) and so must never touch the
# cluster scripts/postgres.sh runs for everyone. Uses Debian's newest installed server; runs it as `postgres`.
#
#   pg_cluster_init <dir> <port> <password>   initdb, start, and a `medgrid` role (LOGIN CREATEDB) with the password
#   pg_cluster_start <dir>                    start it again (after a crash: crash recovery) and wait until ready
#   pg_cluster_crash <dir>                    pg_ctl stop -m immediate: no checkpoint, recovery on the next start
#   pg_cluster_stop <dir>                     a fast, clean stop (for the end of the run)
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

pg_cluster_bin() { # the newest /usr/lib/postgresql/<version>/bin with a server in it
  local v
  v="$(medgrid_pg_server_version)"
  [ -n "$v" ] || die "no PostgreSQL server under /usr/lib/postgresql (bash scripts/postgres.sh up installs it)"
  printf '/usr/lib/postgresql/%s/bin' "$v"
}

pg_cluster_as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; elif [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi
}

pg_cluster_init() {
  local dir="$1" port="$2" password="$3" bin
  bin="$(pg_cluster_bin)"
  mkdir -p "$dir/data" "$dir/socket"
  chown -R postgres:postgres "$dir"
  chmod 700 "$dir/data"
  pg_cluster_as_postgres "$bin/initdb" -D "$dir/data" -U postgres --encoding UTF8 --locale C.UTF-8 \
    --auth-local peer --auth-host scram-sha-256 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  {
    echo "port = $port"
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = '$dir/socket'"
    echo "max_connections = 200"
    # A cluster for crash tests, not for keeping data: small and quick to recover.
    echo "shared_buffers = 64MB"
    echo "fsync = on"
  } >>"$dir/data/postgresql.conf"
  pg_cluster_start "$dir"
  # SQL on stdin so the password never shows up in a process list.
  pg_cluster_as_postgres "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir/socket" -p "$port" -d postgres \
    <<<"CREATE ROLE medgrid LOGIN CREATEDB PASSWORD '$password';"
}

# Removes a lock file whose first line names a process that is gone or a zombie.
pg_cluster_drop_stale_lock() {
  local pid state
  [ -f "$1" ] || return 0
  pid="$(head -n 1 "$1")"
  state="$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null || true)"
  if [ -z "$state" ] || [ "$state" = Z ]; then rm -f "$1"; fi
}

pg_cluster_start() {
  local dir="$1" bin lock
  bin="$(pg_cluster_bin)"
  # A postmaster SIGKILLed under an init that does not reap (a container's) stays a zombie with its pid, which
  # PostgreSQL takes for a live postmaster and refuses to start beside: its pid file and its socket's lock file
  # are stale, as after a reboot.
  pg_cluster_drop_stale_lock "$dir/data/postmaster.pid"
  for lock in "$dir"/socket/.s.PGSQL.*.lock; do pg_cluster_drop_stale_lock "$lock"; done
  pg_cluster_as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
    { tail -n 30 "$dir/server.log" >&2; die "the cluster in $dir did not start"; }
}

pg_cluster_crash() { pg_cluster_as_postgres "$(pg_cluster_bin)/pg_ctl" -D "$1/data" -m immediate -w stop >/dev/null; }

pg_cluster_stop() {
  [ -f "$1/data/postmaster.pid" ] || return 0
  pg_cluster_as_postgres "$(pg_cluster_bin)/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null
}

# Run directly by the chaos driver to start or crash the cluster: bash scripts/lib/pg-cluster.sh start|crash <dir>
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    start) pg_cluster_start "${2:?}" ;;
    crash) pg_cluster_crash "${2:?}" ;;
    *) die "usage: pg-cluster.sh start|crash <dir>" ;;
  esac
fi
