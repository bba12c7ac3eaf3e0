import { type SchemaState } from './service-info';

/** Reads which migrations the service's database has applied. */
export abstract class SchemaStateRepository {
  abstract read(): Promise<SchemaState>;
}
