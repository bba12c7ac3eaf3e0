{{/*
Effective settings: a global.* value (set once in the umbrella chart for all
services) wins over the service's own value when it is not empty.
*/}}

{{- define "medgrid-common.values.global" -}}
{{- $global := .context.Values.global | default dict -}}
{{- $key := .key -}}
{{- $value := "" -}}
{{- with (index $global .section) }}{{ $value = index . $key | default "" }}{{ end -}}
{{- $value -}}
{{- end -}}

{{/* Kafka bootstrap servers as a comma-separated list. */}}
{{- define "medgrid-common.values.kafkaBrokers" -}}
{{- $brokers := .Values.kafka.brokers -}}
{{- with .Values.global }}{{ with .kafka }}{{ with .brokers }}{{ $brokers = . }}{{ end }}{{ end }}{{ end -}}
{{- join "," $brokers -}}
{{- end -}}

{{/*
Where the token issuer's public key comes from: global.auth's Secret or
ConfigMap when either is set (the pair replaces the service's own pair, so
a global ConfigMap does not clash with a service's default Secret), else
the service's auth.publicKeySecret / auth.publicKeyConfigMap.
*/}}
{{- define "medgrid-common.values.authFromGlobal" -}}
{{- if or (include "medgrid-common.values.global" (dict "context" . "section" "auth" "key" "publicKeySecret")) (include "medgrid-common.values.global" (dict "context" . "section" "auth" "key" "publicKeyConfigMap")) -}}
true
{{- end -}}
{{- end -}}

{{- define "medgrid-common.values.authPublicKeySecret" -}}
{{- if include "medgrid-common.values.authFromGlobal" . -}}
{{- include "medgrid-common.values.global" (dict "context" . "section" "auth" "key" "publicKeySecret") -}}
{{- else -}}
{{- .Values.auth.publicKeySecret -}}
{{- end -}}
{{- end -}}

{{- define "medgrid-common.values.authPublicKeyConfigMap" -}}
{{- if include "medgrid-common.values.authFromGlobal" . -}}
{{- include "medgrid-common.values.global" (dict "context" . "section" "auth" "key" "publicKeyConfigMap") -}}
{{- else -}}
{{- .Values.auth.publicKeyConfigMap -}}
{{- end -}}
{{- end -}}

{{- define "medgrid-common.values.authPublicKeyKey" -}}
{{- include "medgrid-common.values.global" (dict "context" . "section" "auth" "key" "publicKeyKey") | default .Values.auth.publicKeyKey -}}
{{- end -}}

{{- define "medgrid-common.values.authIssuer" -}}
{{- include "medgrid-common.values.global" (dict "context" . "section" "auth" "key" "issuer") | default .Values.auth.issuer -}}
{{- end -}}

{{- define "medgrid-common.values.authAudience" -}}
{{- include "medgrid-common.values.global" (dict "context" . "section" "auth" "key" "audience") | default .Values.auth.audience -}}
{{- end -}}

{{- define "medgrid-common.values.otelTracesExporter" -}}
{{- include "medgrid-common.values.global" (dict "context" . "section" "otel" "key" "tracesExporter") | default .Values.otel.tracesExporter -}}
{{- end -}}

{{- define "medgrid-common.values.otelEndpoint" -}}
{{- include "medgrid-common.values.global" (dict "context" . "section" "otel" "key" "otlpEndpoint") | default .Values.otel.otlpEndpoint -}}
{{- end -}}

{{/* The Secret holding DATABASE_URL. */}}
{{- define "medgrid-common.values.databaseSecret" -}}
{{- .Values.database.existingSecret -}}
{{- end -}}

{{/* Where the token issuer's public key is mounted, and the file the service reads. */}}
{{- define "medgrid-common.values.authMountPath" -}}/etc/medgrid/auth{{- end -}}
{{- define "medgrid-common.values.authPublicKeyFile" -}}
{{- printf "%s/%s" (include "medgrid-common.values.authMountPath" .) (include "medgrid-common.values.authPublicKeyKey" .) -}}
{{- end -}}

{{/*
Checks that a JSON schema cannot express (they span global and local
values); a failure stops `helm install/upgrade/template` with the message.
*/}}
{{- define "medgrid-common.validate" -}}
{{- $secret := include "medgrid-common.values.authPublicKeySecret" . -}}
{{- $configMap := include "medgrid-common.values.authPublicKeyConfigMap" . -}}
{{- if and $secret $configMap -}}
{{- fail (printf "%s: set only one of auth.publicKeySecret (%s) and auth.publicKeyConfigMap (%s), including global.auth.*" .Chart.Name $secret $configMap) -}}
{{- end -}}
{{- if not (or $secret $configMap) -}}
{{- fail (printf "%s: the token issuer's public key is required: set auth.publicKeySecret or auth.publicKeyConfigMap (or global.auth.*)" .Chart.Name) -}}
{{- end -}}
{{- if not (include "medgrid-common.values.kafkaBrokers" .) -}}
{{- fail (printf "%s: kafka.brokers (or global.kafka.brokers) must list at least one host:port" .Chart.Name) -}}
{{- end -}}
{{- if and (eq (include "medgrid-common.values.otelTracesExporter" .) "otlp") (not (include "medgrid-common.values.otelEndpoint" .)) -}}
{{- fail (printf "%s: otel.tracesExporter=otlp needs otel.otlpEndpoint (or global.otel.otlpEndpoint), e.g. http://otel-collector:4318" .Chart.Name) -}}
{{- end -}}
{{- end -}}
