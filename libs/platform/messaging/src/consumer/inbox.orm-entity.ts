import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An event a consumer has applied, written by EventConsumer in the transaction of the handler's
 * effect, so a redelivered event is skipped. A service lists it in its data source, so the drift
 * check covers the table.
 */
@Entity({ name: 'inbox' })
export class InboxOrmEntity {
  /** The consumer group ("<service>.<purpose>"). */
  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ name: 'handled_at', type: 'timestamptz', default: () => 'now()' })
  handledAt!: Date;
}
