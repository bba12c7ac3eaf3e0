#!/usr/bin/env bash
# Local PostgreSQL for MedGrid development and CI.
#
#   scripts/postgres.sh up       start (or reuse) PostgreSQL on $MEDGRID_PG_HOST:$MEDGRID_PG_PORT,
#                                ensure the `medgrid` role and one database per service
#   scripts/postgres.sh down     stop the cluster, only if `up` started it
#   scripts/postgres.sh status   readiness, who started it, which MedGrid databases exist
#   scripts/postgres.sh psql [db] [psql args...]   psql as medgrid (db defaults to medgrid_registry)
#
# Reuses any server already answering on the port; otherwise starts Debian's
# cluster (<newest version>/main), installing the `postgresql` package and
# creating the cluster if needed. The medgrid password is generated once into
# $ROOT/.cache/secrets/pg-password (mode 600, never committed); source
# scripts/lib/pg-env.sh to get MEDGRID_PG_USER/PASSWORD/HOST/PORT.
# Admin access: `runuser -u postgres -- psql` over the local socket (peer auth),
# else $MEDGRID_PG_ADMIN_URL (e.g. postgres://postgres:secret@127.0.0.1:5432/postgres).
set -euo pipefail

# One database per service, all owned by $PG_USER.
MEDGRID_PG_DATABASES="medgrid_registry medgrid_referral medgrid_scheduling medgrid_lab_sharing medgrid_pharmacy medgrid_payment medgrid_gateway"

# shellcheck disable=SC2034 # read by log()/die() in lib/common.sh
MEDGRID_LOG_TAG=postgres
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

PG_USER=medgrid
PG_CLUSTER="${MEDGRID_PG_CLUSTER:-main}"
SECRET_FILE="$MEDGRID_CACHE/secrets/pg-password"
STATE_DIR="$MEDGRID_RUN/postgres"
MARKER="$STATE_DIR/started-by-medgrid" # holds "<version> <cluster>" when up started the cluster
READY_TIMEOUT="${MEDGRID_PG_READY_TIMEOUT:-60}"
HOSTPORT="$MEDGRID_PG_HOST:$MEDGRID_PG_PORT"
INSTALLED_SERVER=0 # set when this run apt-installed the server (its postinst may start the cluster)

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2; exit 2; }

pg_ready() { pg_isready -q -t 2 -h "$MEDGRID_PG_HOST" -p "$MEDGRID_PG_PORT" -d postgres; }

is_local_host() { case "$MEDGRID_PG_HOST" in 127.0.0.1 | localhost | ::1) return 0 ;; *) return 1 ;; esac; }


ensure_client() {
  command -v psql >/dev/null 2>&1 && command -v pg_isready >/dev/null 2>&1 && return 0
  log "psql/pg_isready not found"
  # Debian's `postgresql` brings the server too, which `up` may need anyway.
  if is_local_host; then
    apt_install postgresql
    INSTALLED_SERVER=1
  else
    apt_install postgresql-client
  fi
}

ensure_server() {
  if [ -n "$(medgrid_pg_server_version)" ] && command -v pg_ctlcluster >/dev/null 2>&1 &&
    command -v pg_createcluster >/dev/null 2>&1; then
    return 0
  fi
  log "PostgreSQL server binaries or pg_ctlcluster missing"
  apt_install postgresql
  INSTALLED_SERVER=1
  [ -n "$(medgrid_pg_server_version)" ] || die "no server under /usr/lib/postgresql/*/bin after installing postgresql"
}

# cluster_field <version> <cluster> <column>  (pg_lsclusters columns: 3=port 4=status)
cluster_field() { pg_lsclusters -h 2>/dev/null | awk -v v="$1" -v c="$2" -v f="$3" '$1==v && $2==c {print $f}'; }

start_local_cluster() {
  ensure_server
  local ver port status
  ver="$(medgrid_pg_server_version)"
  if [ -z "$(cluster_field "$ver" "$PG_CLUSTER" 1)" ]; then
    log "creating cluster $ver/$PG_CLUSTER on port $MEDGRID_PG_PORT"
    pg_createcluster --port "$MEDGRID_PG_PORT" --locale C.UTF-8 --encoding UTF8 "$ver" "$PG_CLUSTER" >/dev/null
  fi
  port="$(cluster_field "$ver" "$PG_CLUSTER" 3)"
  status="$(cluster_field "$ver" "$PG_CLUSTER" 4)"
  if [ "$port" != "$MEDGRID_PG_PORT" ]; then
    if [ "$status" = online ]; then
      die "cluster $ver/$PG_CLUSTER is running on port $port, not $MEDGRID_PG_PORT: export MEDGRID_PG_PORT=$port or stop it (pg_ctlcluster $ver $PG_CLUSTER stop)"
    fi
    log "cluster $ver/$PG_CLUSTER is configured for port $port; switching it to $MEDGRID_PG_PORT"
    pg_conftool "$ver" "$PG_CLUSTER" set port "$MEDGRID_PG_PORT"
  fi
  if [ "$status" = online ]; then
    log "cluster $ver/$PG_CLUSTER is already online; waiting for it to accept connections"
  else
    log "starting cluster $ver/$PG_CLUSTER (pg_ctlcluster $ver $PG_CLUSTER start)"
    mkdir -p "$STATE_DIR"
    pg_ctlcluster "$ver" "$PG_CLUSTER" start
    echo "$ver $PG_CLUSTER" >"$MARKER"
  fi
  if ! wait_until "$READY_TIMEOUT" "postgres on $HOSTPORT" pg_ready; then
    tail -n 30 "/var/log/postgresql/postgresql-$ver-$PG_CLUSTER.log" >&2 2>/dev/null || true
    die "cluster $ver/$PG_CLUSTER did not become ready on $HOSTPORT"
  fi
}

# ---- admin access --------------------------------------------------------
ADMIN_MODE=""
peer_psql() {
  if [ "$(id -un)" = postgres ]; then
    psql "$@"
  elif [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- psql "$@"
  else
    sudo -n -u postgres psql "$@"
  fi
}
admin_psql() {
  if [ "$ADMIN_MODE" = peer ]; then
    peer_psql -X -q -v ON_ERROR_STOP=1 -p "$MEDGRID_PG_PORT" -d postgres "$@"
  else
    psql -X -q -v ON_ERROR_STOP=1 -d "$MEDGRID_PG_ADMIN_URL" "$@"
  fi
}
choose_admin() {
  if is_local_host && id postgres >/dev/null 2>&1 &&
    [ "$(peer_psql -X -At -p "$MEDGRID_PG_PORT" -d postgres -c 'select 1' 2>/dev/null)" = 1 ]; then
    ADMIN_MODE=peer
  elif [ -n "${MEDGRID_PG_ADMIN_URL:-}" ]; then
    ADMIN_MODE=url
    [ "$(admin_psql -At -c 'select 1')" = 1 ] || die "cannot connect with MEDGRID_PG_ADMIN_URL"
  else
    die "no admin access: peer auth as 'postgres' over the local socket failed and MEDGRID_PG_ADMIN_URL is not set"
  fi
}

# ---- role, password, databases ------------------------------------------
ensure_password() {
  if [ ! -s "$SECRET_FILE" ]; then
    mkdir -p "$(dirname "$SECRET_FILE")"
    chmod 700 "$(dirname "$SECRET_FILE")"
    local pw
    if command -v openssl >/dev/null 2>&1; then
      pw="$(openssl rand -hex 16)"
    else
      pw="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
    fi
    (umask 077 && printf '%s\n' "$pw" >"$SECRET_FILE")
    log "generated a new password for '$PG_USER' in $SECRET_FILE"
  fi
  chmod 600 "$SECRET_FILE"
  PG_PASSWORD="$(tr -d '\n' <"$SECRET_FILE")"
  case "$PG_PASSWORD" in *\'* | *\\*) die "$SECRET_FILE must not contain quotes or backslashes" ;; esac
}

# medgrid_psql <db> [psql args...]: psql as medgrid over TCP with the stored password.
medgrid_psql() {
  local db="$1"
  shift
  PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -w -h "$MEDGRID_PG_HOST" -p "$MEDGRID_PG_PORT" \
    -U "$PG_USER" -d "$db" "$@"
}
tcp_login_ok() { [ "$(medgrid_psql postgres -At -c 'select 1' 2>/dev/null)" = 1 ]; }

ensure_role() {
  local attrs
  attrs="$(admin_psql -At -c "select rolcanlogin::text || ',' || rolcreatedb::text from pg_roles where rolname = '$PG_USER'")"
  if [ -z "$attrs" ]; then
    # SQL on stdin so the password never shows up in a process list.
    admin_psql <<<"CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD';"
    log "created role '$PG_USER' (LOGIN CREATEDB)"
    return 0
  fi
  if [ "$attrs" != "true,true" ]; then
    admin_psql -c "ALTER ROLE $PG_USER LOGIN CREATEDB"
    log "role '$PG_USER': granted LOGIN CREATEDB"
  fi
  if tcp_login_ok; then
    log "role '$PG_USER' exists and the stored password works"
  else
    admin_psql <<<"ALTER ROLE $PG_USER PASSWORD '$PG_PASSWORD';"
    log "role '$PG_USER' exists; reset its password to the one in $SECRET_FILE"
  fi
}

ensure_databases() {
  local existing db created=0 owner opts=""
  existing="$(admin_psql -At -c "select datname || ' ' || pg_get_userbyid(datdba) from pg_database")"
  # A cluster initialised without a UTF-8 locale (e.g. LANG unset when the package
  # was installed) defaults to SQL_ASCII: then ask for UTF8 explicitly.
  if [ "$(admin_psql -At -c "select pg_encoding_to_char(encoding) from pg_database where datname = 'template1'")" != UTF8 ]; then
    opts="TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
  fi
  for db in $MEDGRID_PG_DATABASES; do
    owner="$(awk -v d="$db" '$1==d {print $2}' <<<"$existing")"
    if [ -z "$owner" ]; then
      admin_psql -c "CREATE DATABASE $db OWNER $PG_USER $opts"
      log "created database $db (owner $PG_USER${opts:+, UTF8})"
      created=$((created + 1))
    elif [ "$owner" != "$PG_USER" ]; then
      admin_psql -c "ALTER DATABASE $db OWNER TO $PG_USER"
      log "database $db: owner changed from $owner to $PG_USER"
    fi
  done
  [ "$created" -gt 0 ] || log "all $(wc -w <<<"$MEDGRID_PG_DATABASES") databases present"
}

verify_tcp() {
  local db got
  db="${MEDGRID_PG_DATABASES%% *}"
  got="$(medgrid_psql "$db" -At -c 'select current_user || chr(64) || current_database()' 2>&1)" ||
    die "password login as $PG_USER over TCP to $HOSTPORT/$db failed: $got (check pg_hba.conf allows scram-sha-256 for 127.0.0.1/32)"
  [ "$got" = "$PG_USER@$db" ] || die "unexpected answer from $HOSTPORT: $got"
  log "TCP password login OK: $got via $HOSTPORT"
}

cmd_up() {
  medgrid_dirs
  ensure_client
  if pg_ready; then
    log "a server already accepts connections on $HOSTPORT; using it"
    if [ "$INSTALLED_SERVER" -eq 1 ]; then
      # Started by the package we just installed: ours to stop on `down`.
      mkdir -p "$STATE_DIR"
      echo "$(medgrid_pg_server_version) $PG_CLUSTER" >"$MARKER"
    fi
  elif is_local_host; then
    start_local_cluster
  else
    die "nothing answers on $HOSTPORT and it is not a local address, so it cannot be started here"
  fi
  choose_admin
  ensure_password
  ensure_role
  ensure_databases
  verify_tcp
  log "up: $HOSTPORT user=$PG_USER databases: $MEDGRID_PG_DATABASES"
}

cmd_down() {
  if [ ! -f "$MARKER" ]; then
    log "not started by scripts/postgres.sh (no $MARKER); leaving it alone"
    return 0
  fi
  local ver cluster status
  read -r ver cluster <"$MARKER"
  status="$(cluster_field "$ver" "$cluster" 4)"
  if [ "$status" = online ]; then
    log "stopping cluster $ver/$cluster"
    pg_ctlcluster "$ver" "$cluster" stop -m fast
  else
    log "cluster $ver/$cluster is already stopped"
  fi
  rm -f "$MARKER"
}

cmd_status() {
  local rc=0
  if command -v pg_isready >/dev/null 2>&1 && pg_ready; then
    log "accepting connections on $HOSTPORT"
  else
    log "NOT accepting connections on $HOSTPORT"
    rc=3
  fi
  if [ -f "$MARKER" ]; then
    log "started by scripts/postgres.sh: cluster $(cat "$MARKER")"
  else
    log "not started by scripts/postgres.sh"
  fi
  if [ "$rc" -eq 0 ] && [ -s "$SECRET_FILE" ]; then
    PG_PASSWORD="$(tr -d '\n' <"$SECRET_FILE")"
    local have
    if have="$(medgrid_psql postgres -At -c "select string_agg(datname, ' ' order by datname) from pg_database where datname like 'medgrid\_%'" 2>&1)"; then
      log "login as $PG_USER OK; databases: ${have:-none}"
    else
      log "login as $PG_USER failed: $have"
      rc=4
    fi
  fi
  return "$rc"
}

cmd_psql() {
  local db="${1:-${MEDGRID_PG_DATABASES%% *}}"
  [ "$#" -gt 0 ] && shift
  [ -s "$SECRET_FILE" ] || die "no $SECRET_FILE: run scripts/postgres.sh up first"
  PGPASSWORD="$(tr -d '\n' <"$SECRET_FILE")" exec psql -h "$MEDGRID_PG_HOST" -p "$MEDGRID_PG_PORT" -U "$PG_USER" -d "$db" "$@"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  psql) shift; cmd_psql "$@" ;;
  *) usage ;;
esac
