# shellcheck shell=bash
# Sourced after lib/node.sh and lib/services.sh by the suites that run services of their own (fuzz.sh,
# access-matrix.sh, chaos.sh, deploy-smoke.sh): what they check before starting, and a Kafka broker of their own in
# a work directory, on free ports, so a running platform is left alone. Changes no shell options.
#
#   medgrid_require_built [service ...]   Node, node_modules and each service's build (all of them when none is
#                                          named) are there, else die; cds to the repository
#   medgrid_free_port                      prints a TCP port free on 127.0.0.1 now
#   medgrid_own_broker_up <work> <what>    starts a broker under <work>/run and <work>/logs on free ports (sets
#                                          OWN_BROKER_PORT and OWN_CONTROLLER_PORT); <what> names the run in errors
#   medgrid_own_broker_down <work>         stops that broker, by its pid file, never by name; quiet
#   medgrid_own_broker_env <work> cmd ...  runs cmd with the MEDGRID_* settings of that broker (once it is up)

medgrid_require_built() {
  local name
  medgrid_ensure_node
  cd "$MEDGRID_ROOT" || die "cannot enter $MEDGRID_ROOT"
  [ -d node_modules ] || die "node_modules is missing: npm install first"
  if [ $# -eq 0 ]; then
    set --
    for name in "${MEDGRID_SERVICES[@]}"; do set -- "$@" "${name%%:*}"; done
  fi
  for name in "$@"; do
    [ -f "services/$name/dist/main.js" ] || die "services/$name is not built: npx nx run-many -t build"
  done
}

medgrid_free_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

medgrid_own_broker_env() {
  local work="$1"
  shift
  MEDGRID_RUN="$work/run" MEDGRID_LOGS="$work/logs" MEDGRID_KAFKA_PORT="$OWN_BROKER_PORT" \
    MEDGRID_KAFKA_CONTROLLER_PORT="$OWN_CONTROLLER_PORT" "$@"
}

medgrid_own_broker_up() {
  local work="$1" what="$2"
  OWN_BROKER_PORT=$(medgrid_free_port)
  OWN_CONTROLLER_PORT=$(medgrid_free_port)
  medgrid_own_broker_env "$work" bash "$MEDGRID_ROOT/scripts/kafka.sh" up >"$work/kafka-up.log" 2>&1 ||
    { cat "$work/kafka-up.log" >&2; die "$what's broker did not start"; }
}

medgrid_own_broker_down() {
  local work="$1"
  [ -f "$work/run/kafka/kafka.pid" ] || return 0
  MEDGRID_RUN="$work/run" MEDGRID_LOGS="$work/logs" bash "$MEDGRID_ROOT/scripts/kafka.sh" down >/dev/null 2>&1 || true
}
