// The service charts (deploy/helm/<service>/), generated. Every service chart
// takes the same values and renders the same objects through the library chart
// (deploy/helm/medgrid-common); only its name, ports, image, command and a few
// values of its own differ. So a service chart is written from two things:
//
//   - SHARED below: every value a service chart takes, each with its default,
//     its `## @param` documentation and its JSON schema side by side, so a
//     value can be neither undocumented nor untyped;
//   - the service's entry in deploy/helm/services.json: name, ports, the
//     Chart.yaml text, and the service's own settings (outbox.relayEnabled,
//     lab-sharing's settings.criticalValueAckSeconds...), each with the
//     environment variable it becomes, its default, documentation and schema,
//     and its own defaults of shared values (`defaults`: the gateway mounts
//     its signing key and CSRF secret through extraVolumes by default).
//     Besides values.yaml and values.schema.json, they give the chart's
//     README.md and templates/_settings.tpl, the map from each variable to its
//     value that medgrid-common.env.settings renders.
//
//   node deploy/helm/tools/service-charts.js           write every service chart
//   node deploy/helm/tools/service-charts.js --check   fail when a chart differs from what
//                                                      would be written (scripts/helm-check.sh)
//
// CommonJS without dependencies, so scripts/helm-check.sh runs it with plain
// node, validate-manifests.mjs imports it, and the Nx service generator
// (tools/generators) writes a new service's chart with it.
'use strict';

const { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const SERVICES_FILE = 'deploy/helm/services.json';
const GENERATOR = 'deploy/helm/tools/service-charts.js';
const WIDTH = 110; // Prettier's printWidth for deploy/helm

// ---- the definition language ----------------------------------------------------------------
/** A `## @section` of values.yaml (top level only), with optional note lines under its title. */
const section = (title, ...notes) => ({ kind: 'section', title, notes });
/** A value: its key, `@param` documentation, default and JSON schema. */
const value = (key, doc, dflt, schema) => ({ kind: 'value', key, doc, value: dflt, schema });
/**
 * An object of values, documented value by value. `schema` holds the object's own keywords
 * (type, description, additionalProperties, required); its properties come from the children.
 */
const group = (key, schema, children) => ({ kind: 'group', key, schema, children });
/** An empty line between two values of a section. */
const blank = { kind: 'blank' };
/** A property the schema allows that values.yaml does not set (e.g. seccompProfile.localhostProfile). */
const schemaOnly = (key, schema) => ({ kind: 'schemaOnly', key, schema });

const str = (description, extra = {}) => ({ type: 'string', description, ...extra });
/** A string that must be one of `values`; a property of an object schema may go without a description. */
const choice = (values, description) => ({
  type: 'string',
  enum: values,
  ...(description === undefined ? {} : { description }),
});
const bool = (description) => ({ type: 'boolean', description });
const int = (description, extra = {}) => ({ type: 'integer', description, ...extra });
const strMap = (description) => ({ type: 'object', description, additionalProperties: { type: 'string' } });
const nonEmptyStrings = (description, extra = {}) => ({
  type: 'array',
  description,
  items: { type: 'string', minLength: 1 },
  ...extra,
});
const objects = (description, items = { type: 'object' }) => ({ type: 'array', description, items });
const object = (description) => ({ type: 'object', description });
const envVars = (description) =>
  objects(description, {
    type: 'object',
    required: ['name'],
    properties: { name: { type: 'string', minLength: 1 } },
  });
const brokerPattern = '^[^\\s:,]+:[0-9]{1,5}$';
const urlPattern = '^(https?://[^\\s]+)?$';
const quantities = (description) => ({
  type: 'object',
  description,
  properties: {
    requests: {
      type: 'object',
      description: 'Requested cpu/memory',
      additionalProperties: { type: ['string', 'number'] },
    },
    limits: {
      type: 'object',
      description: 'cpu/memory limits',
      additionalProperties: { type: ['string', 'number'] },
    },
  },
  additionalProperties: false,
});
const countOrPercent = [
  { type: 'integer', minimum: 0 },
  { type: 'string', pattern: '^[0-9]+%$' },
];
const portList = (description, extra = {}) => ({
  type: 'array',
  description,
  items: { type: 'integer', minimum: 1, maximum: 65535 },
  ...extra,
});
/** A LabelSelector, or null (a namespaceSelector's null: the release namespace). */
const labelSelector = (description) => ({
  type: ['object', 'null'],
  description,
  properties: {
    matchLabels: { type: 'object', additionalProperties: { type: 'string' } },
    matchExpressions: objects('Label selector requirements', {
      type: 'object',
      required: ['key', 'operator'],
      properties: {
        key: { type: 'string', minLength: 1 },
        operator: choice(['In', 'NotIn', 'Exists', 'DoesNotExist']),
        values: { type: 'array', items: { type: 'string' } },
      },
      additionalProperties: false,
    }),
  },
  additionalProperties: false,
});
const cidrPattern = '^[0-9a-fA-F.:]+/[0-9]{1,3}$';
/**
 * A destination or source of the network policy, as NetworkPolicyPeers: pods (podSelector) in
 * namespaces (namespaceSelector: null the release namespace, {} every namespace) and addresses
 * outside the cluster (cidrs, each an ipBlock). podSelector null and no cidrs: none at all.
 */
const networkPeer = (key, what, selectors, ...extra) =>
  group(key, { type: 'object', description: `Network peer: ${what}`, additionalProperties: false }, [
    value(
      'namespaceSelector',
      `Namespaces of ${what} (null: the release namespace; {}: every namespace)`,
      selectors.namespaceSelector,
      labelSelector('Namespace selector (null: the release namespace)'),
    ),
    value(
      'podSelector',
      `Pods of ${what}${selectors.note ? `; the default selects ${selectors.note}` : ''} (null: none, only the cidrs)`,
      selectors.podSelector,
      labelSelector('Pod selector (null: no pod)'),
    ),
    value('cidrs', `CIDRs of ${what} outside the cluster (ipBlocks), e.g. a managed service`, [], {
      type: 'array',
      description: 'ipBlock CIDRs',
      items: { type: 'string', pattern: cidrPattern },
    }),
    ...extra,
  ]);
const seccomp = (doc) =>
  group('seccompProfile', { type: 'object', additionalProperties: false }, [
    value('type', doc, 'RuntimeDefault', choice(['RuntimeDefault', 'Localhost', 'Unconfined'])),
    schemaOnly('localhostProfile', { type: 'string', description: 'Profile path' }),
  ]);
const probe = (name, what, docs) =>
  group(`${name}Probe`, { type: 'object', description: what, additionalProperties: false }, [
    value('enabled', docs.enabled, true, bool(`Render the ${name} probe`)),
    value('initialDelaySeconds', docs.initialDelaySeconds, 0, int('Initial delay', { minimum: 0 })),
    value('periodSeconds', docs.periodSeconds, docs.period, int('Period', { minimum: 1 })),
    value('timeoutSeconds', docs.timeoutSeconds, docs.timeout, int('Timeout', { minimum: 1 })),
    value(
      'failureThreshold',
      docs.failureThreshold,
      docs.failures,
      int('Failures tolerated', { minimum: 1 }),
    ),
    value('successThreshold', docs.successThreshold, 1, int('Successes needed', { minimum: 1 })),
  ]);

// ---- SHARED: the values of every service chart ------------------------------------------------
/** @param {ServiceEntry} svc */
function shared(svc) {
  const { name } = svc;
  const { grpc, http } = svc.ports;
  return [
    section(
      'Global parameters',
      'Set once in the umbrella chart (deploy/helm/medgrid) for every service; a',
      "non-empty global value wins over the service's own value.",
    ),
    group(
      'global',
      {
        type: 'object',
        description:
          "Values shared with every chart of the umbrella; non-empty ones win over the service's own",
        additionalProperties: true,
      },
      [
        value(
          'imageRegistry',
          'Registry host that replaces image.registry of every service',
          '',
          str('Registry host replacing image.registry'),
        ),
        value(
          'imagePullSecrets',
          'Names of existing image pull Secrets added to every pod',
          [],
          nonEmptyStrings('Image pull Secret names for every pod'),
        ),
        group('kafka', { type: 'object', additionalProperties: true }, [
          value('brokers', 'Kafka bootstrap servers (host:port) for every service', [], {
            type: 'array',
            description: 'Kafka bootstrap servers',
            items: { type: 'string', pattern: brokerPattern },
          }),
        ]),
        group('auth', { type: 'object', additionalProperties: true }, [
          value(
            'publicKeySecret',
            "Secret holding the token issuer's public key, for every service (with publicKeyConfigMap, replaces each service's own auth.publicKey* pair)",
            '',
            str('Secret with the issuer public key'),
          ),
          value(
            'publicKeyConfigMap',
            "ConfigMap holding the token issuer's public key, for every service",
            '',
            str('ConfigMap with the issuer public key'),
          ),
          value(
            'publicKeyKey',
            'Key of the PEM in that Secret or ConfigMap, for every service',
            '',
            str('Key of the PEM'),
          ),
          value('issuer', 'Expected token issuer (iss), for every service', '', str('Expected issuer')),
          value('audience', 'Expected token audience (aud), for every service', '', str('Expected audience')),
        ]),
        group('otel', { type: 'object', additionalProperties: true }, [
          value(
            'tracesExporter',
            'Trace exporter for every service (otlp, console or none)',
            '',
            choice(['', 'otlp', 'console', 'none'], 'Trace exporter'),
          ),
          value('otlpEndpoint', 'OTLP/HTTP collector base URL for every service', '', {
            type: 'string',
            pattern: urlPattern,
            description: 'OTLP/HTTP base URL',
          }),
        ]),
      ],
    ),

    section('Common parameters'),
    value(
      'enabled',
      `Read only by the umbrella chart (condition ${name}.enabled); ignored here`,
      true,
      bool("Read by the umbrella chart's condition"),
    ),
    schemaOnly(
      'medgrid-common',
      object('Values scope Helm gives the library chart dependency (the library reads none)'),
    ),
    value(
      'nameOverride',
      'Replaces the chart name in resource names and the app.kubernetes.io/name label',
      '',
      str('Replaces the chart name'),
    ),
    value(
      'fullnameOverride',
      'Replaces the whole "<release>-<name>" resource name',
      '',
      str('Replaces the full resource name'),
    ),
    value('commonLabels', 'Labels added to every resource and pod', {}, strMap('Labels on every resource')),
    value(
      'commonAnnotations',
      'Annotations added to every resource',
      {},
      strMap('Annotations on every resource'),
    ),

    section('Image and process'),
    group(
      'image',
      {
        type: 'object',
        description: 'Server and migration image',
        additionalProperties: false,
        required: ['repository', 'pullPolicy'],
      },
      [
        value(
          'registry',
          'Image registry host (no real registry is assumed: set yours)',
          'registry.example',
          str('Image registry host'),
        ),
        value('repository', 'Image repository', `medgrid/${name}`, str('Image repository', { minLength: 1 })),
        value(
          'tag',
          "Image tag (defaults to the chart's appVersion)",
          '',
          str('Image tag (empty: appVersion)'),
        ),
        value(
          'digest',
          'Image digest (sha256:...); wins over the tag when set',
          '',
          str('Image digest', { pattern: '^(sha256:[a-f0-9]{64})?$' }),
        ),
        value(
          'pullPolicy',
          'Image pull policy',
          'IfNotPresent',
          choice(['Always', 'IfNotPresent', 'Never'], 'Image pull policy'),
        ),
        value(
          'pullSecrets',
          'Names of existing image pull Secrets',
          [],
          nonEmptyStrings('Image pull Secret names'),
        ),
      ],
    ),
    blank,
    value(
      'command',
      "Server command (the image's working directory is the monorepo root)",
      ['node', `services/${name}/dist/main.js`],
      nonEmptyStrings('Server command', { minItems: 1 }),
    ),
    value('args', 'Extra arguments to the server command', [], nonEmptyStrings('Extra server arguments')),
    value(
      'nodeEnv',
      'NODE_ENV (development, test or production)',
      'production',
      choice(['development', 'test', 'production'], 'NODE_ENV'),
    ),
    value(
      'logLevel',
      'LOG_LEVEL (fatal, error, warn, info, debug, trace or silent)',
      'info',
      choice(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'LOG_LEVEL'),
    ),
    value(
      'listenAddress',
      'GRPC_HOST and HTTP_HOST: address the servers bind in the pod ("::" for IPv6-only clusters)',
      '0.0.0.0',
      str('GRPC_HOST and HTTP_HOST', { minLength: 1 }),
    ),
    group(
      'containerPorts',
      {
        type: 'object',
        description: 'Container ports',
        additionalProperties: false,
        required: ['grpc', 'http'],
      },
      [
        value(
          'grpc',
          'GRPC_PORT: gRPC port in the container',
          grpc,
          int('GRPC_PORT', { minimum: 1, maximum: 65535 }),
        ),
        value(
          'http',
          'HTTP_PORT: health and metrics port in the container',
          http,
          int('HTTP_PORT', { minimum: 1, maximum: 65535 }),
        ),
      ],
    ),
    value(
      'extraEnvVars',
      'Extra environment variables for the server container (list of EnvVar)',
      [],
      envVars('Extra EnvVars of the server container'),
    ),

    section('Database (PostgreSQL)'),
    group(
      'database',
      {
        type: 'object',
        description: 'PostgreSQL connection (from an existing Secret only)',
        additionalProperties: false,
        required: ['existingSecret', 'existingSecretKey'],
      },
      [
        value(
          'existingSecret',
          'Existing Secret with the connection URL (created by the operator, never by this chart)',
          `medgrid-${name}-database`,
          str('Secret with the database URL', { minLength: 1 }),
        ),
        value(
          'existingSecretKey',
          'Key in database.existingSecret holding postgres://user:password@host:port/database',
          'DATABASE_URL',
          str('Key holding the URL', { minLength: 1 }),
        ),
        value(
          'poolSize',
          'DATABASE_POOL_SIZE: connections per pod (1-200)',
          10,
          int('DATABASE_POOL_SIZE', { minimum: 1, maximum: 200 }),
        ),
      ],
    ),

    section('Kafka and events'),
    group(
      'kafka',
      { type: 'object', description: 'Kafka client', additionalProperties: false, required: ['brokers'] },
      [
        value(
          'brokers',
          "KAFKA_BROKERS: bootstrap servers (host:port); the default is the umbrella's Strimzi cluster",
          ['medgrid-kafka-bootstrap:9092'],
          {
            type: 'array',
            description: 'KAFKA_BROKERS',
            items: { type: 'string', pattern: brokerPattern },
            minItems: 1,
          },
        ),
        value('clientId', "KAFKA_CLIENT_ID (empty: the service's default)", '', str('KAFKA_CLIENT_ID')),
        value(
          'consumerGroup',
          'KAFKA_CONSUMER_GROUP (empty: the service name)',
          '',
          str('KAFKA_CONSUMER_GROUP'),
        ),
      ],
    ),
    group(
      'outbox',
      { type: 'object', description: 'Transactional outbox relay', additionalProperties: false },
      [
        value(
          'pollIntervalMs',
          'OUTBOX_POLL_INTERVAL_MS: relay poll interval (10-60000)',
          200,
          int('OUTBOX_POLL_INTERVAL_MS', { minimum: 10, maximum: 60000 }),
        ),
        value(
          'batchSize',
          'OUTBOX_BATCH_SIZE: events published per relay batch (1-1000)',
          100,
          int('OUTBOX_BATCH_SIZE', { minimum: 1, maximum: 1000 }),
        ),
      ],
    ),
    group('consumer', { type: 'object', description: 'Event consumer', additionalProperties: false }, [
      value(
        'maxAttempts',
        'CONSUMER_MAX_ATTEMPTS: tries before an event goes to its .dlt topic (1-100; 10 wait about 26 s)',
        10,
        int('CONSUMER_MAX_ATTEMPTS', { minimum: 1, maximum: 100 }),
      ),
      value(
        'partitionsConcurrently',
        'CONSUMER_PARTITIONS_CONCURRENTLY: partitions applied at once, in order within each (1-64)',
        4,
        int('CONSUMER_PARTITIONS_CONCURRENTLY', { minimum: 1, maximum: 64 }),
      ),
      value(
        'batchSize',
        'CONSUMER_BATCH_SIZE: most events of a partition applied in one transaction (1-500)',
        32,
        int('CONSUMER_BATCH_SIZE', { minimum: 1, maximum: 500 }),
      ),
    ]),

    section('Authentication (JWT)'),
    group('auth', { type: 'object', description: 'JWT verification', additionalProperties: false }, [
      value(
        'publicKeySecret',
        "Existing Secret with the token issuer's ES256 public key (PEM), mounted read-only",
        'medgrid-auth-public-key',
        str('Secret with the issuer public key'),
      ),
      value(
        'publicKeyConfigMap',
        'Existing ConfigMap with the public key instead (set publicKeySecret to "" then)',
        '',
        str('ConfigMap with the issuer public key'),
      ),
      value(
        'publicKeyKey',
        'Key of the PEM in the Secret or ConfigMap (AUTH_PUBLIC_KEY_FILE points at it)',
        'public.pem',
        str('Key of the PEM', { minLength: 1, pattern: '^[-._a-zA-Z0-9]+$' }),
      ),
      value(
        'issuer',
        'AUTH_ISSUER: expected token issuer (iss)',
        'medgrid',
        str('AUTH_ISSUER', { minLength: 1 }),
      ),
      value(
        'audience',
        'AUTH_AUDIENCE: expected token audience (aud)',
        'medgrid',
        str('AUTH_AUDIENCE', { minLength: 1 }),
      ),
    ]),

    section('gRPC over TLS'),
    group('grpcTls', { type: 'object', description: 'TLS on the gRPC port', additionalProperties: false }, [
      value(
        'existingSecret',
        "Existing Secret (tls.crt, tls.key and, for client certificates, ca.crt: cert-manager's layout) mounted at /etc/medgrid/grpc-tls; sets GRPC_TLS_CERT_FILE and GRPC_TLS_KEY_FILE. Empty: plaintext",
        '',
        str('Secret with the gRPC server certificate'),
      ),
      value(
        'requireClientCertificate',
        "Mutual TLS: GRPC_TLS_CLIENT_CA_FILE is the Secret's ca.crt; every client presents a certificate of that CA naming its institution (urn:medgrid:institution:<id>) or a platform component (urn:medgrid:platform:<name>) in its subjectAltName, and every call's token must act for that institution (needs existingSecret)",
        false,
        bool('GRPC_TLS_CLIENT_CA_FILE from the Secret'),
      ),
    ]),
    group(
      'grpcClientTls',
      {
        type: 'object',
        description: 'TLS when this service calls others over gRPC',
        additionalProperties: false,
      },
      [
        value(
          'existingSecret',
          'Existing Secret (ca.crt, and tls.crt and tls.key for services that require client certificates) mounted at /etc/medgrid/grpc-client-tls; sets GRPC_CLIENT_TLS_CA_FILE, _CERT_FILE and _KEY_FILE. Empty: plaintext. Only the gateway calls other services',
          '',
          str('Secret with the CA and client certificate'),
        ),
      ],
    ),

    section('Tracing (OpenTelemetry)'),
    group('otel', { type: 'object', description: 'OpenTelemetry traces', additionalProperties: false }, [
      value(
        'tracesExporter',
        'OTEL_TRACES_EXPORTER: otlp, console or none',
        'none',
        choice(['otlp', 'console', 'none'], 'OTEL_TRACES_EXPORTER'),
      ),
      value(
        'otlpEndpoint',
        'OTEL_EXPORTER_OTLP_ENDPOINT: OTLP/HTTP base URL, e.g. http://otel-collector:4318 (required with otlp)',
        '',
        { type: 'string', pattern: urlPattern, description: 'OTEL_EXPORTER_OTLP_ENDPOINT' },
      ),
    ]),

    section('Migrations (Helm pre-install/pre-upgrade hook Job)'),
    group(
      'migrations',
      { type: 'object', description: 'Schema migrations hook Job', additionalProperties: false },
      [
        value(
          'enabled',
          'Run the schema migrations as a hook Job before every install and upgrade',
          true,
          bool('Run the migration hook Job'),
        ),
        value(
          'command',
          'Migration command (exits 0 when the schema is current)',
          ['node', `services/${name}/dist/database/migrate.js`, 'up'],
          nonEmptyStrings('Migration command', { minItems: 1 }),
        ),
        value(
          'hookWeight',
          'Hook weight (lower runs first among pre-install/pre-upgrade hooks)',
          0,
          int('Hook weight'),
        ),
        value(
          'backoffLimit',
          'Retries of a failed migration pod',
          1,
          int('Job retries', { minimum: 0, maximum: 10 }),
        ),
        value(
          'activeDeadlineSeconds',
          'Time limit of the whole Job (a hung migration fails the release)',
          600,
          int('Job time limit', { minimum: 30 }),
        ),
        value(
          'serviceAccountName',
          "ServiceAccount of the Job pod (empty: the namespace default; the chart's own does not exist yet at pre-install)",
          '',
          str('ServiceAccount of the Job pod'),
        ),
        value('podAnnotations', 'Annotations of the Job pod', {}, strMap('Job pod annotations')),
        value(
          'extraEnvVars',
          'Extra environment variables of the Job container',
          [],
          envVars('Extra EnvVars of the Job'),
        ),
        value(
          'resources',
          'Resource requests and limits of the Job container',
          { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
          quantities('Job container resources'),
        ),
      ],
    ),

    section('Deployment'),
    value(
      'replicaCount',
      'Number of server pods (ignored when autoscaling.hpa.enabled)',
      2,
      int('Server pods', { minimum: 0 }),
    ),
    value(
      'revisionHistoryLimit',
      'Old ReplicaSets kept for rollback',
      5,
      int('Old ReplicaSets kept', { minimum: 0 }),
    ),
    value(
      'updateStrategy',
      'Deployment strategy (no pod is taken away before its replacement is ready)',
      { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      {
        type: 'object',
        description: 'Deployment strategy',
        properties: {
          type: choice(['RollingUpdate', 'Recreate']),
          rollingUpdate: {
            type: 'object',
            properties: { maxSurge: { oneOf: countOrPercent }, maxUnavailable: { oneOf: countOrPercent } },
            additionalProperties: false,
          },
        },
        additionalProperties: false,
      },
    ),
    value(
      'terminationGracePeriodSeconds',
      'Time between SIGTERM (the service drains gRPC, the relay and the consumer) and SIGKILL',
      30,
      int('Grace period after SIGTERM', { minimum: 0 }),
    ),
    value(
      'lifecycleHooks',
      'Container lifecycle hooks; the preStop sleep lets endpoints drop the pod before SIGTERM',
      { preStop: { exec: { command: ['sleep', '5'] } } },
      object('Container lifecycle hooks'),
    ),
    value(
      'resources',
      'Resource requests and limits of the server container',
      { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
      quantities('Server container resources'),
    ),
    value('podLabels', 'Extra labels of the pods', {}, strMap('Extra pod labels')),
    value('podAnnotations', 'Extra annotations of the server pods', {}, strMap('Extra pod annotations')),
    value(
      'podAntiAffinityPreset',
      'Spread replicas across nodes: soft, hard or "" (ignored when affinity is set)',
      'soft',
      choice(['', 'soft', 'hard'], 'Anti-affinity preset'),
    ),
    value('affinity', 'Pod affinity (replaces the preset when set)', {}, object('Pod affinity')),
    value('nodeSelector', 'Node labels the pods must run on', {}, strMap('Node selector')),
    value('tolerations', 'Pod tolerations', [], objects('Tolerations')),
    value(
      'topologySpreadConstraints',
      'Pod topology spread constraints',
      [],
      objects('Topology spread constraints'),
    ),
    value('priorityClassName', 'Priority class of the pods', '', str('Priority class')),
    value(
      'extraVolumes',
      'Extra volumes of the server pods',
      [],
      objects('Extra volumes', { type: 'object', required: ['name'] }),
    ),
    value(
      'extraVolumeMounts',
      'Extra volume mounts of the server container',
      [],
      objects('Extra volume mounts', { type: 'object', required: ['name', 'mountPath'] }),
    ),
    group('tmpVolume', { type: 'object', description: '/tmp emptyDir', additionalProperties: false }, [
      value(
        'sizeLimit',
        'Size limit of the /tmp emptyDir (the only writable path)',
        '256Mi',
        str('/tmp size limit', { pattern: '^([0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|k|M|G)?)?$' }),
      ),
      value(
        'medium',
        'emptyDir medium ("" for node disk, Memory for tmpfs counted against the memory limit)',
        '',
        choice(['', 'Memory'], 'emptyDir medium'),
      ),
    ]),

    section('Security'),
    group(
      'podSecurityContext',
      { type: 'object', description: 'Pod securityContext', additionalProperties: false },
      [
        value('enabled', 'Render the pod securityContext', true, bool('Render it')),
        value('runAsNonRoot', 'Refuse to start a container as root', true, bool('Refuse root')),
        value(
          'runAsUser',
          'UID of the pod\'s processes (1000 is the node image\'s "node" user)',
          1000,
          int('UID', { minimum: 0 }),
        ),
        value('runAsGroup', "GID of the pod's processes", 1000, int('GID', { minimum: 0 })),
        value('fsGroup', 'Group owning mounted volumes', 1000, int('Volume group', { minimum: 0 })),
        seccomp('Seccomp profile of the pod'),
      ],
    ),
    group(
      'containerSecurityContext',
      { type: 'object', description: 'Container securityContext', additionalProperties: false },
      [
        value('enabled', 'Render the container securityContext', true, bool('Render it')),
        value('runAsNonRoot', 'Refuse to start the container as root', true, bool('Refuse root')),
        value('runAsUser', 'UID of the container process', 1000, int('UID', { minimum: 0 })),
        value('runAsGroup', 'GID of the container process', 1000, int('GID', { minimum: 0 })),
        value(
          'readOnlyRootFilesystem',
          'Read-only root filesystem (/tmp is an emptyDir)',
          true,
          bool('Read-only root filesystem'),
        ),
        value(
          'allowPrivilegeEscalation',
          'Allow setuid binaries to gain privileges',
          false,
          bool('Allow privilege escalation'),
        ),
        value('privileged', 'Privileged container', false, bool('Privileged')),
        group('capabilities', { type: 'object', additionalProperties: false }, [
          value('drop', 'Linux capabilities dropped', ['ALL'], nonEmptyStrings('Dropped')),
          schemaOnly('add', nonEmptyStrings('Added')),
        ]),
        seccomp('Seccomp profile of the container'),
      ],
    ),
    group(
      'serviceAccount',
      { type: 'object', description: 'ServiceAccount of the server pods', additionalProperties: false },
      [
        value('create', 'Create a ServiceAccount for the server pods', true, bool('Create it')),
        value(
          'name',
          'ServiceAccount name (empty: the fullname when created, "default" otherwise)',
          '',
          str('Name'),
        ),
        value(
          'automountServiceAccountToken',
          'Mount an API token (the service never calls the Kubernetes API)',
          false,
          bool('Mount an API token'),
        ),
        value('annotations', 'ServiceAccount annotations', {}, strMap('Annotations')),
      ],
    ),

    section('Probes (HTTP on the http port; custom*Probe replaces one, e.g. with a grpc probe)'),
    probe('startup', 'Startup probe (GET /health/live)', {
      enabled: 'Startup probe on GET /health/live',
      initialDelaySeconds: 'Startup probe initial delay',
      periodSeconds: 'Startup probe period',
      timeoutSeconds: 'Startup probe timeout',
      failureThreshold: 'Startup probe failures before a restart (period x threshold = boot budget)',
      successThreshold: 'Startup probe successes needed',
      period: 2,
      timeout: 2,
      failures: 30,
    }),
    probe('liveness', 'Liveness probe (GET /health/live)', {
      enabled: 'Liveness probe on GET /health/live (no dependency checks)',
      initialDelaySeconds: 'Liveness probe initial delay',
      periodSeconds: 'Liveness probe period',
      timeoutSeconds: 'Liveness probe timeout',
      failureThreshold: 'Liveness probe failures before a restart',
      successThreshold: 'Liveness probe successes needed (must be 1)',
      period: 10,
      timeout: 2,
      failures: 3,
    }),
    probe('readiness', 'Readiness probe (GET /health/ready)', {
      enabled: 'Readiness probe on GET /health/ready (503 until database, migrations and Kafka are fine)',
      initialDelaySeconds: 'Readiness probe initial delay',
      periodSeconds: 'Readiness probe period',
      timeoutSeconds: 'Readiness probe timeout (the check queries the database)',
      failureThreshold: 'Readiness probe failures before the pod leaves the endpoints',
      successThreshold: 'Readiness probe successes before the pod joins the endpoints',
      period: 5,
      timeout: 3,
      failures: 3,
    }),
    value(
      'customStartupProbe',
      `Replaces the startup probe, e.g. {grpc: {port: ${grpc}}, periodSeconds: 2, failureThreshold: 30}`,
      {},
      object('Replacement startup probe'),
    ),
    value('customLivenessProbe', 'Replaces the liveness probe', {}, object('Replacement liveness probe')),
    value(
      'customReadinessProbe',
      `Replaces the readiness probe, e.g. {grpc: {port: ${grpc}}, periodSeconds: 5}`,
      {},
      object('Replacement readiness probe'),
    ),

    section('Service'),
    group('service', { type: 'object', description: 'Service', additionalProperties: false }, [
      value('type', 'Service type', 'ClusterIP', choice(['ClusterIP', 'NodePort', 'LoadBalancer'])),
      group('ports', { type: 'object', additionalProperties: false, required: ['grpc', 'http'] }, [
        value('grpc', 'Service port for gRPC', grpc, int('gRPC port', { minimum: 1, maximum: 65535 })),
        value(
          'http',
          'Service port for health and metrics',
          http,
          int('HTTP port', { minimum: 1, maximum: 65535 }),
        ),
      ]),
      value('annotations', 'Service annotations', {}, strMap('Annotations')),
    ]),

    section(
      'Network policy',
      'A NetworkPolicy of the server pods: they reach PostgreSQL, Kafka, DNS, the OTLP collector when',
      'traces are exported and the MedGrid services they call over gRPC, nothing else; they accept gRPC',
      'from the services that call them and /metrics from Prometheus (deploy/helm/README.md).',
    ),
    group(
      'networkPolicy',
      { type: 'object', description: 'NetworkPolicy of the server pods', additionalProperties: false },
      [
        value(
          'enabled',
          'Create a NetworkPolicy for the server pods (the migration Job is left unselected)',
          true,
          bool('Create it'),
        ),
        value(
          'allowExternal',
          'Accept gRPC from any source (partner HIS/LIS/PACS behind a load balancer); false: only the MedGrid services that call this one and ingressNSMatchLabels',
          false,
          bool('gRPC from any source'),
        ),
        value(
          'allowExternalHttp',
          "Accept the HTTP port (health, /metrics, the gateway's portal) from any source; false: Prometheus (metrics.*) and ingressNSMatchLabels only",
          false,
          bool('HTTP from any source'),
        ),
        value(
          'allowExternalEgress',
          'Allow every egress (bitnami defaults it to true; here false: only the destinations below)',
          false,
          bool('Egress anywhere'),
        ),
        value(
          'ingressNSMatchLabels',
          "Also accept gRPC and HTTP from pods in namespaces with these labels (e.g. an ingress controller's)",
          {},
          strMap('Namespace labels of extra clients'),
        ),
        value(
          'ingressNSPodMatchLabels',
          'With ingressNSMatchLabels: only from pods with these labels in those namespaces',
          {},
          strMap('Pod labels of extra clients'),
        ),
        value(
          'extraIngress',
          'Extra ingress rules (NetworkPolicyIngressRule list), added as they are',
          [],
          objects('Extra ingress rules'),
        ),
        value(
          'extraEgress',
          'Extra egress rules (NetworkPolicyEgressRule list), added as they are (e.g. an in-cluster OIDC provider)',
          [],
          objects('Extra egress rules'),
        ),
        networkPeer('metrics', 'Prometheus (may scrape the HTTP port)', {
          namespaceSelector: {},
          podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } },
        }),
        networkPeer('dns', 'the cluster DNS (port 53, UDP and TCP)', {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
          podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        }),
        networkPeer(
          'postgresql',
          'PostgreSQL',
          {
            namespaceSelector: null,
            podSelector: { matchLabels: { 'cnpg.io/cluster': 'medgrid-pg' } },
            note: "the umbrella's CloudNativePG cluster (postgresql.clusterName medgrid-pg)",
          },
          value(
            'ports',
            'PostgreSQL ports (the Secret holding DATABASE_URL is not readable by the chart)',
            [5432],
            portList('PostgreSQL ports', { minItems: 1 }),
          ),
        ),
        networkPeer(
          'kafka',
          'the Kafka brokers',
          {
            note: "the umbrella's Strimzi brokers (kafka.clusterName medgrid)",
            namespaceSelector: null,
            podSelector: {
              matchLabels: { 'strimzi.io/cluster': 'medgrid', 'strimzi.io/broker-role': 'true' },
            },
          },
          value(
            'ports',
            'Broker ports (empty: the ports of kafka.brokers, which a Strimzi listener keeps for every broker)',
            [],
            portList('Broker ports'),
          ),
        ),
        networkPeer(
          'otlp',
          'the OpenTelemetry collector (the port of otel.otlpEndpoint, when otel.tracesExporter is otlp)',
          {
            namespaceSelector: {},
            podSelector: { matchLabels: { 'app.kubernetes.io/name': 'opentelemetry-collector' } },
          },
        ),
      ],
    ),

    section('Availability and scaling'),
    group('pdb', { type: 'object', description: 'PodDisruptionBudget', additionalProperties: false }, [
      value('create', 'Create a PodDisruptionBudget for the server pods', true, bool('Create it')),
      value(
        'minAvailable',
        'Pods that must stay up during voluntary disruptions (number or percentage; wins over maxUnavailable)',
        null,
        { oneOf: [{ type: 'null' }, ...countOrPercent], description: 'Minimum available' },
      ),
      value(
        'maxUnavailable',
        'Pods that may be down during voluntary disruptions (number or percentage)',
        1,
        { oneOf: countOrPercent, description: 'Maximum unavailable' },
      ),
    ]),
    group('autoscaling', { type: 'object', description: 'Autoscaling', additionalProperties: false }, [
      group('hpa', { type: 'object', additionalProperties: false }, [
        value(
          'enabled',
          'Create a HorizontalPodAutoscaler (replicaCount is then ignored)',
          false,
          bool('Create it'),
        ),
        value('minReplicas', 'Minimum replicas', 2, int('Minimum', { minimum: 1 })),
        value('maxReplicas', 'Maximum replicas', 6, int('Maximum', { minimum: 1 })),
        value('targetCPU', 'Target average CPU utilisation in percent (null: not a target)', 70, {
          type: ['integer', 'null'],
          minimum: 1,
          maximum: 100,
          description: 'CPU target %',
        }),
        value('targetMemory', 'Target average memory utilisation in percent (null: not a target)', null, {
          type: ['integer', 'null'],
          minimum: 1,
          maximum: 100,
          description: 'Memory target %',
        }),
      ]),
    ]),

    section('Metrics (Prometheus)'),
    group('metrics', { type: 'object', description: 'Prometheus scraping', additionalProperties: false }, [
      group('serviceMonitor', { type: 'object', additionalProperties: false }, [
        value(
          'enabled',
          'Create a Prometheus Operator ServiceMonitor scraping /metrics on the http port',
          false,
          bool('Create it'),
        ),
        value(
          'namespace',
          'Namespace of the ServiceMonitor (empty: the release namespace)',
          '',
          str('Namespace'),
        ),
        value(
          'labels',
          'Extra labels, e.g. the one your Prometheus selects ServiceMonitors by',
          {},
          strMap('Labels'),
        ),
        value('annotations', 'ServiceMonitor annotations', {}, strMap('Annotations')),
        value(
          'interval',
          'Scrape interval',
          '30s',
          str('Scrape interval', { pattern: '^([0-9]+(ms|s|m|h))+$' }),
        ),
        value(
          'scrapeTimeout',
          "Scrape timeout (empty: Prometheus' default)",
          '',
          str('Scrape timeout', { pattern: '^(([0-9]+(ms|s|m|h))+)?$' }),
        ),
        value(
          'honorLabels',
          'Keep the scraped labels when they clash with target labels',
          false,
          bool('Honor scraped labels'),
        ),
        value(
          'relabelings',
          'Extra target relabelings (after the one setting service=<name>)',
          [],
          objects('Target relabelings'),
        ),
        value('metricRelabelings', 'Metric relabelings', [], objects('Metric relabelings')),
      ]),
    ]),
  ];
}

/** The values a chart must be given (the schema's top-level "required"). */
const REQUIRED = ['image', 'command', 'database', 'kafka', 'auth', 'migrations', 'containerPorts'];

/** The one-line templates of every service chart: each calls the library's named template. */
const TEMPLATES = {
  'NOTES.txt': 'medgrid-common.notes',
  'deployment.yaml': 'medgrid-common.deployment',
  'hpa.yaml': 'medgrid-common.hpa',
  'migration-job.yaml': 'medgrid-common.migrationJob',
  'networkpolicy.yaml': 'medgrid-common.networkPolicy',
  'pdb.yaml': 'medgrid-common.pdb',
  'service.yaml': 'medgrid-common.service',
  'serviceaccount.yaml': 'medgrid-common.serviceAccount',
  'servicemonitor.yaml': 'medgrid-common.serviceMonitor',
};

const HELMIGNORE = `# Not packaged into the chart archive.
.DS_Store
.git/
.gitignore
*.swp
*.bak
*.tmp
*.orig
*~
.vscode/
.idea/
`;

// ---- a service's own values -------------------------------------------------------------------
/**
 * @typedef {{ path: string, env: string, doc: string, default: unknown, schema: object }} OwnValue
 *   One of the service's own environment variables (one its config class validates beyond the
 *   platform's), as a chart value. `path` is "<group>.<key>": a shared group (added as its last
 *   value, e.g. outbox.relayEnabled) or a group of the service's own (a "<name> settings" section
 *   at the end, e.g. settings.criticalValueAckSeconds). `env` is the variable the value reaches
 *   the pod as (medgrid-common.env.server renders every one the same way); `default` null, '' or
 *   {} sets nothing, so the service's validated default applies. A table (an object of objects)
 *   is written `<key>.<key>=<value>`, comma-separated, in key order.
 * @typedef {{
 *   name: string,
 *   summary: string,
 *   description: string,
 *   version: string,
 *   appVersion: string,
 *   ports: { grpc: number, http: number },
 *   values?: OwnValue[],
 * }} ServiceEntry
 */

/** The schema of a group of the service's own values (e.g. settings). */
const ownGroupSchema = (name) => ({
  type: 'object',
  description: `${name}'s own settings (each one an environment variable its config validates at boot)`,
  additionalProperties: false,
});

/** SHARED for one service, with the service's own values put in place. */
function definition(svc) {
  const tree = shared(svc);
  const own = svc.values ?? [];
  const ownGroups = [];
  for (const extra of own) {
    const path = extra.path.split('.');
    const entry = value(path[path.length - 1], extra.doc, extra.default, extra.schema);
    let children = tree;
    for (const [depth, key] of path.slice(0, -1).entries()) {
      let parent = children.find((node) => node.kind === 'group' && node.key === key);
      if (!parent && depth === 0) {
        parent = ownGroups.find((node) => node.key === key);
        if (!parent) {
          if (tree.some((node) => node.key === key))
            throw new Error(`${svc.name}: ${extra.path}: ${key} is a shared value, not a group`);
          parent = group(key, ownGroupSchema(svc.name), []);
          ownGroups.push(parent);
        }
      }
      if (!parent) throw new Error(`${svc.name}: ${extra.path}: no group ${key}`);
      children = parent.children;
    }
    if (children.some((node) => node.key === entry.key))
      throw new Error(`${svc.name}: ${extra.path} is already a value`);
    children.push(entry);
  }
  // A service's own defaults of shared values (the gateway's Secret-mounted key files, its portal's
  // HTTP port open to all), each named by its path.
  for (const [path, dflt] of Object.entries(svc.defaults ?? {})) {
    const keys = path.split('.');
    let children = tree;
    for (const key of keys.slice(0, -1))
      children = children.find((n) => n.kind === 'group' && n.key === key)?.children ?? [];
    const node = children.find((n) => n.kind === 'value' && n.key === keys[keys.length - 1]);
    if (!node) throw new Error(`${svc.name}: defaults.${path} is not a shared value`);
    node.value = dflt;
  }
  if (ownGroups.length)
    tree.push(
      section(
        `${svc.name} settings`,
        `Environment variables of ${svc.name}'s own, validated by its config class at boot; a value`,
        "left empty (null, '' or {}) is not set, so the service's default applies.",
      ),
      ...ownGroups,
    );
  return tree;
}

// ---- values.yaml ------------------------------------------------------------------------------
const YAML_PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./:@+-]*$/;
const YAML_NON_STRING =
  /^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|true|false|yes|no|on|off|y|n|null|~)$/i;

function yamlScalar(v) {
  if (v === null) return 'null';
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (typeof v !== 'string') throw new Error(`not a scalar: ${JSON.stringify(v)}`);
  if (YAML_PLAIN.test(v) && !YAML_NON_STRING.test(v)) return v;
  return `'${v.replace(/'/g, "''")}'`;
}

const isScalar = (v) => v === null || typeof v !== 'object';

/** `key: value` lines at `indent`, block style as Prettier writes it. */
function yamlEntry(key, v, indent) {
  const pad = ' '.repeat(indent);
  if (isScalar(v)) return [`${pad}${key}: ${yamlScalar(v)}`];
  if (Array.isArray(v)) {
    if (!v.length) return [`${pad}${key}: []`];
    return [`${pad}${key}:`, ...v.flatMap((item) => yamlItem(item, indent + 2))];
  }
  const entries = Object.entries(v);
  if (!entries.length) return [`${pad}${key}: {}`];
  return [`${pad}${key}:`, ...entries.flatMap(([k, child]) => yamlEntry(k, child, indent + 2))];
}

/** A list item at `indent`: `- scalar`, or a map whose first key follows the dash. */
function yamlItem(item, indent) {
  const pad = ' '.repeat(indent);
  if (isScalar(item)) return [`${pad}- ${yamlScalar(item)}`];
  const lines = Object.entries(item).flatMap(([k, child]) => yamlEntry(k, child, indent + 2));
  return lines.map((line, i) => (i === 0 ? `${pad}- ${line.slice(indent + 2)}` : line));
}

function yamlNodes(nodes, indent, prefix) {
  const pad = ' '.repeat(indent);
  const lines = [];
  for (const node of nodes) {
    const path = `${prefix}${node.key}`;
    if (node.kind === 'section') {
      lines.push('', `## @section ${node.title}`, ...node.notes.map((note) => `## ${note}`), '');
    } else if (node.kind === 'blank') {
      lines.push('');
    } else if (node.kind === 'group') {
      lines.push(`${pad}${node.key}:`, ...yamlNodes(node.children, indent + 2, `${path}.`));
    } else if (node.kind === 'value') {
      lines.push(`${pad}## @param ${path} ${node.doc}`, ...yamlEntry(node.key, node.value, indent));
    }
  }
  return lines;
}

function valuesYaml(svc) {
  const header = [
    `# Values of the ${svc.name} service chart: written by ${GENERATOR} from the values every`,
    `# service chart shares (defined in that file) and the ${svc.name} entry of ${SERVICES_FILE}.`,
    '# Edit those and run `node deploy/helm/tools/service-charts.js`, not this file (scripts/helm-check.sh',
    '# fails when it is stale). Every value has an `@param` line (bitnami readme-generator format) and',
    '# a type in values.schema.json.',
  ];
  // The first section's leading blank line separates it from the header.
  return [...header, ...yamlNodes(definition(svc), 0, ''), ''].join('\n');
}

// ---- values.schema.json -----------------------------------------------------------------------
function schemaOf(nodes) {
  const properties = {};
  for (const node of nodes) {
    if (node.kind === 'section' || node.kind === 'blank') continue;
    if (node.kind === 'group') {
      const { type, description, ...rest } = node.schema;
      properties[node.key] = {
        type,
        ...(description === undefined ? {} : { description }),
        properties: schemaOf(node.children),
        ...rest,
      };
    } else {
      properties[node.key] = node.schema;
    }
  }
  return properties;
}

function valuesSchema(svc) {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment: `Written by ${GENERATOR} from its shared values and the ${svc.name} entry of ${SERVICES_FILE}; do not edit.`,
    title: `MedGrid ${svc.name} service chart values`,
    type: 'object',
    required: REQUIRED,
    properties: schemaOf(definition(svc)),
    additionalProperties: false,
  };
}

/** JSON as Prettier prints it at WIDTH: objects expanded, arrays of scalars on one line when they fit. */
function prettyJson(v, indent = 0) {
  const pad = ' '.repeat(indent);
  if (isScalar(v)) return JSON.stringify(v);
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    if (v.every(isScalar)) {
      const inline = `[${v.map((item) => JSON.stringify(item)).join(', ')}]`;
      if (indent + inline.length <= WIDTH) return inline;
    }
    return `[\n${v.map((item) => `${pad}  ${prettyJson(item, indent + 2)}`).join(',\n')}\n${pad}]`;
  }
  const entries = Object.entries(v);
  if (!entries.length) return '{}';
  return `{\n${entries.map(([k, child]) => `${pad}  ${JSON.stringify(k)}: ${prettyJson(child, indent + 2)}`).join(',\n')}\n${pad}}`;
}

// ---- Chart.yaml -------------------------------------------------------------------------------
function wrapComment(text, width = 80) {
  const lines = [];
  let line = '#';
  for (const word of text.split(/\s+/)) {
    if (line.length + 1 + word.length > width && line !== '#') {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines;
}

function chartYaml(svc) {
  return [
    ...wrapComment(
      `The ${svc.name} service: ${svc.summary} Written by ${GENERATOR} from ${SERVICES_FILE}; every Kubernetes object comes from the medgrid-common library chart.`,
    ),
    'apiVersion: v2',
    `name: ${svc.name}`,
    `description: ${svc.description}`,
    'type: application',
    '# grpc probes (GA in 1.27), policy/v1 PDB, autoscaling/v2 HPA.',
    "kubeVersion: '>=1.27.0-0'",
    `version: ${svc.version}`,
    `appVersion: '${svc.appVersion}'`,
    'keywords:',
    '  - medgrid',
    '  - grpc',
    '  - nestjs',
    'maintainers:',
    '  - name: MedGrid platform team',
    'dependencies:',
    '  - name: medgrid-common',
    '    version: 0.1.0',
    '    repository: file://../medgrid-common',
    '',
  ].join('\n');
}

// ---- the whole chart --------------------------------------------------------------------------
const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const OWN_PATH = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;
const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;

/** Checks an entry of services.json; returns it. */
function checkEntry(svc) {
  const where = `${SERVICES_FILE} ${JSON.stringify(svc?.name)}`;
  if (!svc || typeof svc.name !== 'string' || !NAME.test(svc.name))
    throw new Error(`${where}: name must be lower-case kebab-case`);
  for (const key of ['summary', 'description', 'version', 'appVersion'])
    if (typeof svc[key] !== 'string' || !svc[key])
      throw new Error(`${where}: ${key} must be a non-empty string`);
  for (const port of ['grpc', 'http'])
    if (!Number.isInteger(svc.ports?.[port])) throw new Error(`${where}: ports.${port} must be an integer`);
  const envs = new Set();
  for (const own of svc.values ?? []) {
    const at = `${where} value ${JSON.stringify(own?.path)}`;
    if (typeof own?.path !== 'string' || !OWN_PATH.test(own.path))
      throw new Error(`${at}: path must be "<group>.<key>" (camelCase keys)`);
    if (typeof own.env !== 'string' || !ENV_NAME.test(own.env))
      throw new Error(`${at}: env must name the environment variable (UPPER_SNAKE_CASE)`);
    if (envs.has(own.env)) throw new Error(`${at}: env ${own.env} appears twice`);
    envs.add(own.env);
    if (typeof own.doc !== 'string' || !own.doc.startsWith(`${own.env}: `) || own.doc === `${own.env}: `)
      throw new Error(`${at}: doc must be "${own.env}: <what it does>" (the @param line)`);
    if (!own.schema || typeof own.schema !== 'object') throw new Error(`${at}: schema must be a JSON schema`);
    if (own.fetched !== undefined && (own.fetched !== true || own.schema.type !== 'string'))
      throw new Error(`${at}: fetched is true or absent, on a URL (string) setting`);
  }
  if (
    svc.defaults !== undefined &&
    (svc.defaults === null || typeof svc.defaults !== 'object' || Array.isArray(svc.defaults))
  )
    throw new Error(`${where}: defaults must map shared values to the service's own defaults`);
  return svc;
}

// ---- templates/_settings.tpl: where each own environment variable is read from ----------------
/**
 * A named template "<name>.settings": a YAML map from each of the service's own environment
 * variables to the path of its value. medgrid-common.env.server reads it through the chart's
 * name, so one generic template renders every service's settings (and the umbrella, holding
 * every service chart, keeps them apart).
 */
function settingsTemplate(svc) {
  const own = svc.values ?? [];
  return [
    '{{- /*',
    `The value path of each of ${svc.name}'s own environment variables, read by medgrid-common.env.server.`,
    `Written by ${GENERATOR} from ${SERVICES_FILE}; do not edit.`,
    '*/ -}}',
    `{{- define "${svc.name}.settings" -}}`,
    ...(own.length ? own.map((v) => `${v.env}: ${v.path}`) : ['{}']),
    '{{- end -}}',
    '',
  ].join('\n');
}

// ---- templates/_network.tpl: whom the service talks to, for its NetworkPolicy ----------------
const GRPC_ADDRESS = /^([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)_GRPC_ADDRESS$/;

/**
 * The services a service calls over gRPC: one for each `<PEER>_GRPC_ADDRESS` setting it takes, the
 * only way a service learns a peer's address (the gateway's REGISTRY_GRPC_ADDRESS: registry).
 * validate-manifests.mjs holds this to the clients the code builds.
 * @param {ServiceEntry} svc
 */
function grpcCalls(svc) {
  return (svc.values ?? []).flatMap((v) => {
    const peer = GRPC_ADDRESS.exec(v.env)?.[1];
    return peer ? [peer.toLowerCase().replace(/_/g, '-')] : [];
  });
}

/** The services that call `svc` over gRPC, among `services`. */
function grpcCallers(svc, services) {
  return services.filter((other) => grpcCalls(other).includes(svc.name)).map((other) => other.name);
}

/** The value paths of the URLs the service fetches itself (flagged `fetched`: the gateway's OIDC issuer). */
function fetchedUrls(svc) {
  return (svc.values ?? []).filter((v) => v.fetched === true).map((v) => v.path);
}

/**
 * A named template "<name>.network" that medgrid-common.networkPolicy reads: the services it calls,
 * the services that call it (so each chart knows its callers without the others' charts) and the
 * value paths of URLs it fetches.
 */
function networkTemplate(svc, services) {
  const list = (items) => `[${items.join(', ')}]`;
  return [
    '{{- /*',
    `Whom ${svc.name} talks to, read by medgrid-common.networkPolicy: the services it calls over gRPC (one`,
    'per <PEER>_GRPC_ADDRESS setting), the services that call it, the value paths of URLs it fetches.',
    `Written by ${GENERATOR} from ${SERVICES_FILE}; do not edit.`,
    '*/ -}}',
    `{{- define "${svc.name}.network" -}}`,
    `calls: ${list(grpcCalls(svc))}`,
    `calledBy: ${list(grpcCallers(svc, services))}`,
    `fetches: ${list(fetchedUrls(svc))}`,
    '{{- end -}}',
    '',
  ].join('\n');
}

// ---- samples: a valid value of each own setting and the text its variable gets ---------------
/** A valid value for a JSON schema (its maximum, its first example, a table of such cells). */
function sampleOf(schema, where) {
  const types = [].concat(schema.type);
  if (types.includes('boolean')) return true;
  if (types.includes('integer')) return schema.maximum ?? schema.minimum ?? 1;
  if (types.includes('string')) {
    if (!schema.examples?.length) throw new Error(`${where}: a string setting needs schema.examples`);
    return schema.examples[0];
  }
  if (types.includes('object') && schema.properties)
    return Object.fromEntries(
      Object.entries(schema.properties).map(([key, child]) => [key, sampleOf(child, `${where}.${key}`)]),
    );
  throw new Error(`${where}: no sample for schema ${JSON.stringify(schema)}`);
}

/** The variable's text for a value, as medgrid-common.env.settings writes it. */
function settingText(v, prefix = '') {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && !Array.isArray(v))
    return Object.keys(v)
      .sort()
      .map((key) =>
        v[key] !== null && typeof v[key] === 'object'
          ? settingText(v[key], `${prefix}${key}.`)
          : `${prefix}${key}=${settingText(v[key])}`,
      )
      .filter((cell) => cell !== '' && !cell.endsWith('='))
      .join(',');
  return String(v);
}

/**
 * For each of the service's own values: a valid sample value (a differing one for a boolean with a
 * default) and the text its environment variable must then carry. scripts/helm-check.sh renders
 * the samples and compares; tests/e2e's helm-settings spec feeds the texts to the config class.
 * @param {ServiceEntry} svc
 * @returns {{ path: string, env: string, value: unknown, text: string }[]}
 */
function settingSamples(svc) {
  return (svc.values ?? []).map((own) => {
    const where = `${svc.name} ${own.path}`;
    const value = typeof own.default === 'boolean' ? !own.default : sampleOf(own.schema, where);
    return { path: own.path, env: own.env, value, text: settingText(value) };
  });
}

/** The samples of settingSamples as one values object (nested by path). */
function sampleValues(svc) {
  const values = {};
  for (const sample of settingSamples(svc)) {
    const keys = sample.path.split('.');
    let at = values;
    for (const key of keys.slice(0, -1)) at = at[key] ??= {};
    at[keys[keys.length - 1]] = sample.value;
  }
  return values;
}

// ---- README.md --------------------------------------------------------------------------------
/** A chart default as the README shows it. */
function shownDefault(v) {
  if (v === null || v === '' || (typeof v === 'object' && !Array.isArray(v) && !Object.keys(v).length))
    return 'empty';
  return `\`${JSON.stringify(v)}\``;
}

/** The README's network paragraph: what the chart's NetworkPolicy lets the pods reach and accept. */
function networkLines(svc, services) {
  const calls = grpcCalls(svc);
  const callers = grpcCallers(svc, services);
  const fetched = fetchedUrls(svc).map((path) => `\`${path}\``);
  const openHttp = svc.defaults?.['networkPolicy.allowExternalHttp'] === true;
  const reaches = ['PostgreSQL', 'Kafka', 'DNS', 'the OTLP collector when traces are exported'];
  if (calls.length) reaches.push(`the gRPC port of ${calls.join(', ')}`);
  if (fetched.length) reaches.push(`the port of ${fetched.join(', ')} once set`);
  return [
    '## Network policy',
    '',
    '`networkPolicy.enabled` (default on) gives the server pods a NetworkPolicy (`deploy/helm/README.md`, Network policies).',
    `They reach ${reaches.slice(0, -1).join(', ')} and ${reaches[reaches.length - 1]}, nothing else.`,
    `They accept gRPC ${callers.length ? `from ${callers.join(', ')}` : 'from no MedGrid service'} (more with \`networkPolicy.allowExternal\` or \`ingressNSMatchLabels\`)`,
    `and the HTTP port ${openHttp ? 'from anywhere (`networkPolicy.allowExternalHttp`)' : 'from Prometheus (`networkPolicy.metrics`)'}.`,
    '',
  ];
}

function readme(svc, services) {
  const own = svc.values ?? [];
  return [
    `# ${svc.name} chart`,
    '',
    `${svc.description}. Written by \`${GENERATOR}\` from the ${svc.name} entry of \`${SERVICES_FILE}\`: edit`,
    'those, run the generator, never edit this chart. Every value is documented (an `@param` line) in `values.yaml`',
    'and typed in `values.schema.json`; `deploy/helm/README.md` describes the charts, the secrets to create first',
    'and the install.',
    '',
    '```bash',
    `helm dependency build deploy/helm/${svc.name} && helm install ${svc.name} deploy/helm/${svc.name} -n medgrid`,
    '```',
    '',
    `Ports: gRPC ${svc.ports.grpc}, HTTP ${svc.ports.http} (\`/health/live\`, \`/health/ready\`, \`/metrics\`).`,
    '',
    ...networkLines(svc, services),
    '## Settings',
    '',
    ...(own.length
      ? [
          `The environment variables of ${svc.name}'s own (beyond the platform's), each a value validated by`,
          "`values.schema.json` and again by the service's config class at boot; a value left empty is not set,",
          "so the service's default applies. Under the umbrella chart, prefix the value with",
          `\`${svc.name}.\`.`,
          '',
          ...own.map(
            (v) =>
              `- \`${v.path}\` (\`${v.env}\`, default ${shownDefault(v.default)}): ${v.doc.slice(v.env.length + 2)}`,
          ),
        ]
      : [`${svc.name} takes no environment variable of its own: only the platform's.`]),
    '',
  ].join('\n');
}

/**
 * Every file of a service's chart, by path relative to deploy/helm/<service>/. `services` are every
 * entry of services.json, for the services that call this one (a new service: none).
 * @param {ServiceEntry} svc
 * @param {ServiceEntry[]} [services]
 * @returns {Record<string, string>}
 */
function serviceChartFiles(svc, services = [svc]) {
  checkEntry(svc);
  const files = {
    '.helmignore': HELMIGNORE,
    'Chart.yaml': chartYaml(svc),
    'values.yaml': valuesYaml(svc),
    'values.schema.json': `${prettyJson(valuesSchema(svc))}\n`,
    'README.md': readme(svc, services),
    'templates/_settings.tpl': settingsTemplate(svc),
    'templates/_network.tpl': networkTemplate(svc, services),
  };
  for (const [file, template] of Object.entries(TEMPLATES))
    files[`templates/${file}`] = `{{- include "${template}" . }}\n`;
  return files;
}

/** The entries of deploy/helm/services.json (text), checked: names and ports unique. */
function parseServices(text) {
  const { services } = JSON.parse(text);
  if (!Array.isArray(services)) throw new Error(`${SERVICES_FILE}: "services" must be a list`);
  for (const key of ['name', 'grpc', 'http']) {
    const seen = new Set();
    for (const svc of services.map(checkEntry)) {
      const id = key === 'name' ? svc.name : svc.ports[key];
      if (seen.has(id)) throw new Error(`${SERVICES_FILE}: ${key} ${id} appears twice`);
      seen.add(id);
    }
  }
  const names = services.map((svc) => svc.name);
  for (const svc of services)
    for (const peer of grpcCalls(svc))
      if (peer === svc.name || !names.includes(peer))
        throw new Error(
          `${SERVICES_FILE} ${JSON.stringify(svc.name)}: ${peer.toUpperCase().replace(/-/g, '_')}_GRPC_ADDRESS names no other service`,
        );
  return services;
}

function readServices(repo) {
  return parseServices(readFileSync(join(repo, SERVICES_FILE), 'utf8'));
}

/** Files under a chart folder (relative paths), except what `helm dependency build` writes. */
function filesOnDisk(dir, prefix = '') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = `${prefix}${entry.name}`;
    if (!prefix && (entry.name === 'charts' || entry.name === 'Chart.lock')) return [];
    return entry.isDirectory() ? filesOnDisk(join(dir, entry.name), `${rel}/`) : [rel];
  });
}

/** Writes every service chart, or (check) lists what differs from what would be written. */
function syncServiceCharts(repo, { check }) {
  const problems = [];
  const services = readServices(repo);
  for (const svc of services) {
    const chartDir = join(repo, 'deploy/helm', svc.name);
    const files = serviceChartFiles(svc, services);
    for (const [rel, content] of Object.entries(files)) {
      const path = join(chartDir, rel);
      const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
      if (current === content) continue;
      if (check)
        problems.push(`deploy/helm/${svc.name}/${rel} is ${current === undefined ? 'missing' : 'stale'}`);
      else {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, content);
      }
    }
    for (const rel of filesOnDisk(chartDir))
      if (!(rel in files))
        problems.push(`deploy/helm/${svc.name}/${rel} is not part of a generated service chart`);
  }
  return problems;
}

module.exports = {
  SERVICES_FILE,
  grpcCalls,
  prettyJson,
  serviceChartFiles,
  parseServices,
  readServices,
  sampleValues,
  settingSamples,
  syncServiceCharts,
  valuesSchema,
};

if (require.main === module) {
  const check = process.argv.includes('--check');
  const repo = join(__dirname, '..', '..', '..');
  const problems = syncServiceCharts(repo, { check });
  if (problems.length) {
    for (const problem of problems) process.stderr.write(`  ${problem}\n`);
    process.stderr.write(
      check
        ? 'service charts differ from deploy/helm/services.json: run `node deploy/helm/tools/service-charts.js`\n'
        : 'remove the files above: a service chart holds only what the generator writes\n',
    );
    process.exit(1);
  }
  if (!check) process.stdout.write('service charts written\n');
}
