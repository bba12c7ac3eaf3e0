{{/*
Pod building blocks shared by the server Deployment and the migration Job.
*/}}

{{/* Pod-level securityContext (the `enabled` switch is not rendered). */}}
{{- define "medgrid-common.pod.securityContext" -}}
{{- if .Values.podSecurityContext.enabled }}
securityContext:
  {{- toYaml (omit .Values.podSecurityContext "enabled") | nindent 2 }}
{{- end }}
{{- end -}}

{{/* Container-level securityContext. */}}
{{- define "medgrid-common.container.securityContext" -}}
{{- if .Values.containerSecurityContext.enabled }}
securityContext:
  {{- toYaml (omit .Values.containerSecurityContext "enabled") | nindent 2 }}
{{- end }}
{{- end -}}

{{/*
/tmp is the only writable path (the root filesystem is read-only): Node,
OpenTelemetry and pg write temporary files there.
*/}}
{{- define "medgrid-common.pod.tmpVolume" -}}
- name: tmp
  emptyDir:
    {{- with .Values.tmpVolume.sizeLimit }}
    sizeLimit: {{ . }}
    {{- end }}
    {{- with .Values.tmpVolume.medium }}
    medium: {{ . }}
    {{- end }}
{{- end -}}

{{/* The token issuer's public key (PEM), from a Secret or a ConfigMap. */}}
{{- define "medgrid-common.pod.authVolume" -}}
{{- $key := include "medgrid-common.values.authPublicKeyKey" . -}}
- name: auth-public-key
  {{- with include "medgrid-common.values.authPublicKeySecret" . }}
  secret:
    secretName: {{ . }}
    defaultMode: 292 # 0444: read-only for everyone (decimal, so YAML 1.1 and 1.2 parsers agree)
    items:
      - key: {{ $key }}
        path: {{ $key }}
  {{- else }}
  configMap:
    name: {{ include "medgrid-common.values.authPublicKeyConfigMap" . }}
    defaultMode: 292 # 0444: read-only for everyone (decimal, so YAML 1.1 and 1.2 parsers agree)
    items:
      - key: {{ $key }}
        path: {{ $key }}
  {{- end }}
{{- end -}}

{{/* The gRPC TLS Secrets (grpcTls, grpcClientTls), when set: volumes and their read-only mounts. */}}
{{- define "medgrid-common.pod.grpcTlsVolumes" -}}
{{- with .Values.grpcTls.existingSecret }}
- name: grpc-tls
  secret:
    secretName: {{ . }}
    defaultMode: 288 # 0440: the service's group only (decimal, so YAML 1.1 and 1.2 parsers agree)
{{- end }}
{{- with .Values.grpcClientTls.existingSecret }}
- name: grpc-client-tls
  secret:
    secretName: {{ . }}
    defaultMode: 288
{{- end }}
{{- end -}}

{{- define "medgrid-common.pod.grpcTlsMounts" -}}
{{- if .Values.grpcTls.existingSecret }}
- name: grpc-tls
  mountPath: /etc/medgrid/grpc-tls
  readOnly: true
{{- end }}
{{- if .Values.grpcClientTls.existingSecret }}
- name: grpc-client-tls
  mountPath: /etc/medgrid/grpc-client-tls
  readOnly: true
{{- end }}
{{- end -}}

{{/* DATABASE_URL from the operator-created Secret: never a plain value. */}}
{{- define "medgrid-common.env.databaseUrl" -}}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "medgrid-common.values.databaseSecret" . }}
      key: {{ .Values.database.existingSecretKey }}
{{- end -}}

{{/*
Pod anti-affinity preset: "soft" prefers spreading replicas across nodes,
"hard" requires it, "" leaves it to .Values.affinity. An explicit
.Values.affinity replaces the preset.
*/}}
{{- define "medgrid-common.pod.affinity" -}}
{{- if .Values.affinity }}
affinity:
  {{- toYaml .Values.affinity | nindent 2 }}
{{- else if .Values.podAntiAffinityPreset }}
{{- $term := dict "topologyKey" "kubernetes.io/hostname" "labelSelector" (dict "matchLabels" (include "medgrid-common.labels.matchLabels" (dict "context" . "component" "server") | fromYaml)) }}
affinity:
  podAntiAffinity:
    {{- if eq .Values.podAntiAffinityPreset "hard" }}
    requiredDuringSchedulingIgnoredDuringExecution:
      - {{- toYaml $term | nindent 8 }}
    {{- else }}
    preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 1
        podAffinityTerm:
          {{- toYaml $term | nindent 10 }}
    {{- end }}
{{- end }}
{{- end -}}

{{/* nodeSelector, tolerations, priorityClassName (shared by server and Job pods). */}}
{{- define "medgrid-common.pod.scheduling" -}}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.priorityClassName }}
priorityClassName: {{ . }}
{{- end }}
{{- end -}}
