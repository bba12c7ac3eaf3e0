{{/* The image tag: image.tag, or the chart's appVersion when empty. */}}
{{- define "medgrid-common.images.tag" -}}
{{- .Values.image.tag | default .Chart.AppVersion | toString -}}
{{- end -}}

{{/*
The full image reference: [registry/]repository(:tag|@digest).
global.imageRegistry, when set, replaces image.registry for every service.
A digest wins over the tag.
*/}}
{{- define "medgrid-common.images.image" -}}
{{- $registry := .Values.image.registry -}}
{{- with .Values.global }}{{ with .imageRegistry }}{{ $registry = . }}{{ end }}{{ end -}}
{{- $ref := .Values.image.repository -}}
{{- if $registry }}{{ $ref = printf "%s/%s" $registry $ref }}{{ end -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" $ref .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $ref (include "medgrid-common.images.tag" .) -}}
{{- end -}}
{{- end -}}

{{/* imagePullSecrets from global.imagePullSecrets and image.pullSecrets (names). */}}
{{- define "medgrid-common.images.pullSecrets" -}}
{{- $names := list -}}
{{- with .Values.global }}{{ range .imagePullSecrets }}{{ $names = append $names . }}{{ end }}{{ end -}}
{{- range .Values.image.pullSecrets }}{{ $names = append $names . }}{{ end -}}
{{- if $names }}
imagePullSecrets:
{{- range ($names | uniq) }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end -}}
