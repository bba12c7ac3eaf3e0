{{- /*
Whom scheduling talks to, read by medgrid-common.networkPolicy: the services it calls over gRPC (one
per <PEER>_GRPC_ADDRESS setting), the services that call it, the value paths of URLs it fetches.
Written by deploy/helm/tools/service-charts.js from deploy/helm/services.json; do not edit.
*/ -}}
{{- define "scheduling.network" -}}
calls: []
calledBy: [gateway]
fetches: []
{{- end -}}
