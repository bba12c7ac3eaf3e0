import { type Identity } from '@medgrid/auth';

/** Where the database schema stands against the migrations this build of the service knows. */
export interface SchemaState {
  /** Applied migrations, oldest first. */
  readonly applied: readonly string[];
  /** Migrations this build knows that the database has not applied, oldest first. */
  readonly pending: readonly string[];
}

/** What the service tells a caller about itself (DescribeGatewayService). */
export interface ServiceInfo {
  readonly service: string;
  /** The last migration applied; empty before the first. */
  readonly schemaVersion: string;
  readonly pendingMigrations: readonly string[];
  /** The caller as the service read its token, so an integrator sees what the service sees. */
  readonly caller: Identity;
}

export function describeService(service: string, schema: SchemaState, caller: Identity): ServiceInfo {
  return {
    service,
    schemaVersion: schema.applied.at(-1) ?? '',
    pendingMigrations: [...schema.pending],
    caller,
  };
}
