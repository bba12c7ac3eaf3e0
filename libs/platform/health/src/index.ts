export { HealthModule, type HealthModuleOptions } from './health.module';
export { evaluateReadiness, READINESS_CHECKS, type ReadinessCheck, type ReadinessReport } from './readiness';
export { brokerCheck, consumerCheck, databaseCheck } from './standard-checks';
