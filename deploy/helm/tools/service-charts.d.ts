// Types of service-charts.js for the TypeScript that uses it (the service generator in tools/generators).

/**
 * One of a service's own environment variables (one its config class validates beyond the
 * platform's) as a chart value, e.g. referral's outbox.relayEnabled or lab-sharing's
 * settings.criticalValueAckSeconds.
 */
export interface OwnValue {
  /** "<group>.<key>": a shared group (its last value) or one of the service's own ("<name> settings" section). */
  path: string;
  /** The variable it reaches the pod as (medgrid-common.env.settings). */
  env: string;
  /** The `## @param` description: "<env>: <what it does>". */
  doc: string;
  /** The chart default; null, '' or {} sets nothing (the service's validated default applies). */
  default: unknown;
  /** Its JSON schema (a string setting gives `examples`, the samples helm-check renders). */
  schema: object;
  /** A URL the service fetches itself (the OIDC issuer): when set, its NetworkPolicy lets the pods reach its port. */
  fetched?: true;
}

/** An entry of deploy/helm/services.json. */
export interface ServiceEntry {
  name: string;
  /** Chart.yaml's comment: "The <name> service: <summary>" */
  summary: string;
  /** Chart.yaml's description. */
  description: string;
  version: string;
  appVersion: string;
  ports: { grpc: number; http: number };
  values?: OwnValue[];
  /** The service's own defaults of shared values, by path (the gateway's Secret volumes, its open HTTP port). */
  defaults?: Record<string, unknown>;
}

export const SERVICES_FILE: string;
/** JSON as Prettier prints it for deploy/helm: objects expanded, short arrays of scalars on one line. */
export function prettyJson(value: unknown, indent?: number): string;
/**
 * Every file of a service's chart, by path relative to deploy/helm/<service>/; `services` (every entry of
 * services.json) name the services that call it, none by default.
 */
export function serviceChartFiles(service: ServiceEntry, services?: ServiceEntry[]): Record<string, string>;
/** The services a service calls over gRPC: one per `<PEER>_GRPC_ADDRESS` setting it takes. */
export function grpcCalls(service: ServiceEntry): string[];
/** The entries of deploy/helm/services.json (its text), checked: names and ports unique. */
export function parseServices(text: string): ServiceEntry[];
export function readServices(repo: string): ServiceEntry[];
/** Writes every service chart, or (check) lists what differs from what would be written. */
export function syncServiceCharts(repo: string, options: { check: boolean }): string[];
/**
 * For each of a service's own values: a valid sample value and the text its variable then
 * carries (scripts/helm-check.sh renders them; tests/e2e feeds the texts to the config classes).
 */
export function settingSamples(
  service: ServiceEntry,
): { path: string; env: string; value: unknown; text: string }[];
/** The samples of settingSamples as one values object, nested by path. */
export function sampleValues(service: ServiceEntry): Record<string, unknown>;
/** The JSON schema of a service chart's values. */
export function valuesSchema(service: ServiceEntry): object;
