{{/*
The service's Deployment: one container running `node services/<name>/dist/main.js`
(gRPC + HTTP health/metrics + Kafka relay/consumer in one process).
Usage (in a service chart): {{ include "medgrid-common.deployment" . }}
*/}}
{{- define "medgrid-common.deployment" -}}
{{- include "medgrid-common.validate" . -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "medgrid-common.names.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "medgrid-common.labels.standard" (dict "context" . "component" "server") | nindent 4 }}
  {{- include "medgrid-common.annotations" (dict "context" .) }}
spec:
  {{- if not .Values.autoscaling.hpa.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: {{ .Values.revisionHistoryLimit }}
  {{- with .Values.updateStrategy }}
  strategy:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "medgrid-common.labels.matchLabels" (dict "context" . "component" "server") | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "medgrid-common.labels.standard" (dict "context" . "component" "server") | nindent 8 }}
        {{- with .Values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- with .Values.podAnnotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    spec:
      serviceAccountName: {{ include "medgrid-common.names.serviceAccount" . }}
      automountServiceAccountToken: {{ .Values.serviceAccount.automountServiceAccountToken }}
      enableServiceLinks: false
      terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}
      {{- include "medgrid-common.block" (dict "name" "medgrid-common.images.pullSecrets" "context" . "indent" 6) }}
      {{- include "medgrid-common.block" (dict "name" "medgrid-common.pod.securityContext" "context" . "indent" 6) }}
      {{- include "medgrid-common.block" (dict "name" "medgrid-common.pod.affinity" "context" . "indent" 6) }}
      {{- include "medgrid-common.block" (dict "name" "medgrid-common.pod.scheduling" "context" . "indent" 6) }}
      {{- with .Values.topologySpreadConstraints }}
      topologySpreadConstraints:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ include "medgrid-common.names.name" . }}
          image: {{ include "medgrid-common.images.image" . }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          command:
            {{- toYaml .Values.command | nindent 12 }}
          {{- with .Values.args }}
          args:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          {{- include "medgrid-common.block" (dict "name" "medgrid-common.container.securityContext" "context" . "indent" 10) }}
          ports:
            - name: grpc
              containerPort: {{ .Values.containerPorts.grpc }}
              protocol: TCP
            - name: http
              containerPort: {{ .Values.containerPorts.http }}
              protocol: TCP
          env:
            {{- include "medgrid-common.env.server" . | nindent 12 }}
          {{- include "medgrid-common.block" (dict "name" "medgrid-common.probes" "context" . "indent" 10) }}
          {{- with .Values.lifecycleHooks }}
          lifecycle:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            - name: auth-public-key
              mountPath: {{ include "medgrid-common.values.authMountPath" . }}
              readOnly: true
            {{- include "medgrid-common.pod.grpcTlsMounts" . | nindent 12 }}
            {{- with .Values.extraVolumeMounts }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
      volumes:
        {{- include "medgrid-common.pod.tmpVolume" . | nindent 8 }}
        {{- include "medgrid-common.pod.authVolume" . | nindent 8 }}
        {{- include "medgrid-common.pod.grpcTlsVolumes" . | nindent 8 }}
        {{- with .Values.extraVolumes }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
{{- end -}}
