{{/* NOTES.txt body of a service chart. */}}
{{- define "medgrid-common.notes" -}}
{{- $fullname := include "medgrid-common.names.fullname" . -}}
{{ .Chart.Name }} {{ include "medgrid-common.images.tag" . }} ({{ include "medgrid-common.images.image" . }})

gRPC:  {{ $fullname }}.{{ .Release.Namespace }}.svc:{{ .Values.service.ports.grpc }}  (reflection and grpc.health.v1)
HTTP:  {{ $fullname }}.{{ .Release.Namespace }}.svc:{{ .Values.service.ports.http }}  (/health/live, /health/ready, /metrics)

Needs, before the first install (the migration Job and the pods fail without them):
  - Secret "{{ include "medgrid-common.values.databaseSecret" . }}" with key {{ .Values.database.existingSecretKey }} (postgres://user:password@host:5432/{{ .Chart.Name }})
{{- with include "medgrid-common.values.authPublicKeySecret" . }}
  - Secret "{{ . }}" with key {{ include "medgrid-common.values.authPublicKeyKey" $ }} (the token issuer's ES256 public key, PEM)
{{- else }}
  - ConfigMap "{{ include "medgrid-common.values.authPublicKeyConfigMap" . }}" with key {{ include "medgrid-common.values.authPublicKeyKey" . }} (the token issuer's ES256 public key, PEM)
{{- end }}
  - Kafka at {{ include "medgrid-common.values.kafkaBrokers" . }} with the platform topics

Watch the rollout:
  kubectl -n {{ .Release.Namespace }} rollout status deployment/{{ $fullname }}
{{- if .Values.migrations.enabled }}
A failed migration leaves its Job for inspection:
  kubectl -n {{ .Release.Namespace }} logs job/{{ include "medgrid-common.names.migrationJob" . }}
{{- end }}
{{- end -}}
