#!/usr/bin/env bash
# Proves the service generator end to end: generates a throwaway service into a scratch git
# worktree of HEAD and checks it as CI would check a service, then removes the worktree.
#
#   scripts/check-generator.sh            generate, then: Prettier on what changed; lint, typecheck
#                                         and unit tests of the new service, contracts, e2e and the
#                                         generator; the new service's build; proto-gen --check;
#                                         helm-check
#   scripts/check-generator.sh --e2e      also run the new service's generated end-to-end suite: the
#                                         registry and the service started from their builds against the
#                                         real PostgreSQL and Kafka (needs MEDGRID_TEST_PG_URL and
#                                         MEDGRID_TEST_KAFKA_BROKERS, as scripts/test.sh exports them)
#   scripts/check-generator.sh --keep     leave the worktree for inspection (path printed)
#
# No npm install: the worktree's node_modules is a folder of links to this checkout's packages,
# except the workspace packages (@medgrid/*), which link to the worktree's own folders, so the
# generated service and the libraries are the worktree's. Helm, Node and the validator's packages
# come from this checkout's .cache. MEDGRID_GEN_CHECK_NAME names the service (default gen-probe).
# It checks the generator as committed (HEAD), not uncommitted changes to it. scripts/test.sh runs
# it without --e2e (about 85 s on the 2-core machine).
set -euo pipefail

# shellcheck disable=SC2034 # read by log()/die() in lib/common.sh
MEDGRID_LOG_TAG=check-generator
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=lib/node.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/node.sh"

NAME="${MEDGRID_GEN_CHECK_NAME:-gen-probe}"
E2E=0
KEEP=0
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2; exit 2; }
for arg in "$@"; do
  case "$arg" in
    --e2e) E2E=1 ;;
    --keep) KEEP=1 ;;
    *) usage ;;
  esac
done

ROOT="$MEDGRID_ROOT"
started="$(date +%s)"
took() { printf '%ss' $(($(date +%s) - started)); }
medgrid_ensure_node
[ -x "$ROOT/node_modules/.bin/nx" ] || die "node_modules is not installed in $ROOT (npm install first)"

WT="$(mktemp -d "${TMPDIR:-/tmp}/medgrid-gen-check.XXXXXX")"
cleanup() {
  if [ "$KEEP" -eq 1 ]; then
    log "kept the worktree: $WT (remove it with: git -C $ROOT worktree remove --force $WT)"
    return
  fi
  git -C "$ROOT" worktree remove --force "$WT" >/dev/null 2>&1 || rm -rf "$WT"
  git -C "$ROOT" worktree prune
}
trap cleanup EXIT

log "worktree of HEAD ($(git -C "$ROOT" rev-parse --short HEAD)) in $WT"
rmdir "$WT"
git -C "$ROOT" worktree add --detach --quiet "$WT" HEAD

# node_modules: links to this checkout's packages; the workspace packages link into the worktree.
mkdir -p "$WT/node_modules/@medgrid"
for entry in "$ROOT"/node_modules/* "$ROOT"/node_modules/.bin; do
  [ "$(basename "$entry")" = "@medgrid" ] || ln -s "$entry" "$WT/node_modules/$(basename "$entry")"
done
# shellcheck disable=SC2016 # the node program is single-quoted on purpose
node -e '
  const { existsSync, readdirSync, readFileSync } = require("node:fs");
  const { join } = require("node:path");
  const root = process.argv[1];
  const dirs = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).workspaces.flatMap((glob) =>
    glob.endsWith("/*")
      ? readdirSync(join(root, glob.slice(0, -2)), { withFileTypes: true })
          .filter((e) => e.isDirectory())
          .map((e) => join(glob.slice(0, -2), e.name))
      : [glob],
  );
  for (const dir of dirs) {
    const pkg = join(root, dir, "package.json");
    if (existsSync(pkg)) console.log(`${JSON.parse(readFileSync(pkg, "utf8")).name} ${dir}`);
  }' "$WT" | while read -r pkg dir; do
  ln -s "../../$dir" "$WT/node_modules/$pkg"
  # A workspace package's own node_modules (a version that differs from the hoisted one).
  if [ -d "$ROOT/$dir/node_modules" ]; then ln -s "$ROOT/$dir/node_modules" "$WT/$dir/node_modules"; fi
done

# .cache: the pinned Go tools (helm) and Node are shared; the validator's packages are copied.
mkdir -p "$WT/.cache" "$ROOT/.cache/go-bin" "$ROOT/.cache/go-mod" "$ROOT/.cache/go-build"
for dir in go-bin go-mod go-build "$(basename "$ROOT"/.cache/node-v* 2>/dev/null)"; do
  if [ -e "$ROOT/.cache/$dir" ]; then ln -s "$ROOT/.cache/$dir" "$WT/.cache/$dir"; fi
done
if [ -d "$ROOT/.cache/helm-validate" ]; then cp -r "$ROOT/.cache/helm-validate" "$WT/.cache/"; fi

# From here on every script works on the worktree.
export MEDGRID_ROOT="$WT" MEDGRID_CACHE="$WT/.cache" MEDGRID_RUN="$WT/.run" MEDGRID_LOGS="$WT/.logs"
cd "$WT"
# --skipNxCache as scripts/test.sh: the checks run, never replayed from an earlier run.
nx() { node_modules/.bin/nx "$@" --outputStyle=static --skipNxCache; }

log "generating $NAME (+$(took))"
node_modules/.bin/nx g @medgrid/tools:service "$NAME" --no-interactive
[ -d "services/$NAME" ] || die "the generator made no services/$NAME"

log "Prettier on every file the generator wrote (+$(took))"
git status --porcelain --untracked-files=all | awk '{ print $NF }' |
  grep -v -e '^libs/contracts/src/generated/' -e 'node_modules$' |
  xargs node_modules/.bin/prettier --check --ignore-unknown --log-level warn

log "lint, typecheck, unit tests (+$(took))"
nx run-many -t lint typecheck test --projects="@medgrid/$NAME,@medgrid/contracts,@medgrid/e2e,@medgrid/tools"

log "build (+$(took))"
nx run "@medgrid/$NAME:build"

log "proto-gen --check (+$(took))"
bash scripts/proto-gen.sh --check

log "helm-check (+$(took))"
bash scripts/helm-check.sh

if [ "$E2E" -eq 1 ]; then
  log "the service from its build against PostgreSQL and Kafka (+$(took))"
  [ -n "${MEDGRID_TEST_PG_URL:-}" ] || die "--e2e needs MEDGRID_TEST_PG_URL (and MEDGRID_TEST_KAFKA_BROKERS)"
  nx run @medgrid/registry:build # the suite starts the registry too: the service learns groups from it
  node_modules/.bin/jest -c tests/e2e/jest.int.config.js "tests/e2e/src/$NAME.int-spec.ts"
fi

log "a generated service ($NAME) passes every check, in $(took)"
