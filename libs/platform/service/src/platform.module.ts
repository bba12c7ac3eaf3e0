import { type DynamicModule, type INestApplication, Module, type Type } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { InstitutionDirectory } from '@medgrid/auth';
import { type PlatformConfig } from '@medgrid/config';
import { DatabaseModule } from '@medgrid/database';
import { type GrpcController, GrpcModule } from '@medgrid/grpc';
import { brokerCheck, consumerCheck, databaseCheck, HealthModule } from '@medgrid/health';
import { type Logger, LoggingModule } from '@medgrid/logging';
import { type AnyEventHandler, EventConsumer, KafkaPublisher, MessagingModule } from '@medgrid/messaging';
import { DataSource } from 'typeorm';
import { GroupClaimGuard } from './group-claim.guard';
import { PlatformGrpcController } from './platform.grpc.controller';
import { grpcTls } from './grpc-tls-settings';
import { GrpcReadinessMonitor } from './grpc-readiness.monitor';

export interface ServiceDefinition<C extends PlatformConfig> {
  /** Service name: logs, metrics, Kafka client id, consumer group, outbox lock. */
  name: string;
  config: C;
  logger: Logger;
  dataSource: (config: C) => DataSource;
  /** The service's bounded-context modules (they export the use cases adapters call). */
  contexts: Type[];
  grpc: {
    controllers: Type<GrpcController>[];
    /**
     * The service's "institution → groups" lookup, which every call's group
     * claim is checked against (GroupClaimGuard); it may inject what the
     * contexts export.
     */
    institutions: Type<InstitutionDirectory>;
  };
  eventHandlers?: Type<AnyEventHandler>[];
  /** Whether this process relays its outbox (on by default). */
  relayEnabled?: boolean;
  /**
   * Sets up the HTTP side before it listens (an HTTP API's middleware and
   * documentation); services that only serve gRPC leave it out.
   */
  configureHttp?: (app: INestApplication) => void | Promise<void>;
}

/** Injection token of the service's validated config object. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

@Module({})
class ServiceConfigModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: ServiceConfigModule,
      global: true,
      providers: [{ provide: SERVICE_CONFIG, useValue: config }],
      exports: [SERVICE_CONFIG],
    };
  }
}

/**
 * What every MedGrid service is made of, wired the same way each time:
 * config, JSON logs, the database, the outbox/inbox messaging, the gRPC
 * server with auth (and the group-claim check on every call), and the
 * health/metrics endpoints.
 */
@Module({})
export class PlatformModule {
  static forService<C extends PlatformConfig>(service: ServiceDefinition<C>): DynamicModule {
    const { config } = service;
    return {
      module: PlatformModule,
      imports: [
        ServiceConfigModule.forRoot(config),
        LoggingModule.forRoot(service.logger),
        DatabaseModule.forRoot(() => service.dataSource(config)),
        MessagingModule.forRoot({
          useFactory: () => ({
            service: service.name,
            brokers: config.KAFKA_BROKERS,
            clientId: config.KAFKA_CLIENT_ID,
            relay: {
              enabled: service.relayEnabled ?? true,
              pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
              listeningPollIntervalMs: config.OUTBOX_LISTENING_POLL_INTERVAL_MS,
              batchSize: config.OUTBOX_BATCH_SIZE,
            },
            consumer: {
              groupId: config.KAFKA_CONSUMER_GROUP ?? service.name,
              maxAttempts: config.CONSUMER_MAX_ATTEMPTS,
              partitionsConcurrently: config.CONSUMER_PARTITIONS_CONCURRENTLY,
              batchSize: config.CONSUMER_BATCH_SIZE,
            },
          }),
          handlers: service.eventHandlers ?? [],
          imports: service.contexts,
        }),
        ...service.contexts,
        GrpcModule.forRoot({
          useFactory: () => ({
            host: config.GRPC_HOST,
            port: config.GRPC_PORT,
            tls: grpcTls(service.name, config),
            auth: {
              publicKeyFile: config.AUTH_PUBLIC_KEY_FILE,
              issuer: config.AUTH_ISSUER,
              audience: config.AUTH_AUDIENCE,
            },
          }),
          // PlatformService first: what every service answers alike (WhoAmI).
          controllers: [PlatformGrpcController, ...service.grpc.controllers],
          imports: service.contexts,
          guard: GroupClaimGuard,
          providers: [{ provide: InstitutionDirectory, useClass: service.grpc.institutions }, AuditTrail],
        }),
        HealthModule.forRoot({
          useFactory: (dataSource: DataSource, publisher: KafkaPublisher, consumer: EventConsumer) => [
            databaseCheck(dataSource),
            brokerCheck(() => publisher.isConnected()),
            consumerCheck(() => consumer.problem()),
          ],
          inject: [DataSource, KafkaPublisher, EventConsumer],
        }),
      ],
      providers: [GrpcReadinessMonitor],
    };
  }
}
