{{- /*
The value path of each of gateway's own environment variables, read by medgrid-common.env.server.
Written by deploy/helm/tools/service-charts.js from deploy/helm/services.json; do not edit.
*/ -}}
{{- define "gateway.settings" -}}
OUTBOX_RELAY_ENABLED: outbox.relayEnabled
AUTH_SIGNING_KEY_FILE: settings.signingKeyFile
CSRF_SECRET_FILE: settings.csrfSecretFile
SERVICE_TOKEN_TTL_SECONDS: settings.serviceTokenTtlSeconds
REGISTRY_GRPC_ADDRESS: settings.registryAddress
REFERRAL_GRPC_ADDRESS: settings.referralAddress
SCHEDULING_GRPC_ADDRESS: settings.schedulingAddress
LAB_SHARING_GRPC_ADDRESS: settings.labSharingAddress
PHARMACY_GRPC_ADDRESS: settings.pharmacyAddress
PAYMENT_GRPC_ADDRESS: settings.paymentAddress
SESSION_IDLE_MINUTES: settings.sessionIdleMinutes
SESSION_ABSOLUTE_MINUTES: settings.sessionAbsoluteMinutes
LOCKOUT_MAX_FAILURES: settings.lockoutMaxFailures
LOCKOUT_MINUTES: settings.lockoutMinutes
COOKIE_SECURE: settings.cookieSecure
TRUST_PROXY: settings.trustProxy
RATE_LIMIT_PER_MINUTE: settings.rateLimitPerMinute
PASSWORD_HASH_MEMORY_KIB: settings.passwordHashMemoryKib
OIDC_ISSUER_URL: settings.oidcIssuerUrl
OIDC_CLIENT_ID: settings.oidcClientId
OIDC_CLIENT_SECRET: settings.oidcClientSecret
OIDC_REDIRECT_URI: settings.oidcRedirectUri
{{- end -}}
