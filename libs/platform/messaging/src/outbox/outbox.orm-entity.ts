import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event waiting for (or done with) the relay: written by OutboxWriter in the transaction of
 * the change that caused it, published by OutboxRelay in `seq` order. A service lists it in its
 * data source, so the drift check covers the table.
 */
@Entity({ name: 'outbox' })
// Partial (the unpublished rows only): made by the migration, which the check does not compare.
@Index('outbox_unpublished_idx', { synchronize: false })
export class OutboxOrmEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  seq!: string;

  @Column({ name: 'event_id', type: 'uuid', unique: true })
  eventId!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ name: 'message_key', type: 'text' })
  messageKey!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ type: 'bytea' })
  envelope!: Buffer;

  @Column({ name: 'trace_context', type: 'jsonb', default: {} })
  traceContext!: Record<string, string>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
