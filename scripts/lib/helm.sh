# shellcheck shell=bash
# Sourced: the pinned helm and how the charts of deploy/helm are built, for scripts/helm-check.sh and
# scripts/deploy-smoke.sh. Changes no shell options.
#
#   medgrid_ensure_helm                    builds $MEDGRID_HELM (MEDGRID_HELM_VERSION) once with `go install`
#   medgrid_helm_dependencies <helm dir>   `helm dependency build` of every service chart, then the umbrella,
#                                          from scratch (charts/ and Chart.lock are generated, git-ignored)
# shellcheck source-path=SCRIPTDIR source=go-tool.sh
source "$(dirname "${BASH_SOURCE[0]}")/go-tool.sh"

MEDGRID_HELM_VERSION="v3.19.2"
# Kubernetes version the charts are rendered for. A `go install`ed helm has no version stamped
# in and would assume 1.20 (below the charts' kubeVersion >=1.27).
# shellcheck disable=SC2034 # read by the scripts that source this file
MEDGRID_KUBE_VERSION="1.34.0"
MEDGRID_HELM="$MEDGRID_CACHE/go-bin/helm"

medgrid_ensure_helm() {
  medgrid_go_tool helm helm.sh/helm/v3 helm.sh/helm/v3/cmd/helm "$MEDGRID_HELM_VERSION"
}

# The service charts first: Helm packages a file:// dependency as it is on disk, so the umbrella
# takes each service chart with the library it holds. From scratch, so a stale lock ("Chart.lock is
# out of sync") or a stale library copy never hides a change.
medgrid_helm_dependencies() {
  local dir="$1" chart out charts
  mapfile -t charts < <(node -e 'for (const s of require(process.argv[1]).parseServices(require("node:fs").readFileSync(process.argv[2], "utf8"))) console.log(s.name)' \
    "$MEDGRID_ROOT/deploy/helm/tools/service-charts.js" "$dir/services.json")
  for chart in "${charts[@]}" medgrid; do
    rm -rf "$dir/$chart/charts" "$dir/$chart/Chart.lock"
    if ! out="$("$MEDGRID_HELM" dependency build --skip-refresh "$dir/$chart" 2>&1)"; then
      printf '%s\n' "$out" >&2
      die "helm dependency build $dir/$chart failed"
    fi
  done
}
