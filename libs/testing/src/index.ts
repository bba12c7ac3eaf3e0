export { aCreditCode, aResidentId, aResidentIdBornOn } from './factories';
export { anIdentity, TEST_AUDIENCE, TEST_ISSUER, TestAuth } from './test-auth';
export { MigratedTestDatabase } from './migrated-test-database';
export { TestDatabase, testPostgresAdminUrl } from './test-database';
export { testKafkaBrokers, uniqueSuffix } from './test-kafka';
export { waitFor } from './wait-for';
export { contextDependencies, type ContextDependencies, upwardImports } from './context-dependencies';
export { lockOrder } from './lock-order';
export { refusedFields } from './refused-fields';
