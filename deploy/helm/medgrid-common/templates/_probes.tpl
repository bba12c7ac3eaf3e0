{{/*
Probes. HTTP is primary: /health/live (process up, no dependency checks, so a
slow database never gets healthy pods restarted) and /health/ready (503 until
the database, current migrations and Kafka are fine). A custom*Probe value
replaces the default one entirely, e.g. a `grpc` probe on the gRPC port,
which serves grpc.health.v1 and follows readiness.
*/}}
{{- define "medgrid-common.probe" -}}
{{- $probe := index .context.Values .name -}}
{{- $custom := index .context.Values (printf "custom%s" (.name | title)) -}}
{{- if $custom }}
{{ .name }}:
  {{- toYaml $custom | nindent 2 }}
{{- else if $probe.enabled }}
{{ .name }}:
  httpGet:
    path: {{ .path }}
    port: http
  {{- toYaml (omit $probe "enabled") | nindent 2 }}
{{- end }}
{{- end -}}

{{- define "medgrid-common.probes" -}}
{{- include "medgrid-common.probe" (dict "context" . "name" "startupProbe" "path" "/health/live") }}
{{- include "medgrid-common.probe" (dict "context" . "name" "livenessProbe" "path" "/health/live") }}
{{- include "medgrid-common.probe" (dict "context" . "name" "readinessProbe" "path" "/health/ready") }}
{{- end -}}
