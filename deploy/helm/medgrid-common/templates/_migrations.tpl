{{/*
Schema migrations as a Helm hook Job (no migrationsRun in app replicas:
TypeORM has no cross-replica lock, typeorm#4588). It runs before the new
pods on every install and upgrade, so a new version never serves an old
schema; a failed migration fails the release and leaves the old pods as they
were. Only DATABASE_URL is needed (the migrate entry point reads nothing else).

The Job runs under migrations.serviceAccountName (default: the namespace's
"default" account) because a pre-install hook runs before the chart's own
ServiceAccount exists. It needs no Kubernetes API access.
Usage (in a service chart): {{ include "medgrid-common.migrationJob" . }}
*/}}
{{- define "medgrid-common.migrationJob" -}}
{{- if .Values.migrations.enabled -}}
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ include "medgrid-common.names.migrationJob" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "medgrid-common.labels.standard" (dict "context" . "component" "migrations") | nindent 4 }}
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-weight: {{ .Values.migrations.hookWeight | quote }}
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
    {{- with .Values.commonAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  backoffLimit: {{ .Values.migrations.backoffLimit }}
  activeDeadlineSeconds: {{ .Values.migrations.activeDeadlineSeconds }}
  template:
    metadata:
      labels:
        {{- include "medgrid-common.labels.standard" (dict "context" . "component" "migrations") | nindent 8 }}
        {{- with .Values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- with .Values.migrations.podAnnotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    spec:
      restartPolicy: Never
      {{- with .Values.migrations.serviceAccountName }}
      serviceAccountName: {{ . }}
      {{- end }}
      automountServiceAccountToken: false
      enableServiceLinks: false
      {{- include "medgrid-common.block" (dict "name" "medgrid-common.images.pullSecrets" "context" . "indent" 6) }}
      {{- include "medgrid-common.block" (dict "name" "medgrid-common.pod.securityContext" "context" . "indent" 6) }}
      {{- include "medgrid-common.block" (dict "name" "medgrid-common.pod.scheduling" "context" . "indent" 6) }}
      containers:
        - name: migrate
          image: {{ include "medgrid-common.images.image" . }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          command:
            {{- toYaml .Values.migrations.command | nindent 12 }}
          {{- include "medgrid-common.block" (dict "name" "medgrid-common.container.securityContext" "context" . "indent" 10) }}
          env:
            - name: NODE_ENV
              value: {{ .Values.nodeEnv | quote }}
            {{- include "medgrid-common.env.databaseUrl" . | nindent 12 }}
            {{- with .Values.migrations.extraEnvVars }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          resources:
            {{- toYaml .Values.migrations.resources | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        {{- include "medgrid-common.pod.tmpVolume" . | nindent 8 }}
{{- end }}
{{- end -}}
