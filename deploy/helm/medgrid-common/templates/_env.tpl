{{/*
The server container's environment: every variable the service's config
class validates at boot (libs/platform/config platformEnv, plus the
service's own, medgrid-common.env.settings). A value left empty is not set,
so the service's validated default applies.
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
- name: CONSUMER_MAX_ATTEMPTS
  value: {{ .Values.consumer.maxAttempts | quote }}
- name: CONSUMER_PARTITIONS_CONCURRENTLY
  value: {{ .Values.consumer.partitionsConcurrently | quote }}
- name: CONSUMER_BATCH_SIZE
  value: {{ .Values.consumer.batchSize | quote }}
- name: AUTH_PUBLIC_KEY_FILE
  value: {{ include "medgrid-common.values.authPublicKeyFile" . | quote }}
- name: AUTH_ISSUER
  value: {{ include "medgrid-common.values.authIssuer" . | quote }}
- name: AUTH_AUDIENCE
  value: {{ include "medgrid-common.values.authAudience" . | quote }}
{{- with .Values.grpcTls.existingSecret }}
- name: GRPC_TLS_CERT_FILE
  value: /etc/medgrid/grpc-tls/tls.crt
- name: GRPC_TLS_KEY_FILE
  value: /etc/medgrid/grpc-tls/tls.key
{{- end }}
{{- if .Values.grpcTls.requireClientCertificate }}
{{- if not .Values.grpcTls.existingSecret }}
{{- fail (printf "%s: grpcTls.requireClientCertificate needs grpcTls.existingSecret (the server's certificate and the clients' CA)" .Chart.Name) }}
{{- end }}
- name: GRPC_TLS_CLIENT_CA_FILE
  value: /etc/medgrid/grpc-tls/ca.crt
{{- end }}
{{- with .Values.grpcClientTls.existingSecret }}
- name: GRPC_CLIENT_TLS_CA_FILE
  value: /etc/medgrid/grpc-client-tls/ca.crt
- name: GRPC_CLIENT_TLS_CERT_FILE
  value: /etc/medgrid/grpc-client-tls/tls.crt
- name: GRPC_CLIENT_TLS_KEY_FILE
  value: /etc/medgrid/grpc-client-tls/tls.key
{{- end }}
- name: LOG_LEVEL
  value: {{ .Values.logLevel | quote }}
- name: OTEL_TRACES_EXPORTER
  value: {{ include "medgrid-common.values.otelTracesExporter" . | quote }}
{{- with include "medgrid-common.values.otelEndpoint" . }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- include "medgrid-common.env.settings" . }}
{{- with .Values.extraEnvVars }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/*
The service's own variables (deploy/helm/services.json `values`, e.g.
OUTBOX_RELAY_ENABLED or lab-sharing's CRITICAL_VALUE_ACK_SECONDS), one generic
rule for every service: the chart's generated "<chart>.settings" template maps
each variable to its value path. A value that is null, '' or an empty table is
left out (the service's validated default applies); a whole number is written
without an exponent; a table (an object of objects) is written
`<key>.<key>=<value>`, comma-separated, in key order (TURNAROUND_TARGETS). A
text is rendered as a template, so the umbrella chart can name a peer by the
release (the gateway's "{{ .Release.Name }}-registry:50060").
*/}}
{{- define "medgrid-common.env.settings" -}}
{{- $settings := include (printf "%s.settings" .Chart.Name) . | fromYaml }}
{{- range $env, $path := $settings }}
{{- $value := $.Values }}
{{- range splitList "." $path }}
{{- if kindIs "map" $value }}{{ $value = get $value . }}{{ else }}{{ $value = "" }}{{ end }}
{{- end }}
{{- $text := include "medgrid-common.env.settingText" (dict "value" $value "prefix" "" "root" $) }}
{{- if ne $text "" }}
- name: {{ $env }}
  value: {{ $text | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/* One setting's value as its variable's text (see above); a table's cells recursively. */}}
{{- define "medgrid-common.env.settingText" -}}
{{- $value := .value }}
{{- if kindIs "map" $value }}
{{- $cells := list }}
{{- range $key := keys $value | sortAlpha }}
{{- $cell := get $value $key }}
{{- if kindIs "map" $cell }}
{{- $text := include "medgrid-common.env.settingText" (dict "value" $cell "prefix" (printf "%s%s." $.prefix $key) "root" $.root) }}
{{- if ne $text "" }}{{ $cells = append $cells $text }}{{ end }}
{{- else }}
{{- $text := include "medgrid-common.env.settingText" (dict "value" $cell "prefix" "" "root" $.root) }}
{{- if ne $text "" }}{{ $cells = append $cells (printf "%s%s=%s" $.prefix $key $text) }}{{ end }}
{{- end }}
{{- end }}
{{- join "," $cells }}
{{- else if kindIs "invalid" $value }}
{{- else if and (kindIs "float64" $value) (eq $value (float64 (int64 $value))) }}
{{- int64 $value }}
{{- else }}
{{- tpl (toString $value) .root }}
{{- end }}
{{- end -}}
