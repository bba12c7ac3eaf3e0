# shellcheck shell=bash
# Sourced: k6 (load generator with built-in gRPC, `k6/net/grpc`), pinned and built once with
# `go install` into $MEDGRID_CACHE/go-bin, like grpcurl.sh and helm-check.sh do for their tools.
# Changes no shell options; exports GOGC (below).
#
#   medgrid_ensure_k6      builds k6 unless the cached binary is already MEDGRID_K6_VERSION;
#                          sets MEDGRID_K6 to its path
#
# v1.8.1 is the newest k6 release on the Go module proxy (August 2026); its go.mod asks for
# Go >= 1.25, so it builds with this machine's Go 1.26. k6 v2 moves to go.k6.io/k6/v2.
# shellcheck source-path=SCRIPTDIR source=go-tool.sh
source "$(dirname "${BASH_SOURCE[0]}")/go-tool.sh"

MEDGRID_K6_VERSION="v1.8.1"
MEDGRID_K6="$MEDGRID_CACHE/go-bin/k6" # read by the scripts that source this file
export MEDGRID_K6
# k6 shares this machine's two cores with the service it measures. Its garbage collector at Go's default (GOGC=100)
# took about a quarter of its CPU in the pharmacy benchmark (pprof, 2026-12-07: mark workers 14%, allocation 16%);
# 400 collects a quarter as often for more memory (tens of MB here, of 24 GiB). Go tools the benchmarks start
# after sourcing this (grpcurl) get it too, which they do not mind.
export GOGC="${MEDGRID_K6_GOGC:-400}"

medgrid_ensure_k6() {
  medgrid_go_tool k6 go.k6.io/k6 go.k6.io/k6 "$MEDGRID_K6_VERSION"
}
