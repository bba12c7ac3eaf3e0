#!/usr/bin/env bash
# grpcurl, pinned and built into the project's cache on first use:
#   scripts/grpcurl.sh -plaintext 127.0.0.1:50060 list
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/go-tool.sh
source "$here/lib/go-tool.sh"
medgrid_go_tool grpcurl github.com/fullstorydev/grpcurl github.com/fullstorydev/grpcurl/cmd/grpcurl v1.9.3
exec "$MEDGRID_CACHE/go-bin/grpcurl" "$@"
