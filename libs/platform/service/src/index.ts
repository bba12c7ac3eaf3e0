export { PlatformModule, SERVICE_CONFIG, type ServiceDefinition } from './platform.module';
export { runService } from './run-service';
export { GroupClaimGuard } from './group-claim.guard';
export { PeriodicTask } from './periodic-task';
export { grpcClientCredentials, grpcTls } from './grpc-tls-settings';
