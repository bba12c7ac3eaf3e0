#!/usr/bin/env bash
# Lints, renders and validates the Helm charts in deploy/helm, offline.
#
#   scripts/helm-check.sh          run every check and print a summary (exit 1 on the first failing step)
#   scripts/helm-check.sh --keep   also keep the rendered manifests in .cache/helm-check/render
#
# Steps:
#   1. helm: $MEDGRID_CACHE/go-bin/helm, built once with `go install` (pinned in lib/helm.sh); the
#      service charts (deploy/helm/services.json) must be what deploy/helm/tools/service-charts.js
#      writes: values.yaml, values.schema.json, Chart.yaml and templates are generated, never edited
#   2. dependencies: `helm dependency build` for each chart (file:// only, no network); the service
#      charts first, because the umbrella packages them with the library chart they hold
#   3. lint: `helm lint --strict` on the library, each service chart and the umbrella (defaults and
#      ci/all-features.values.yaml)
#   4. render: `helm template` of the umbrella (defaults, all features, every network policy value) and of
#      each service chart (defaults); then the umbrella with a sample of every service's own settings
#      (tools/settings-check.js: each reaches its Deployment as its variable; with the defaults, the empty ones
#      are absent)
#   5. schema: values that values.schema.json (or the templates' own checks) must reject
#   6. validate: deploy/helm/tools/validate-manifests.mjs on the renders (YAML, Kubernetes schemas,
#      house security rules, PromQL metric names, topics vs libs/contracts, documented values, and
#      tools/network-policy-check.mjs: every connection each NetworkPolicy lets through, against the code);
#      its npm packages are installed once into $MEDGRID_CACHE/helm-validate (pinned)
#   7. alerts: `promtool check rules` on deploy/helm/medgrid/files/prometheus/medgrid.rules.yaml (the one
#      rules file: the PrometheusRule embeds it, scripts/prometheus.sh loads it) and on the all-features
#      render's PrometheusRule, `promtool test rules` on ci/alerts*.test.yaml, when promtool is installed
#      (Debian package `prometheus`: scripts/prometheus.sh install; skipped otherwise)
#   8. format: Prettier on deploy/helm when node_modules is installed (scripts/test.sh checks it too)
#   9. images: scripts/images.sh lint on the services' Dockerfiles (generated from their template, hadolint,
#      and tools/image-lint.mjs against each service chart's render: user, working directory, command, ports)
set -euo pipefail

VALIDATE_DEPS=(yaml@2.9.1 kubernetes-models@5.1.0 @kubernetes-models/prometheus-operator@6.0.0)

# shellcheck disable=SC2034 # read by log()/die() in lib/common.sh
MEDGRID_LOG_TAG=helm-check
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=lib/node.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/node.sh"
# shellcheck source-path=SCRIPTDIR source=lib/helm.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/helm.sh"
HELM_VERSION="$MEDGRID_HELM_VERSION"
KUBE_VERSION="$MEDGRID_KUBE_VERSION"

CHARTS_DIR="$MEDGRID_ROOT/deploy/helm"
SERVICES=() # from deploy/helm/services.json, below
HELM="$MEDGRID_HELM"
VALIDATE_DIR="$MEDGRID_CACHE/helm-validate"
WORK="$MEDGRID_CACHE/helm-check"
RENDER="$WORK/render"
ALL_FEATURES="$CHARTS_DIR/medgrid/ci/all-features.values.yaml"
NETWORK_VALUES="$CHARTS_DIR/medgrid/ci/network-policy.values.yaml"
KEEP=0

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2; exit 2; }
case "${1:-}" in
  "") ;;
  --keep) KEEP=1 ;;
  *) usage ;;
esac

started="$(date +%s%N)"
elapsed() { printf '%d.%01d s' $((($(date +%s%N) - started) / 1000000000)) $(((($(date +%s%N) - started) / 100000000) % 10)); }
SUMMARY=()
note() { SUMMARY+=("$1"); }

# ---- helpers ----------------------------------------------------------------------
# run_helm <description> <helm args...>: run helm, show its output only when it fails.
run_helm() {
  local what="$1" out
  shift
  if ! out="$("$HELM" "$@" 2>&1)"; then
    printf '%s\n' "$out" >&2
    die "$what failed: helm $*"
  fi
}

# render <name> <chart> [helm template args...]: render to $RENDER/<name>.yaml.
render() {
  local name="$1" chart="$2"
  shift 2
  if ! "$HELM" template medgrid "$CHARTS_DIR/$chart" --namespace medgrid --kube-version "$KUBE_VERSION" "$@" \
    >"$RENDER/$name.yaml" 2>"$WORK/$name.err"; then
    cat "$WORK/$name.err" >&2
    die "helm template $chart $* failed"
  fi
  RENDERED+=("$name")
}

# reject <chart> <expected message> <helm template args...>: the render must fail with that message.
reject() {
  local chart="$1" expected="$2" out
  shift 2
  if out="$("$HELM" template medgrid "$CHARTS_DIR/$chart" --namespace medgrid --kube-version "$KUBE_VERSION" "$@" 2>&1)"; then
    die "$chart accepted bad values ($*): values.schema.json or the template checks let it through"
  fi
  if ! grep -qF -- "$expected" <<<"$out"; then
    printf '%s\n' "$out" >&2
    die "$chart rejected ($*) but not with \"$expected\""
  fi
  REJECTED=$((REJECTED + 1))
}

ensure_validator() {
  local wanted marker="$VALIDATE_DIR/.installed"
  wanted="${VALIDATE_DEPS[*]} node-$(node --version)"
  if [ ! -f "$marker" ] || [ "$(cat "$marker")" != "$wanted" ]; then
    log "installing the validator's packages into $VALIDATE_DIR (once): ${VALIDATE_DEPS[*]}"
    rm -rf "$VALIDATE_DIR"
    mkdir -p "$VALIDATE_DIR"
    printf '{ "name": "medgrid-helm-validate", "private": true, "type": "module" }\n' >"$VALIDATE_DIR/package.json"
    npm install --prefix "$VALIDATE_DIR" --no-audit --no-fund --save-exact --loglevel=error "${VALIDATE_DEPS[@]}" >&2 ||
      die "npm install ${VALIDATE_DEPS[*]} failed"
    printf '%s\n' "$wanted" >"$marker"
  fi
  # Run from the install folder so the script's imports resolve to its node_modules.
  cp "$CHARTS_DIR/tools/validate-manifests.mjs" "$CHARTS_DIR/tools/network-policy-check.mjs" "$VALIDATE_DIR/"
}

# ---- main -------------------------------------------------------------------------
medgrid_dirs
rm -rf "$WORK"
mkdir -p "$RENDER"
RENDERED=()
REJECTED=0

medgrid_ensure_helm
note "helm $HELM_VERSION ($HELM), rendering for Kubernetes $KUBE_VERSION"

# 1. the service charts are generated: stale ones fail here, before anything renders them
medgrid_ensure_node
mapfile -t SERVICES < <(node -e 'for (const s of require(process.argv[1]).readServices(process.argv[2])) console.log(s.name)' \
  "$CHARTS_DIR/tools/service-charts.js" "$MEDGRID_ROOT")
[ "${#SERVICES[@]}" -gt 0 ] || die "no service in deploy/helm/services.json"
node "$CHARTS_DIR/tools/service-charts.js" --check ||
  die "the service charts are not what deploy/helm/tools/service-charts.js writes: run it and commit the result"
note "service charts ${SERVICES[*]}: generated from deploy/helm/services.json, up to date"

# 2. dependencies (order matters: the umbrella packages the service charts as they are on disk)
medgrid_helm_dependencies "$CHARTS_DIR"
note "dependencies built: ${SERVICES[*]} (library medgrid-common), then medgrid"

# 3. lint
run_helm "lint of medgrid-common" lint --strict --kube-version "$KUBE_VERSION" "$CHARTS_DIR/medgrid-common"
for chart in "${SERVICES[@]}"; do
  run_helm "lint of $chart" lint --strict --kube-version "$KUBE_VERSION" "$CHARTS_DIR/$chart"
done
run_helm "lint of medgrid" lint --strict --kube-version "$KUBE_VERSION" "$CHARTS_DIR/medgrid"
run_helm "lint of medgrid (all features)" lint --strict --kube-version "$KUBE_VERSION" "$CHARTS_DIR/medgrid" -f "$ALL_FEATURES"
run_helm "lint of medgrid (network policy values)" lint --strict --kube-version "$KUBE_VERSION" "$CHARTS_DIR/medgrid" -f "$NETWORK_VALUES"
note "helm lint --strict: medgrid-common, ${SERVICES[*]}, medgrid (defaults, all features, network policy values)"

# 4. render
render medgrid-defaults medgrid
render medgrid-all-features medgrid -f "$ALL_FEATURES"
render medgrid-network medgrid -f "$NETWORK_VALUES"
for chart in "${SERVICES[@]}"; do render "$chart-defaults" "$chart"; done
note "helm template: ${RENDERED[*]} ($(cat "$RENDER"/*.yaml | grep -c '^kind:') objects)"

# 4b. each service's own settings (services.json `values`) reach its pods: a sample of every one,
# set through the umbrella, is in the service's Deployment as its variable; left empty, it is absent
node "$CHARTS_DIR/tools/settings-check.js" values "$WORK/settings.values.json"
"$HELM" template medgrid "$CHARTS_DIR/medgrid" --namespace medgrid --kube-version "$KUBE_VERSION" \
  -f "$WORK/settings.values.json" >"$WORK/settings.yaml" 2>"$WORK/settings.err" || {
  cat "$WORK/settings.err" >&2
  die "helm template medgrid with every setting set failed"
}
node "$CHARTS_DIR/tools/settings-check.js" defaults "$RENDER/medgrid-defaults.yaml" >/dev/null ||
  die "a service setting left empty reached a pod (medgrid-common.env.settings)"
settings="$(node "$CHARTS_DIR/tools/settings-check.js" samples "$WORK/settings.yaml")" ||
  die "a service setting did not reach its pod (medgrid-common.env.settings, <service>/templates/_settings.tpl)"
note "service settings: $settings reach the pods as their variables (tools/settings-check.js), none when left empty"

# 5. values that must be rejected
SCHEMA="values don't meet the specifications of the schema"
reject registry "$SCHEMA" --set replicaCount=-1
reject registry "$SCHEMA" --set replicaCount=two
reject registry "$SCHEMA" --set replicaCuont=3
reject registry "$SCHEMA" --set image.pullPolicy=Sometimes
reject registry "$SCHEMA" --set otel.tracesExporter=jaeger
reject registry "$SCHEMA" --set 'kafka.brokers={kafka-without-port}'
reject registry "$SCHEMA" --set database.existingSecret=
reject registry "$SCHEMA" --set database.poolSize=500
reject registry "$SCHEMA" --set containerSecurityContext.readOnlyRootFilesystem=no
reject referral "$SCHEMA" --set outbox.relayEnabled=maybe
reject scheduling "$SCHEMA" --set outbox.relayEnabled=true
reject lab-sharing "$SCHEMA" --set settings.criticalValueAckSeconds=-1
reject lab-sharing "$SCHEMA" --set settings.claimIdleSeconds=soon
reject lab-sharing "$SCHEMA" --set settings.turnaroundTargets.ecg.emergency=0
reject lab-sharing "$SCHEMA" --set settings.turnaroundTargets.xray.emergency=30
reject lab-sharing "$SCHEMA" --set settings.turnaroundTargets.ecg.stat=30
reject lab-sharing "$SCHEMA" --set settings.unknownSetting=1
reject referral "$SCHEMA" --set settings.deadlineHours=0
reject scheduling "$SCHEMA" --set settings.slotReserveFloor=third
reject registry "$SCHEMA" --set settings.elderlyAge=40
reject pharmacy "$SCHEMA" --set settings.anything=1
reject registry "$SCHEMA" --set networkPolicy.allowExternal=yes
reject registry "$SCHEMA" --set 'networkPolicy.postgresql.cidrs={db.example}'
reject registry "$SCHEMA" --set 'networkPolicy.postgresql.ports={0}'
reject registry "$SCHEMA" --set networkPolicy.kafka.podSelector.matchLabels=broker
reject registry "needs otel.otlpEndpoint" --set otel.tracesExporter=otlp
reject registry "set only one of auth.publicKeySecret" --set auth.publicKeyConfigMap=medgrid-auth-public-key
reject registry "public key is required" --set auth.publicKeySecret=
reject medgrid "set only one of auth.publicKeySecret" --set global.auth.publicKeySecret=a --set global.auth.publicKeyConfigMap=b
reject medgrid "$SCHEMA" --set registry.replicaCount=-1
reject medgrid "$SCHEMA" --set 'global.kafka.brokers={no-port}'
reject medgrid "$SCHEMA" --set 'kafkaTopics.topics[0].partitions=0'
reject medgrid "$SCHEMA" --set metrics.prometheusRule.alerts.MedGridServiceDown.for=soon
reject medgrid "has no alert MedGridNoSuchAlert" --set metrics.prometheusRule.enabled=true \
  --set metrics.prometheusRule.alerts.MedGridNoSuchAlert.enabled=false
reject medgrid "$SCHEMA" --set postgresql.databaseReclaimPolicy=drop
reject medgrid "$SCHEMA" --set kafkaTopic.enabled=true
reject medgrid "$SCHEMA" --set lab-sharing.settings.criticalValueAckSeconds=-1
note "bad values: $REJECTED rejected by values.schema.json or the templates' checks (types, ranges, enums, unknown keys, conflicting settings)"

# 6. validate the renders
ensure_validator
if ! out="$(cd "$VALIDATE_DIR" && node validate-manifests.mjs --repo "$MEDGRID_ROOT" --renders "$RENDER" \
  --rules-out "$WORK/rules.yaml" \
  --render-values "medgrid-all-features=$ALL_FEATURES,medgrid-network=$NETWORK_VALUES" 2>&1)"; then
  printf '%s\n' "$out" >&2
  die "rendered manifests failed validation"
fi
note "$out"

# 7. alert rules: the file itself, what the chart made of it (overrides, extra rules), the unit tests
RULES_FILE="$CHARTS_DIR/medgrid/files/prometheus/medgrid.rules.yaml"
if command -v promtool >/dev/null 2>&1; then
  run_rules() { (cd "$WORK" && promtool "$@") >"$WORK/promtool.out" 2>&1 || { cat "$WORK/promtool.out" >&2; die "promtool $* failed"; }; }
  run_rules check rules "$RULES_FILE"
  run_rules check rules rules.yaml
  run_rules test rules "$CHARTS_DIR/medgrid/ci/alerts.test.yaml" "$CHARTS_DIR/medgrid/ci/alerts-days.test.yaml"
  note "promtool: files/prometheus/medgrid.rules.yaml and its all-features render valid, alert unit tests (ci/alerts.test.yaml, ci/alerts-days.test.yaml) pass"
else
  note "promtool not installed: alert syntax and unit tests skipped (scripts/prometheus.sh install)"
fi

# 8. formatting
if [ -x "$MEDGRID_ROOT/node_modules/.bin/prettier" ]; then
  (cd "$MEDGRID_ROOT" && node_modules/.bin/prettier --check deploy/helm --log-level warn) ||
    die "deploy/helm is not Prettier-formatted: run node_modules/.bin/prettier --write deploy/helm"
  note "prettier: deploy/helm formatted"
fi

# 9. container images: the Dockerfiles run what the renders run
out="$(bash "$MEDGRID_ROOT/scripts/images.sh" lint --renders "$RENDER")" ||
  die "the services' Dockerfiles failed their checks (scripts/images.sh lint)"
note "$out"

if [ "$KEEP" -eq 0 ]; then rm -rf "$RENDER"; fi
printf '\nhelm-check passed in %s\n' "$(elapsed)"
printf '  - %s\n' "${SUMMARY[@]}"
