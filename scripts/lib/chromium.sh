# shellcheck shell=bash
# Debian's Chromium for the portal's browser test (playwright-core drives it; no browser is ever
# downloaded). Sourced or run; idempotent: installs only what is missing.
#
#   bash scripts/lib/chromium.sh      installs chromium and a CJK font when missing, prints the browser's path
#   medgrid_chromium                  the same, once sourced
# The CJK font is there so the screenshots show the portal's Chinese text instead of boxes.
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

MEDGRID_CHROMIUM="${MEDGRID_CHROMIUM:-/usr/bin/chromium}"

medgrid_chromium() {
  local missing=()
  [ -x "$MEDGRID_CHROMIUM" ] || missing+=(chromium)
  dpkg-query -W -f='${Status}' fonts-wqy-zenhei 2>/dev/null | grep -q 'install ok installed' ||
    missing+=(fonts-wqy-zenhei)
  if [ "${#missing[@]}" -gt 0 ]; then
    MEDGRID_LOG_TAG=chromium apt_install "${missing[@]}"
  fi
  [ -x "$MEDGRID_CHROMIUM" ] || MEDGRID_LOG_TAG=chromium die "$MEDGRID_CHROMIUM is missing after apt-get install chromium"
  echo "$MEDGRID_CHROMIUM"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  medgrid_chromium
fi
