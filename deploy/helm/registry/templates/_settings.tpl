{{- /*
The value path of each of registry's own environment variables, read by medgrid-common.env.server.
Written by deploy/helm/tools/service-charts.js from deploy/helm/services.json; do not edit.
*/ -}}
{{- define "registry.settings" -}}
CONTRACT_TERM_MONTHS: settings.contractTermMonths
ELDERLY_AGE: settings.elderlyAge
CHILD_MAX_AGE: settings.childMaxAge
{{- end -}}
