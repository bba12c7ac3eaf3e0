{{- /*
The value path of each of lab-sharing's own environment variables, read by medgrid-common.env.server.
Written by deploy/helm/tools/service-charts.js from deploy/helm/services.json; do not edit.
*/ -}}
{{- define "lab-sharing.settings" -}}
OUTBOX_RELAY_ENABLED: outbox.relayEnabled
TURNAROUND_TARGETS: settings.turnaroundTargets
CLAIM_IDLE_SECONDS: settings.claimIdleSeconds
CRITICAL_VALUE_ACK_SECONDS: settings.criticalValueAckSeconds
SWEEP_INTERVAL_MS: settings.sweepIntervalMs
GAUGE_REFRESH_MS: settings.gaugeRefreshMs
RECOGNITION_GAUGES_REFRESH_MS: settings.recognitionGaugesRefreshMs
RECOGNITION_WINDOW_DAYS: settings.recognitionWindowDays
{{- end -}}
