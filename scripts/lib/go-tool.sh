# shellcheck shell=bash
# Sourced: a Go tool (k6, helm, grpcurl), pinned and built once with `go install` into
# $MEDGRID_CACHE/go-bin. Changes no shell options.
#
#   medgrid_go_tool <name> <module> <package> <version>
#       builds $MEDGRID_CACHE/go-bin/<name> from <package>@<version> unless the cached binary
#       was built from <module> at <version>
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

medgrid_find_go() {
  if command -v go >/dev/null 2>&1; then command -v go
  elif [ -x /usr/local/go/bin/go ]; then echo /usr/local/go/bin/go
  fi
}

medgrid_go_tool() {
  local name="$1" module="$2" package="$3" version="$4" go have=""
  local bin="$MEDGRID_CACHE/go-bin/$name"
  go="$(medgrid_find_go)"
  if [ -x "$bin" ]; then
    # Without Go we cannot read the binary's module version: trust the cached binary.
    [ -n "$go" ] || return 0
    have="$("$go" version -m "$bin" 2>/dev/null | awk -v m="$module" '$1 == "mod" && $2 == m { print $3 }')"
    [ "$have" = "$version" ] && return 0
    log "cached $name is ${have:-of unknown version}; rebuilding $version"
  fi
  [ -n "$go" ] || die "$name is missing ($bin) and Go is not installed to build it"
  log "building $name $version with go install into $MEDGRID_CACHE/go-bin (once)"
  GOBIN="$MEDGRID_CACHE/go-bin" GOMODCACHE="$MEDGRID_CACHE/go-mod" GOCACHE="$MEDGRID_CACHE/go-build" \
    "$go" install "$package@$version" >&2 || die "go install $package@$version failed"
  [ -x "$bin" ] || die "go install did not produce $bin"
}
