# shellcheck shell=bash
# Sourced: k6 (load generator with built-in gRPC, `k6/net/grpc`), pinned and built once with
# `go install` into $MEDGRID_CACHE/go-bin, like grpcurl.sh and helm-check.sh do for their tools.
# Changes no shell options.
#
#   medgrid_ensure_k6      builds k6 unless the cached binary is already MEDGRID_K6_VERSION;
#                          sets MEDGRID_K6 to its path
#
# v1.8.1 is the newest k6 release on the Go module proxy (August 2026); its go.mod asks for
# Go >= 1.25, so it builds with this machine's Go 1.26. k6 v2 moves to go.k6.io/k6/v2.
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

MEDGRID_K6_VERSION="v1.8.1"
MEDGRID_K6="$MEDGRID_CACHE/go-bin/k6"

medgrid_find_go() {
  if command -v go >/dev/null 2>&1; then command -v go
  elif [ -x /usr/local/go/bin/go ]; then echo /usr/local/go/bin/go
  fi
}

medgrid_ensure_k6() {
  local go have=""
  go="$(medgrid_find_go)"
  if [ -x "$MEDGRID_K6" ]; then
    # Without Go we cannot read the binary's module version: trust the cached binary.
    [ -n "$go" ] || return 0
    have="$("$go" version -m "$MEDGRID_K6" 2>/dev/null | awk '$1 == "mod" && $2 == "go.k6.io/k6" { print $3 }')"
    [ "$have" = "$MEDGRID_K6_VERSION" ] && return 0
    log "cached k6 is ${have:-of unknown version}; rebuilding $MEDGRID_K6_VERSION"
  fi
  [ -n "$go" ] || die "k6 is missing ($MEDGRID_K6) and Go is not installed to build it"
  log "building k6 $MEDGRID_K6_VERSION with go install into $MEDGRID_CACHE/go-bin (once, a few minutes)"
  GOBIN="$MEDGRID_CACHE/go-bin" GOMODCACHE="$MEDGRID_CACHE/go-mod" GOCACHE="$MEDGRID_CACHE/go-build" \
    "$go" install "go.k6.io/k6@$MEDGRID_K6_VERSION" >&2 || die "go install go.k6.io/k6@$MEDGRID_K6_VERSION failed"
  [ -x "$MEDGRID_K6" ] || die "go install did not produce $MEDGRID_K6"
}
