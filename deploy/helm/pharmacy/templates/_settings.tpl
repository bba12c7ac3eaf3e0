{{- /*
The value path of each of pharmacy's own environment variables, read by medgrid-common.env.server.
Written by deploy/helm/tools/service-charts.js from deploy/helm/services.json; do not edit.
*/ -}}
{{- define "pharmacy.settings" -}}
OUTBOX_RELAY_ENABLED: outbox.relayEnabled
ORDINARY_SUPPLY_MAX_DAYS: settings.ordinarySupplyMaxDays
LONG_PRESCRIPTION_MAX_DAYS: settings.longPrescriptionMaxDays
{{- end -}}
