#!/usr/bin/env bash
# The whole test suite, on a fresh clone: installs what is missing, starts the
# real PostgreSQL and Kafka, then lint, type-check, build, contract checks,
# unit tests, integration tests, the portal in a browser against the platform
# up.sh brings up, then every dashboard panel and alert rule against the platform's
# Prometheus, and fire drills of the most important alerts. The platform and its
# Prometheus are left running (scripts/down.sh stops both). Quick start command 2
# (README).
set -euo pipefail
source "$(dirname "$0")/lib/node.sh"
medgrid_ensure_node
cd "$MEDGRID_ROOT"
started=$(date +%s)
step() { printf '\n==> %s (+%ss)\n' "$1" "$(( $(date +%s) - started ))"; }
# Runs a test command, its output kept in .logs/test-<name>.log as well; when it fails, what jest said of each failing
# test is printed again last: a long stage's failure is otherwise printed minutes before the end of the output, and
# CI keeps only the end.
recap_on_failure() {
  local name="$1" log
  shift
  mkdir -p "$MEDGRID_ROOT/.logs"
  log="$MEDGRID_ROOT/.logs/test-$name.log"
  local status=0
  "$@" 2>&1 | tee "$log" || status=$?
  if [ "$status" -ne 0 ]; then
    printf '\n==> %s failed (exit %s); the failing tests, as jest reported them (whole output: %s):\n' \
      "$name" "$status" "$log"
    node "$MEDGRID_ROOT/scripts/lib/jest-failures.mjs" "$log" || true
    return "$status"
  fi
}

step "dependencies (npm install from the lockfile)"
# `npm ci` refuses this lockfile: npm 11 leaves the other platforms' optional native
# packages (swc, buf) out of it (docs/decisions/0002). `npm install` honours the lockfile
# and every direct dependency is pinned exactly.
npm install --no-audit --no-fund --loglevel=error

step "contracts: buf lint and stale generated code"
bash scripts/proto-gen.sh --check

step "format, lint, type-check, unit tests"
node_modules/.bin/prettier --check . --log-level warn
# The type check and the lint of the whole workspace, each in one process over one program (tsconfig.workspace.json):
# the projects' own targets (`nx run-many -t lint typecheck`, same rules) type the shared libraries once per project,
# 200 s against 60 s here. The generator step below runs a generated project's own targets.
# Both are single-threaded: side by side they take the two cores.
npm run -s typecheck:workspace &
typecheck=$!
npm run -s lint:workspace
wait "$typecheck"
recap_on_failure unit node_modules/.bin/nx run-many -t test --outputStyle=static --skipNxCache

step "build"
node_modules/.bin/nx run-many -t build --outputStyle=static

step "deployment charts: helm lint, render, schema and manifest checks"
# Debian's prometheus package brings promtool: the alert rules' syntax and unit tests (helm-check step 7).
bash scripts/prometheus.sh install
bash scripts/helm-check.sh

step "container image: the gateway's Dockerfile built with buildah and its image started"
# Where no container registry answers (CI), on the stand-in base images.sh makes (deploy/helm/README.md, Container images).
# One image here (the gateway's holds the most: the portal too), about 3 minutes; the seven are generated from one
# template and linted by helm-check, and `bash scripts/images.sh build` builds them all (10-18 minutes).
bash scripts/images.sh build gateway

step "service generator: a generated service passes lint, typecheck, tests, build, proto and helm checks"
bash scripts/check-generator.sh

step "real infrastructure: PostgreSQL and Kafka"
bash scripts/postgres.sh up
bash scripts/kafka.sh up
# shellcheck source-path=SCRIPTDIR source=lib/services.sh
source "$MEDGRID_ROOT/scripts/lib/services.sh"
export MEDGRID_TEST_PG_URL="postgres://$MEDGRID_PG_USER:$MEDGRID_PG_PASSWORD@$MEDGRID_PG_HOST:$MEDGRID_PG_PORT/postgres"
export MEDGRID_TEST_KAFKA_BROKERS="$MEDGRID_KAFKA_BROKERS"
export KAFKAJS_NO_PARTITIONER_WARNING=1

step "deployment smoke test: the umbrella chart rendered for this machine, each service migrated and ready as rendered"
# Ports, a Kafka broker and databases of its own, so a platform up.sh left running is not disturbed (about 30 s).
bash scripts/deploy-smoke.sh

step "integration and end-to-end tests (real PostgreSQL and Kafka)"
# A platform up.sh left running shares the broker with the end-to-end suites and would answer their events (its
# scheduling telling an e2e referral there is no session): its services stop here, and up.sh starts them again below.
bash scripts/down.sh --services
# One project at a time: the end-to-end suites beside the projects' own integration tests (their topics and databases
# are their own) saved 200 s, but the contention made lock-order tests flaky (a holder's commit reply seen after its
# waiter's, libs/testing lock-order.ts). On the build the build step made.
recap_on_failure integration \
  node_modules/.bin/nx run-many -t test-int --excludeTaskDependencies --parallel=1 --outputStyle=static --skipNxCache

step "fuzz: every RPC of every service answers generated hostile requests with a clean status (a short seeded run)"
# A broker, ports and databases of its own; 2 min 14 s on a quiet machine here. The full run: scripts/fuzz.sh (1,000 a RPC).
bash scripts/fuzz.sh --cases 60 --seed 20261206

step "chaos: the flows of all six services survive a killed process (one seeded run; the full suite: scripts/chaos.sh)"
# Services, broker and PostgreSQL cluster of its own; seed 20261206 kills PostgreSQL (SIGKILL) and the registry
# mid-batch; 49 s in a fresh clone on a quiet machine (151-264 s at a load of 7-12 a core).
bash scripts/chaos.sh --seed 20261206 --runs 1 --faults 2

step "access matrix: a seeded two thirds of the RPC x caller x owner cells answer as docs/access-matrix.md says, audited"
# A broker, ports and databases of its own. The city now makes the records the table's RPCs name by id before the
# walk (about 15 s more at a load of 16 on 2 cores), so a seeded two thirds of the table (3,000 of 4,416 cells, every
# service) keep the step about as long as the whole table was (40 s on a quiet machine; the walk is about 6 ms a
# cell there). The whole table: scripts/access-matrix.sh.
bash scripts/access-matrix.sh --sample 3000 --seed 20261206

step "the portal in a browser: the platform up with the demo city (scripts/up.sh), then Chromium"
# As a person would use it: Debian's Chromium (installed when missing) against the gateway up.sh serves, signed in as
# the demo city's operator. Last, so the services it starts do not share the machine with the integration tests.
bash scripts/up.sh
# An operator of this run's own: the demo city's "operator" may have been made by an earlier clone on the same
# PostgreSQL, with a password this clone never had.
portal_user="browser-test-$(date +%s)-$$"
portal_password="$(openssl rand -base64 18)"
demo_city="$(PGPASSWORD="$MEDGRID_PG_PASSWORD" psql -h "$MEDGRID_PG_HOST" -p "$MEDGRID_PG_PORT" -U "$MEDGRID_PG_USER" \
  -d medgrid_registry -Atc "SELECT id FROM city WHERE division_code = '440100'")"
MEDGRID_OPERATOR_PASSWORD="$portal_password" DATABASE_URL="$(medgrid_database_url gateway)" \
  node services/gateway/dist/database/create-operator.js --username "$portal_user" --display-name 浏览器测试 \
  --city "$demo_city"
PORTAL_USERNAME="$portal_user" MEDGRID_OPERATOR_PASSWORD="$portal_password" \
  node_modules/.bin/nx run @medgrid/portal:test-browser --outputStyle=static --skipNxCache

step "observability: every dashboard panel and alert rule against the platform's Prometheus"
# up.sh started Prometheus but may go on without it; here it must run (start only reloads a running one). The check
# waits for two scrapes after the browser test's work, then queries every panel and rule (about 20 s).
bash scripts/prometheus.sh start
node deploy/helm/tools/prometheus-queries-check.mjs

step "alert drills: a frozen service, a dead letter and a stuck consumer raise their alerts in the real Prometheus"
# After the panel check, which must see the platform undisturbed; each drill puts back what it changed (about 90 s).
node deploy/helm/tools/alert-drills.mjs

echo
echo "all checks passed in $(( $(date +%s) - started ))s"
