#!/usr/bin/env bash
# Regenerates the TypeScript contracts from proto/ (never hand-edit the output).
#   scripts/proto-gen.sh          regenerate libs/contracts/src/generated
#   scripts/proto-gen.sh --check  fail on a breaking change to released contracts or stale output
set -euo pipefail
source "$(dirname "$0")/lib/node.sh"
medgrid_ensure_node
cd "$MEDGRID_ROOT"
out=libs/contracts/src/generated
# The descriptor set (real file names and imports) is what gRPC reflection serves.
descriptors=libs/contracts/descriptors/medgrid.binpb
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
  cp "$descriptors" "$tmp/before.binpb"
  rm -rf "$out"
  "$buf" generate
  "$buf" build --exclude-source-info -o "$descriptors"
  if ! diff -r "$tmp/before" "$out" >/dev/null || ! cmp -s "$tmp/before.binpb" "$descriptors"; then
    diff -r "$tmp/before" "$out" | head -40 >&2
    rm -rf "$out" && cp -r "$tmp/before" "$out" && cp "$tmp/before.binpb" "$descriptors"
    echo "[proto] generated contracts are stale: run 'npm run proto:gen' and commit the result" >&2
    exit 1
  fi
  echo "[proto] generated contracts are up to date"
else
  rm -rf "$out"
  "$buf" generate
  mkdir -p "$(dirname "$descriptors")"
  "$buf" build --exclude-source-info -o "$descriptors"
  echo "[proto] generated $out and $descriptors"
fi
