{{/*
The server container's environment: every variable the service's config
class validates at boot (libs/platform/config platformEnv, plus the
service's own, e.g. referral's OUTBOX_RELAY_ENABLED). A value left empty is
not set, so the service's validated default applies.
*/}}
{{- define "medgrid-common.env.server" -}}
- name: NODE_ENV
  value: {{ .Values.nodeEnv | quote }}
- name: GRPC_HOST
  value: {{ .Values.listenAddress | quote }}
- name: GRPC_PORT
  value: {{ .Values.containerPorts.grpc | quote }}
- name: HTTP_HOST
  value: {{ .Values.listenAddress | quote }}
- name: HTTP_PORT
  value: {{ .Values.containerPorts.http | quote }}
{{ include "medgrid-common.env.databaseUrl" . }}
- name: DATABASE_POOL_SIZE
  value: {{ .Values.database.poolSize | quote }}
- name: KAFKA_BROKERS
  value: {{ include "medgrid-common.values.kafkaBrokers" . | quote }}
{{- with .Values.kafka.clientId }}
- name: KAFKA_CLIENT_ID
  value: {{ . | quote }}
{{- end }}
{{- with .Values.kafka.consumerGroup }}
- name: KAFKA_CONSUMER_GROUP
  value: {{ . | quote }}
{{- end }}
- name: OUTBOX_POLL_INTERVAL_MS
  value: {{ .Values.outbox.pollIntervalMs | quote }}
- name: OUTBOX_BATCH_SIZE
  value: {{ .Values.outbox.batchSize | quote }}
{{- if hasKey .Values.outbox "relayEnabled" }}
- name: OUTBOX_RELAY_ENABLED
  value: {{ .Values.outbox.relayEnabled | toString | quote }}
{{- end }}
- name: CONSUMER_MAX_ATTEMPTS
  value: {{ .Values.consumer.maxAttempts | quote }}
- name: CONSUMER_PARTITIONS_CONCURRENTLY
  value: {{ .Values.consumer.partitionsConcurrently | quote }}
- name: AUTH_PUBLIC_KEY_FILE
  value: {{ include "medgrid-common.values.authPublicKeyFile" . | quote }}
- name: AUTH_ISSUER
  value: {{ include "medgrid-common.values.authIssuer" . | quote }}
- name: AUTH_AUDIENCE
  value: {{ include "medgrid-common.values.authAudience" . | quote }}
- name: LOG_LEVEL
  value: {{ .Values.logLevel | quote }}
- name: OTEL_TRACES_EXPORTER
  value: {{ include "medgrid-common.values.otelTracesExporter" . | quote }}
{{- with include "medgrid-common.values.otelEndpoint" . }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- with .Values.extraEnvVars }}
{{ toYaml . }}
{{- end }}
{{- end -}}
