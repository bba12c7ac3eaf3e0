#!/usr/bin/env bash
# grpcurl, pinned and built into the project's cache on first use:
#   scripts/grpcurl.sh -plaintext 127.0.0.1:50060 list
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$here/lib/common.sh"
version="v1.9.3"
bin="$MEDGRID_CACHE/go-bin/grpcurl"
if [ ! -x "$bin" ] || ! "$bin" -version 2>&1 | grep -q "${version#v}"; then
  GOBIN="$MEDGRID_CACHE/go-bin" GOMODCACHE="$MEDGRID_CACHE/go-mod" GOCACHE="$MEDGRID_CACHE/go-build" \
    go install "github.com/fullstorydev/grpcurl/cmd/grpcurl@$version" >&2
fi
exec "$bin" "$@"
