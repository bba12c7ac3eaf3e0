{{/*
NetworkPolicy of the server pods (component=server). The migration Job's pods are left unselected:
a pre-install hook runs before any object of the release exists, its policy included.

Egress: DNS, PostgreSQL, Kafka, the OTLP collector when traces are exported, the gRPC port of each
MedGrid service this one calls, the port of each URL it fetches once that is set; nothing else unless
allowExternalEgress. Ingress: gRPC from the MedGrid services that call this one, the HTTP port from
Prometheus; ingressNSMatchLabels adds clients of both, allowExternal and allowExternalHttp open one
port to every source. Whom a service calls and is called by is the chart's generated
"<chart>.network" (deploy/helm/tools/service-charts.js, from each <PEER>_GRPC_ADDRESS setting).

A MedGrid peer is selected by its name, component and part-of labels in the release namespace, and
reached on its named port (grpc): a port changed in values never leaves a policy behind. A rule
whose peers would be empty is left out, since a rule without peers admits everyone.
Usage (in a service chart): {{ include "medgrid-common.networkPolicy" . }}
*/}}
{{- define "medgrid-common.networkPolicy" -}}
{{- $np := .Values.networkPolicy -}}
{{- if $np.enabled -}}
{{- $network := include (printf "%s.network" .Chart.Name) . | fromYaml -}}
{{- $tcp := "TCP" -}}

{{- /* Ingress */ -}}
{{- $nsClients := list -}}
{{- with $np.ingressNSMatchLabels }}
{{- $client := dict "namespaceSelector" (dict "matchLabels" .) }}
{{- with $np.ingressNSPodMatchLabels }}{{ $_ := set $client "podSelector" (dict "matchLabels" .) }}{{ end }}
{{- $nsClients = append $nsClients $client }}
{{- end }}
{{- $ingress := list -}}
{{- $grpcPorts := list (dict "port" "grpc" "protocol" $tcp) -}}
{{- if $np.allowExternal }}
{{- $ingress = append $ingress (dict "ports" $grpcPorts) }}
{{- else }}
{{- $callers := $nsClients }}
{{- range $network.calledBy }}
{{- $callers = append $callers (dict "podSelector" (dict "matchLabels" (include "medgrid-common.networkPolicy.serviceLabels" . | fromYaml))) }}
{{- end }}
{{- if $callers }}{{ $ingress = append $ingress (dict "ports" $grpcPorts "from" $callers) }}{{ end }}
{{- end }}
{{- $httpPorts := list (dict "port" "http" "protocol" $tcp) -}}
{{- if $np.allowExternalHttp }}
{{- $ingress = append $ingress (dict "ports" $httpPorts) }}
{{- else }}
{{- $scrapers := concat $nsClients (include "medgrid-common.networkPolicy.peers" $np.metrics | fromYamlArray) }}
{{- if $scrapers }}{{ $ingress = append $ingress (dict "ports" $httpPorts "from" $scrapers) }}{{ end }}
{{- end }}
{{- $ingress = concat $ingress $np.extraIngress -}}

{{- /* Egress */ -}}
{{- $egress := list -}}
{{- if $np.allowExternalEgress }}
{{- $egress = append $egress (dict) }}
{{- else }}
{{- $dns := list (dict "port" 53 "protocol" "UDP") (dict "port" 53 "protocol" $tcp) }}
{{- $egress = append $egress (dict "name" "dns" "peer" $np.dns "ports" $dns) }}
{{- $pgPorts := list }}
{{- range $np.postgresql.ports }}{{ $pgPorts = append $pgPorts (dict "port" (int .) "protocol" $tcp) }}{{ end }}
{{- $egress = append $egress (dict "peer" $np.postgresql "ports" $pgPorts) }}
{{- $kafkaPorts := list }}
{{- $brokerPorts := $np.kafka.ports }}
{{- if not $brokerPorts }}
{{- range include "medgrid-common.values.kafkaBrokers" . | splitList "," }}{{ $brokerPorts = append $brokerPorts (splitList ":" . | last) }}{{ end }}
{{- end }}
{{- range $brokerPorts | uniq }}{{ $kafkaPorts = append $kafkaPorts (dict "port" (int .) "protocol" $tcp) }}{{ end }}
{{- $egress = append $egress (dict "peer" $np.kafka "ports" $kafkaPorts) }}
{{- if eq (include "medgrid-common.values.otelTracesExporter" .) "otlp" }}
{{- $port := include "medgrid-common.networkPolicy.urlPort" (include "medgrid-common.values.otelEndpoint" .) }}
{{- $egress = append $egress (dict "peer" $np.otlp "ports" (list (dict "port" (int $port) "protocol" $tcp))) }}
{{- end }}
{{- $callees := list }}
{{- range $network.calls }}
{{- $callees = append $callees (dict "podSelector" (dict "matchLabels" (include "medgrid-common.networkPolicy.serviceLabels" . | fromYaml))) }}
{{- end }}
{{- if $callees }}{{ $egress = append $egress (dict "rule" (dict "ports" $grpcPorts "to" $callees)) }}{{ end }}
{{- range $network.fetches }}
{{- $url := $.Values }}
{{- range splitList "." . }}{{ if kindIs "map" $url }}{{ $url = get $url . }}{{ else }}{{ $url = "" }}{{ end }}{{ end }}
{{- if $url }}
{{- $port := include "medgrid-common.networkPolicy.urlPort" (toString $url) }}
{{- $anywhere := list (dict "ipBlock" (dict "cidr" "0.0.0.0/0")) (dict "ipBlock" (dict "cidr" "::/0")) }}
{{- $egress = append $egress (dict "rule" (dict "ports" (list (dict "port" (int $port) "protocol" $tcp)) "to" $anywhere)) }}
{{- end }}
{{- end }}
{{- end }}
{{- $egressRules := list -}}
{{- range $egress }}
{{- if hasKey . "rule" }}
{{- $egressRules = append $egressRules .rule }}
{{- else if hasKey . "peer" }}
{{- $to := include "medgrid-common.networkPolicy.peers" .peer | fromYamlArray }}
{{- if and $to .ports }}{{ $egressRules = append $egressRules (dict "ports" .ports "to" $to) }}{{ end }}
{{- else }}
{{- $egressRules = append $egressRules . }}
{{- end }}
{{- end }}
{{- $egressRules = concat $egressRules $np.extraEgress -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "medgrid-common.names.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "medgrid-common.labels.standard" (dict "context" . "component" "server") | nindent 4 }}
  {{- include "medgrid-common.annotations" (dict "context" .) }}
spec:
  podSelector:
    matchLabels:
      {{- include "medgrid-common.labels.matchLabels" (dict "context" . "component" "server") | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    {{- if $ingress }}
    {{- toYaml $ingress | nindent 4 }}
    {{- else }} []
    {{- end }}
  egress:
    {{- if $egressRules }}
    {{- toYaml $egressRules | nindent 4 }}
    {{- else }} []
    {{- end }}
{{- end }}
{{- end -}}

{{/* The labels of a MedGrid service's server pods (any release), as a YAML map: the name is the service's. */}}
{{- define "medgrid-common.networkPolicy.serviceLabels" -}}
app.kubernetes.io/name: {{ . }}
app.kubernetes.io/component: server
app.kubernetes.io/part-of: medgrid
{{- end -}}

{{/*
A peer value (namespaceSelector, podSelector, cidrs) as a YAML list of NetworkPolicyPeers: the pods
of podSelector (null: none) in the namespaces of namespaceSelector (null: the release namespace, {}:
every namespace), then one ipBlock per CIDR. Empty when the peer names nothing.
*/}}
{{- define "medgrid-common.networkPolicy.peers" -}}
{{- $peers := list -}}
{{- if kindIs "map" .podSelector -}}
{{- $peer := dict "podSelector" .podSelector -}}
{{- if kindIs "map" .namespaceSelector }}{{ $_ := set $peer "namespaceSelector" .namespaceSelector }}{{ end -}}
{{- $peers = append $peers $peer -}}
{{- end -}}
{{- range .cidrs }}{{ $peers = append $peers (dict "ipBlock" (dict "cidr" .)) }}{{ end -}}
{{- toYaml $peers -}}
{{- end -}}

{{/* The port of a URL: the one it names, else 443 for https and 80 for http. */}}
{{- define "medgrid-common.networkPolicy.urlPort" -}}
{{- $url := urlParse . -}}
{{- if regexMatch ":[0-9]+$" $url.host -}}
{{- regexFind "[0-9]+$" $url.host -}}
{{- else -}}
{{- ternary "443" "80" (eq $url.scheme "https") -}}
{{- end -}}
{{- end -}}
