{{- /*
The value path of each of gateway's own environment variables, read by medgrid-common.env.server.
Written by deploy/helm/tools/service-charts.js from deploy/helm/services.json; do not edit.
*/ -}}
{{- define "gateway.settings" -}}
OUTBOX_RELAY_ENABLED: outbox.relayEnabled
{{- end -}}
