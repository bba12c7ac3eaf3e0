export { createDataSource, type DataSourceSettings } from './create-data-source';
export { DatabaseModule } from './database.module';
export { runMigrationCli, runMigrationCommand } from './migration-cli';
export {
  migrationStatus,
  schemaCheck,
  schemaDrift,
  unmappedTables,
  type MigrationStatus,
  type SchemaCheck,
} from './migrations';
export { UnitOfWork } from './unit-of-work';
export { AtomicInserts, type InsertGuard } from './atomic-inserts';
export { insertFrom } from './insert-from';
export { batchRuns, CallBatcher, type BatchOptions } from './call-batcher';
export { GroupedInserts } from './group-commit';
export { mapUniqueViolations, violatedUniqueConstraint } from './unique-violations';
export { lockForTransaction } from './transaction-lock';
export { queryNamed, type NamedParameters } from './named-query';
export { ChannelListener, ChannelWaiters, type ChannelListenerEvents } from './channel-listener';
