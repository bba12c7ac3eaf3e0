{{/*
Names. Every template of this library takes the service chart's root context
(`.`), so .Chart is the service chart and .Values its values.
*/}}

{{/* The service name: the chart name unless nameOverride is set. */}}
{{- define "medgrid-common.names.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Fully qualified name, unique per release: "<release>-<name>", or the release
name alone when it already contains the service name (bitnami convention).
*/}}
{{- define "medgrid-common.names.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := include "medgrid-common.names.name" . -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* "<chart>-<version>" for the helm.sh/chart label. */}}
{{- define "medgrid-common.names.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The migration Job's name (fullname is at most 63 characters; keep room for the suffix). */}}
{{- define "medgrid-common.names.migrationJob" -}}
{{- printf "%s-migrate" (include "medgrid-common.names.fullname" . | trunc 55 | trimSuffix "-") -}}
{{- end -}}

{{/* The ServiceAccount the service pods run as. */}}
{{- define "medgrid-common.names.serviceAccount" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "medgrid-common.names.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/*
Renders a named template indented, or nothing at all when it renders only
whitespace (so optional blocks leave no blank lines behind).
Usage: {{- include "medgrid-common.block" (dict "name" "medgrid-common.pod.affinity" "context" . "indent" 6) }}
*/}}
{{- define "medgrid-common.block" -}}
{{- $out := include .name .context | trim -}}
{{- if $out }}{{ $out | nindent .indent }}{{ end -}}
{{- end -}}
