import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type Type,
} from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { LOGGER, type Logger } from '@medgrid/logging';
import { type Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventConsumer } from './consumer/event-consumer';
import { type AnyEventHandler, EVENT_HANDLERS, type EventHandler } from './consumer/event-handler';
import { createKafka } from './kafka/kafka-client';
import { KafkaPublisher } from './kafka/kafka-publisher';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxWriter } from './outbox/outbox-writer';

export interface MessagingSettings {
  service: string;
  brokers: string[];
  clientId?: string;
  relay: { enabled: boolean; pollIntervalMs: number; batchSize: number };
  consumer: { groupId: string; maxAttempts: number; partitionsConcurrently?: number };
}

export const MESSAGING_SETTINGS = Symbol('MESSAGING_SETTINGS');
export const KAFKA = Symbol('KAFKA');

export interface MessagingModuleOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...deps: any[]) => MessagingSettings;
  inject?: (string | symbol | Type)[];
  /** The service's event handler classes (providers of this module). */
  handlers?: Type<AnyEventHandler>[];
  /** Modules that export what the handlers inject (the context's use cases). */
  imports?: NonNullable<DynamicModule['imports']>;
}

/** Connects the producer, starts the relay and the consumer; leaves cleanly on shutdown. */
@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
    private readonly publisher: KafkaPublisher,
    private readonly relay: OutboxRelay,
    private readonly consumer: EventConsumer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.publisher.connect();
    if (this.settings.relay.enabled) this.relay.start();
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.relay.stop();
    await this.publisher.disconnect();
  }
}

/**
 * Everything a service needs to publish and consume events: the outbox
 * writer for use cases, the relay, the idempotent consumer and its handlers.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const handlers = options.handlers ?? [];
    return {
      module: MessagingModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: MESSAGING_SETTINGS, useFactory: options.useFactory, inject: options.inject ?? [] },
        {
          provide: KAFKA,
          useFactory: (settings: MessagingSettings, logger: Logger) =>
            createKafka(
              { brokers: settings.brokers, clientId: settings.clientId ?? settings.service },
              logger,
            ),
          inject: [MESSAGING_SETTINGS, LOGGER],
        },
        { provide: KafkaPublisher, useFactory: (kafka: Kafka) => new KafkaPublisher(kafka), inject: [KAFKA] },
        {
          provide: OutboxWriter,
          useFactory: (uow: UnitOfWork, settings: MessagingSettings) =>
            new OutboxWriter(uow, settings.service),
          inject: [UnitOfWork, MESSAGING_SETTINGS],
        },
        {
          provide: OutboxRelay,
          useFactory: (
            ds: DataSource,
            publisher: KafkaPublisher,
            settings: MessagingSettings,
            logger: Logger,
          ) => new OutboxRelay(ds, publisher, { service: settings.service, ...settings.relay }, logger),
          inject: [DataSource, KafkaPublisher, MESSAGING_SETTINGS, LOGGER],
        },
        ...handlers,
        { provide: EVENT_HANDLERS, useFactory: (...all: EventHandler[]) => all, inject: handlers },
        {
          provide: EventConsumer,
          useFactory: (
            kafka: Kafka,
            uow: UnitOfWork,
            publisher: KafkaPublisher,
            all: EventHandler[],
            settings: MessagingSettings,
            logger: Logger,
          ) => new EventConsumer(kafka, uow, publisher, all, settings.consumer, logger),
          inject: [KAFKA, UnitOfWork, KafkaPublisher, EVENT_HANDLERS, MESSAGING_SETTINGS, LOGGER],
        },
        MessagingLifecycle,
      ],
      exports: [OutboxWriter, OutboxRelay, KafkaPublisher, KAFKA, MESSAGING_SETTINGS],
    };
  }
}
