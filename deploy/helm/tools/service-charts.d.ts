// Types of service-charts.js for the TypeScript that uses it (the service generator in tools/generators).

/** A value only one service chart takes, e.g. referral's outbox.relayEnabled. */
export interface OwnValue {
  /** "<group>.<key>" (the group's last value) or a plain key (a "<name> settings" section at the end). */
  path: string;
  /** The `## @param` description. */
  doc: string;
  default: unknown;
  /** Its JSON schema. */
  schema: object;
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
}

export const SERVICES_FILE: string;
/** JSON as Prettier prints it for deploy/helm: objects expanded, short arrays of scalars on one line. */
export function prettyJson(value: unknown, indent?: number): string;
/** Every file of a service's chart, by path relative to deploy/helm/<service>/. */
export function serviceChartFiles(service: ServiceEntry): Record<string, string>;
/** The entries of deploy/helm/services.json (its text), checked: names and ports unique. */
export function parseServices(text: string): ServiceEntry[];
export function readServices(repo: string): ServiceEntry[];
/** Writes every service chart, or (check) lists what differs from what would be written. */
export function syncServiceCharts(repo: string, options: { check: boolean }): string[];
/** The JSON schema of a service chart's values. */
export function valuesSchema(service: ServiceEntry): object;
