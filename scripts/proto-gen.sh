#!/usr/bin/env bash
# Regenerates the TypeScript contracts from proto/ (never hand-edit the output).
#   scripts/proto-gen.sh          regenerate libs/contracts/src/generated
#   scripts/proto-gen.sh --check  fail on a breaking change to released contracts or stale output
set -euo pipefail
source "$(dirname "$0")/lib/node.sh"
medgrid_ensure_node
cd "$MEDGRID_ROOT"
out=libs/contracts/src/generated
buf=node_modules/.bin/buf

"$buf" lint
if [ "${1:-}" = "--check" ]; then
  # Released contracts may only change compatibly: compare with the image of the
  # last release (scripts/proto-release.sh writes it when a version is released).
  "$buf" breaking --against tools/proto/released-image.json
  echo "[proto] no breaking change against the released contracts"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  cp -r "$out" "$tmp/before"
  rm -rf "$out"
  "$buf" generate
  if ! diff -r "$tmp/before" "$out" >/dev/null; then
    diff -r "$tmp/before" "$out" | head -40 >&2
    rm -rf "$out" && cp -r "$tmp/before" "$out"
    echo "[proto] generated contracts are stale: run 'npm run proto:gen' and commit the result" >&2
    exit 1
  fi
  echo "[proto] generated contracts are up to date"
else
  rm -rf "$out"
  "$buf" generate
  echo "[proto] generated $out"
fi
