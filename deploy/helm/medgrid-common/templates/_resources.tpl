{{/*
Service, ServiceAccount, PodDisruptionBudget, HorizontalPodAutoscaler and
ServiceMonitor of a MedGrid service. Each takes the service chart's root
context: {{ include "medgrid-common.service" . }}
*/}}

{{/*
ClusterIP Service with the gRPC and HTTP ports. gRPC keeps long-lived HTTP/2
connections, so kube-proxy balances connections, not calls: callers with
many calls per connection should balance on the client side or through a mesh.
*/}}
{{- define "medgrid-common.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "medgrid-common.names.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "medgrid-common.labels.standard" (dict "context" . "component" "server") | nindent 4 }}
  {{- include "medgrid-common.annotations" (dict "context" . "extra" .Values.service.annotations) }}
spec:
  type: {{ .Values.service.type }}
  selector:
    {{- include "medgrid-common.labels.matchLabels" (dict "context" . "component" "server") | nindent 4 }}
  ports:
    - name: grpc
      port: {{ .Values.service.ports.grpc }}
      targetPort: grpc
      protocol: TCP
      appProtocol: grpc
    - name: http
      port: {{ .Values.service.ports.http }}
      targetPort: http
      protocol: TCP
      appProtocol: http
{{- end -}}

{{- define "medgrid-common.serviceAccount" -}}
{{- if .Values.serviceAccount.create -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "medgrid-common.names.serviceAccount" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "medgrid-common.labels.standard" (dict "context" . "component" "server") | nindent 4 }}
  {{- include "medgrid-common.annotations" (dict "context" . "extra" .Values.serviceAccount.annotations) }}
automountServiceAccountToken: {{ .Values.serviceAccount.automountServiceAccountToken }}
{{- end -}}
{{- end -}}

{{- define "medgrid-common.pdb" -}}
{{- if .Values.pdb.create -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "medgrid-common.names.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "medgrid-common.labels.standard" (dict "context" . "component" "server") | nindent 4 }}
  {{- include "medgrid-common.annotations" (dict "context" .) }}
spec:
  {{- if not (kindIs "invalid" .Values.pdb.minAvailable) }}
  minAvailable: {{ .Values.pdb.minAvailable }}
  {{- else }}
  maxUnavailable: {{ .Values.pdb.maxUnavailable }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "medgrid-common.labels.matchLabels" (dict "context" . "component" "server") | nindent 6 }}
{{- end -}}
{{- end -}}

{{- define "medgrid-common.hpa" -}}
{{- if .Values.autoscaling.hpa.enabled -}}
{{- $hpa := .Values.autoscaling.hpa -}}
{{- if not (or $hpa.targetCPU $hpa.targetMemory) -}}
{{- fail (printf "%s: autoscaling.hpa.enabled needs targetCPU and/or targetMemory" .Chart.Name) -}}
{{- end -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "medgrid-common.names.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "medgrid-common.labels.standard" (dict "context" . "component" "server") | nindent 4 }}
  {{- include "medgrid-common.annotations" (dict "context" .) }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "medgrid-common.names.fullname" . }}
  minReplicas: {{ $hpa.minReplicas }}
  maxReplicas: {{ $hpa.maxReplicas }}
  metrics:
    {{- with $hpa.targetCPU }}
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ . }}
    {{- end }}
    {{- with $hpa.targetMemory }}
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: {{ . }}
    {{- end }}
{{- end -}}
{{- end -}}

{{/*
Prometheus Operator ServiceMonitor scraping GET /metrics on the http port.
The services already label every series service="<chart name>" (the name
the service passes to runService, which is its chart's name); the relabeling
gives the target (and so `up`) the same label, and jobLabel makes job=<name>,
so alerts and dashboards select every series the same way. part_of="medgrid"
marks the platform's targets: the alerts select `up` by it, never by a
service name another application may also use. scripts/prometheus.sh gives
the local scrape the same labels.
*/}}
{{- define "medgrid-common.serviceMonitor" -}}
{{- $sm := .Values.metrics.serviceMonitor -}}
{{- if $sm.enabled -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "medgrid-common.names.fullname" . }}
  namespace: {{ default .Release.Namespace $sm.namespace }}
  labels:
    {{- include "medgrid-common.labels.standard" (dict "context" . "component" "server") | nindent 4 }}
    {{- with $sm.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- include "medgrid-common.annotations" (dict "context" . "extra" $sm.annotations) }}
spec:
  jobLabel: app.kubernetes.io/name
  selector:
    matchLabels:
      {{- include "medgrid-common.labels.matchLabels" (dict "context" . "component" "server") | nindent 6 }}
  namespaceSelector:
    matchNames:
      - {{ .Release.Namespace }}
  endpoints:
    - port: http
      path: /metrics
      scheme: http
      interval: {{ $sm.interval }}
      {{- with $sm.scrapeTimeout }}
      scrapeTimeout: {{ . }}
      {{- end }}
      honorLabels: {{ $sm.honorLabels }}
      relabelings:
        - action: replace
          targetLabel: service
          replacement: {{ .Chart.Name }}
        - action: replace
          targetLabel: part_of
          replacement: medgrid
        {{- with $sm.relabelings }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- with $sm.metricRelabelings }}
      metricRelabelings:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end -}}
{{- end -}}
