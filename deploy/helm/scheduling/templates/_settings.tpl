{{- /*
The value path of each of scheduling's own environment variables, read by medgrid-common.env.server.
Written by deploy/helm/tools/service-charts.js from deploy/helm/services.json; do not edit.
*/ -}}
{{- define "scheduling.settings" -}}
SLOT_RESERVE_FLOOR: settings.slotReserveFloor
BED_RESERVE_FLOOR: settings.bedReserveFloor
RESERVE_RELEASE_LEAD_HOURS: settings.reserveReleaseLeadHours
HOLD_DEFAULT_MINUTES: settings.holdDefaultMinutes
WAITLIST_OFFER_MINUTES: settings.waitlistOfferMinutes
REFERRAL_SEARCH_DAYS: settings.referralSearchDays
SWEEP_INTERVAL_MS: settings.sweepIntervalMs
REPORT_REFRESH_MS: settings.reportRefreshMs
{{- end -}}
