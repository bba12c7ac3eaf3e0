{{- /*
The value path of each of payment's own environment variables, read by medgrid-common.env.server.
Written by deploy/helm/tools/service-charts.js from deploy/helm/services.json; do not edit.
*/ -}}
{{- define "payment.settings" -}}
OUTBOX_RELAY_ENABLED: outbox.relayEnabled
{{- end -}}
