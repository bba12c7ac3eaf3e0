#!/usr/bin/env bash
# Development certificates for gRPC over mutual TLS (openssl, EC P-256), never committed. A city runs its own CA
# (or cert-manager) instead; these only let a developer and the tests use the same checks.
#
#   scripts/dev-certs.sh [--dir DIR]                              the CA, the services' server certificate and the
#                                                                 gateway's client certificate (made once)
#   scripts/dev-certs.sh partner <institution-id> [--dir DIR]     a partner system's client certificate for that
#                                                                 institution: partner-<id>.crt and .key
#
# DIR defaults to .cache/secrets/tls. Files: ca.crt and ca.key (the development CA); server.crt and server.key
# (subjectAltName DNS:localhost, IP:127.0.0.1: the services' GRPC_TLS_CERT_FILE and GRPC_TLS_KEY_FILE, ca.crt their
# GRPC_TLS_CLIENT_CA_FILE); gateway.crt and gateway.key (URI urn:medgrid:platform:gateway, the gateway's client
# certificate, allowed to carry any institution's calls); partner-<id>.crt and .key (URI
# urn:medgrid:institution:<id>: a token presented with it must act for that institution).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck disable=SC2034 # read by log()/die() in lib/common.sh
MEDGRID_LOG_TAG=dev-certs
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$here/lib/common.sh"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2; exit 2; }

dir="$MEDGRID_CACHE/secrets/tls"
command=ca
institution=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) [ $# -ge 2 ] || usage; dir="$2"; shift 2 ;;
    partner) [ $# -ge 2 ] || usage; command=partner; institution="$2"; shift 2 ;;
    *) usage ;;
  esac
done
command -v openssl >/dev/null || die "openssl is needed (Debian package openssl)"
mkdir -p "$dir"
chmod 700 "$dir"
umask 077

# A key and a certificate the CA signs: <name> <subject CN> <subjectAltName> <extendedKeyUsage>.
issue() {
  local name="$1" cn="$2" san="$3" usage="$4"
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$dir/$name.key" \
    -out "$dir/$name.csr" -subj "/O=MedGrid development/CN=$cn" 2>/dev/null
  printf 'subjectAltName=%s\nextendedKeyUsage=%s\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n' \
    "$san" "$usage" >"$dir/$name.ext"
  openssl x509 -req -in "$dir/$name.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial \
    -days 825 -sha256 -extfile "$dir/$name.ext" -out "$dir/$name.crt" 2>/dev/null
  rm -f "$dir/$name.csr" "$dir/$name.ext"
  log "$dir/$name.crt ($san)"
}

if [ ! -s "$dir/ca.crt" ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$dir/ca.key" \
    -out "$dir/ca.crt" -days 825 -sha256 -subj "/O=MedGrid development/CN=MedGrid development CA" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
  log "$dir/ca.crt (development CA)"
fi

case "$command" in
  ca)
    [ -s "$dir/server.crt" ] || issue server "MedGrid services" "DNS:localhost,IP:127.0.0.1" serverAuth
    [ -s "$dir/gateway.crt" ] || issue gateway "MedGrid gateway" "URI:urn:medgrid:platform:gateway" clientAuth
    ;;
  partner)
    [[ "$institution" =~ ^[0-9a-fA-F-]{36}$ ]] || die "partner: '$institution' is not an institution id (a UUID)"
    issue "partner-$institution" "partner system of $institution" "URI:urn:medgrid:institution:$institution" clientAuth
    ;;
esac
