{{- /*
The value path of each of referral's own environment variables, read by medgrid-common.env.server.
Written by deploy/helm/tools/service-charts.js from deploy/helm/services.json; do not edit.
*/ -}}
{{- define "referral.settings" -}}
OUTBOX_RELAY_ENABLED: outbox.relayEnabled
REFERRAL_DEADLINE_HOURS: settings.deadlineHours
REFERRAL_EXPIRY_DAYS: settings.expiryDays
DEADLINE_SWEEP_MS: settings.deadlineSweepMs
REPORT_REFRESH_MS: settings.reportRefreshMs
WATCH_POLL_MS: settings.watchPollMs
{{- end -}}
