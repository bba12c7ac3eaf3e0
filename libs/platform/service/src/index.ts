export { PlatformModule, SERVICE_CONFIG, type ServiceDefinition } from './platform.module';
export { runService } from './run-service';
export { PeriodicTask } from './periodic-task';
