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
  relay: { enabled: boolean; pollIntervalMs: number; listeningPollIntervalMs?: number; batchSize: number };
  consumer: { groupId: string; maxAttempts: number; partitionsConcurrently?: number; batchSize?: number };
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

/** How long to wait before trying the broker again when connecting or joining failed. */
const RECONNECT_DELAY_MS = 2_000;

/**
 * Connects the producer, starts the relay and the consumer, in the background: the service serves gRPC without
 * waiting for the broker. After a crash the consumer group holds the dead member until its session expires, so a
 * restarted consumer can wait half a minute to join; writes go to the outbox meanwhile, and readiness lists what is
 * not running yet. Leaves cleanly on shutdown, also while still starting.
 */
@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private starting: Promise<void> | undefined;
  private stopping = false;

  constructor(
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
    private readonly publisher: KafkaPublisher,
    private readonly relay: OutboxRelay,
    private readonly consumer: EventConsumer,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.starting = this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    // Not waiting for the start first: a consumer still waiting to join would hold the shutdown for as long.
    await this.consumer.stop();
    await this.relay.stop();
    await this.publisher.disconnect();
    await this.starting;
  }

  private async start(): Promise<void> {
    await this.untilDone('connect the producer', () => this.publisher.connect());
    if (this.stopping) return;
    if (this.settings.relay.enabled) this.relay.start();
    await this.untilDone('start the consumer', () => this.consumer.start());
  }

  /** Tries until it succeeds or the service stops; kafkajs has already retried within each attempt. */
  private async untilDone(what: string, attempt: () => Promise<void>): Promise<void> {
    while (!this.stopping) {
      try {
        await attempt();
        return;
      } catch (error) {
        this.logger.warn({ err: error }, `could not ${what}; trying again in ${RECONNECT_DELAY_MS} ms`);
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_DELAY_MS));
      }
    }
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
      exports: [OutboxWriter, OutboxRelay, KafkaPublisher, EventConsumer, KAFKA, MESSAGING_SETTINGS],
    };
  }
}
