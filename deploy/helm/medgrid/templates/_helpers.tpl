{{/* Names and labels of the umbrella's own resources (infrastructure and observability). */}}

{{- define "medgrid.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Usage: include "medgrid.labels" (dict "context" . "component" "kafka") */}}
{{- define "medgrid.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .context.Chart.Name .context.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ .context.Chart.Name }}
app.kubernetes.io/instance: {{ .context.Release.Name }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/version: {{ .context.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .context.Release.Service }}
app.kubernetes.io/part-of: medgrid
{{- end -}}

{{/* helm.sh/resource-policy: keep, for resources whose deletion deletes data. */}}
{{- define "medgrid.keepAnnotation" -}}
{{- if . }}
  annotations:
    helm.sh/resource-policy: keep
{{- end }}
{{- end -}}

{{/* The Strimzi cluster the KafkaTopics belong to. */}}
{{- define "medgrid.kafkaTopics.clusterName" -}}
{{- default .Values.kafka.clusterName .Values.kafkaTopics.clusterName -}}
{{- end -}}

{{/* A Kubernetes resource name for a Kafka topic: dots become dashes. */}}
{{- define "medgrid.kafkaTopics.resourceName" -}}
{{- . | replace "." "-" | replace "_" "-" | lower | trunc 253 | trimSuffix "-" -}}
{{- end -}}

{{/*
The service charts (their names, space-separated), as deploy/helm/services.json
lists them; Chart.yaml depends on each. Listed here because Helm drops a
disabled dependency from .Chart.Dependencies, and the notes name those too.
*/}}
{{- define "medgrid.services" -}}
registry referral scheduling lab-sharing pharmacy payment gateway
{{- end -}}

{{/* Regex of the enabled services, for selecting their series, e.g. "registry|referral|scheduling". */}}
{{- define "medgrid.enabledServices" -}}
{{- $names := list -}}
{{- range $name := include "medgrid.services" . | splitList " " | compact -}}
{{- if (index $.Values $name).enabled }}{{ $names = append $names $name }}{{ end -}}
{{- end -}}
{{- join "|" $names -}}
{{- end -}}
