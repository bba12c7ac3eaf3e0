#!/usr/bin/env bash
# Prints a development token: scripts/dev-token.sh --role primary-staff --institution <uuid> --group <uuid>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/node.sh
source "$here/lib/node.sh"
medgrid_ensure_node
# shellcheck source-path=SCRIPTDIR source=lib/services.sh
source "$here/lib/services.sh"
medgrid_ensure_dev_keys
exec node "$MEDGRID_ROOT/libs/platform/auth/dist/cli/dev-token.js" --key "$MEDGRID_ISSUER_PRIVATE_KEY" "$@"
