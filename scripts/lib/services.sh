# shellcheck shell=bash
# Sourced: the services the platform runs locally, their ports and environment.
# shellcheck source-path=SCRIPTDIR source=pg-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/pg-env.sh"
# shellcheck source-path=SCRIPTDIR source=kafka-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/kafka-env.sh"

# name:grpc-port:http-port
MEDGRID_SERVICES=("registry:50060:3060" "referral:50061:3061" "scheduling:50062:3062" "lab-sharing:50063:3063" "pharmacy:50064:3064" "payment:50065:3065" "gateway:50066:3066")
MEDGRID_SECRETS="$MEDGRID_CACHE/secrets"
MEDGRID_ISSUER_PRIVATE_KEY="$MEDGRID_SECRETS/issuer-private.pem"
MEDGRID_ISSUER_PUBLIC_KEY="$MEDGRID_SECRETS/issuer-public.pem"

medgrid_database_url() { # <service> -> postgres URL of its database
  local db="medgrid_${1//-/_}"
  printf 'postgres://%s:%s@%s:%s/%s' "$MEDGRID_PG_USER" "$MEDGRID_PG_PASSWORD" "$MEDGRID_PG_HOST" "$MEDGRID_PG_PORT" "$db"
}

# The development token issuer's key pair: generated on this machine, never committed.
medgrid_ensure_dev_keys() {
  [ -s "$MEDGRID_ISSUER_PRIVATE_KEY" ] && [ -s "$MEDGRID_ISSUER_PUBLIC_KEY" ] && return 0
  mkdir -p "$MEDGRID_SECRETS" && chmod 700 "$MEDGRID_SECRETS"
  openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -out "$MEDGRID_ISSUER_PRIVATE_KEY"
  openssl ec -in "$MEDGRID_ISSUER_PRIVATE_KEY" -pubout -out "$MEDGRID_ISSUER_PUBLIC_KEY" 2>/dev/null
  chmod 600 "$MEDGRID_ISSUER_PRIVATE_KEY"
}
