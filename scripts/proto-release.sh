#!/usr/bin/env bash
# Marks the current contracts as released: later changes must stay compatible
# with them (`buf breaking` in scripts/proto-gen.sh --check, run by CI).
# Run it when a contract version ships to partners, and commit the image.
set -euo pipefail
source "$(dirname "$0")/lib/node.sh"
medgrid_ensure_node
cd "$MEDGRID_ROOT"
node_modules/.bin/buf build --exclude-source-info -o tools/proto/released-image.json
echo "[proto] released image written to tools/proto/released-image.json"
