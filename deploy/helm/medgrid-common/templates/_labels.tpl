{{/*
Labels. `component` separates the long-running server pods from the
migration Job's pods: the Service, PDB and ServiceMonitor select
component=server only, so a running migration pod (ready as soon as it
starts, it has no probe) never receives traffic.

Usage: include "medgrid-common.labels.standard" (dict "context" . "component" "server")
*/}}
{{- define "medgrid-common.labels.standard" -}}
{{- $ctx := .context -}}
helm.sh/chart: {{ include "medgrid-common.names.chart" $ctx }}
{{ include "medgrid-common.labels.matchLabels" . }}
app.kubernetes.io/version: {{ include "medgrid-common.images.tag" $ctx | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ $ctx.Release.Service }}
app.kubernetes.io/part-of: medgrid
{{- with $ctx.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Immutable selector labels (Deployment selector, Service, PDB). */}}
{{- define "medgrid-common.labels.matchLabels" -}}
app.kubernetes.io/name: {{ include "medgrid-common.names.name" .context }}
app.kubernetes.io/instance: {{ .context.Release.Name }}
app.kubernetes.io/component: {{ .component | default "server" }}
{{- end -}}

{{/*
metadata.annotations from commonAnnotations plus `extra` (a map), indented
for a metadata block; renders nothing when both are empty.
Usage: {{- include "medgrid-common.annotations" (dict "context" . "extra" .Values.service.annotations) }}
*/}}
{{- define "medgrid-common.annotations" -}}
{{- $all := merge (dict) (.extra | default dict) (.context.Values.commonAnnotations | default dict) -}}
{{- if $all }}
  annotations:
    {{- toYaml $all | nindent 4 }}
{{- end }}
{{- end -}}
