export { EventConsumer, type EventConsumerSettings } from './consumer/event-consumer';
export { type AnyEventHandler, EVENT_HANDLERS, type EventHandler } from './consumer/event-handler';
export { InboxOrmEntity } from './consumer/inbox.orm-entity';
export {
  type ParkedEvent,
  redriveDeadLetters,
  redriveGroupId,
  type RedriveOptions,
  type RedriveOutcome,
  type RedriveReport,
} from './dead-letters/redrive-dead-letters';
export { decodeEnvelope, decodePayload, encodeEnvelope, type EventEnvelope } from './envelope';
export { ensureTopics } from './kafka/ensure-topics';
export { createKafka, type KafkaSettings } from './kafka/kafka-client';
export { KafkaPublisher } from './kafka/kafka-publisher';
export { CreateMessagingTables1732300000000 } from './messaging-tables.migration';
export {
  KAFKA,
  MESSAGING_SETTINGS,
  MessagingModule,
  type MessagingModuleOptions,
  type MessagingSettings,
} from './messaging.module';
export { OutboxOrmEntity } from './outbox/outbox.orm-entity';
export { OutboxRelay, type OutboxRelaySettings } from './outbox/outbox-relay';
export { OUTBOX_CHANNEL, OutboxWriter, type OutgoingEvent } from './outbox/outbox-writer';
