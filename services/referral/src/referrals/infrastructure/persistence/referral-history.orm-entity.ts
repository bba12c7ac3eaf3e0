import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { type ReferralAction } from '../../domain/referral-history';
import { type ReferralStatus } from '../../domain/referral-status';
import { ReferralOrmEntity } from './referral.orm-entity';

// referral_history_request_uq is partial (only steps with a client request id), made by the migration.
@Entity({ name: 'referral_history' })
@Index('referral_history_referral_idx', ['referralId', 'seq'])
@Index('referral_history_request_uq', { synchronize: false })
@Index('referral_history_position_uq', ['position'], { unique: true })
export class ReferralHistoryOrmEntity {
  /** Insertion order: a referral's entries in the order they happened; bigint, so it arrives as a string. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) seq!: string;
  /**
   * Service-wide order of every change, in commit order, handed out at commit by the table's deferred trigger
   * (migration HistoryPositionsAtCommit): null only inside the transaction that inserted the row.
   */
  @Column({ type: 'bigint', nullable: true, insert: false, update: false }) position!: string | null;
  @Column({ name: 'referral_id', type: 'uuid' }) referralId!: string;
  @ManyToOne(() => ReferralOrmEntity, { nullable: false })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'referral_history_referral_id_fkey' })
  referral?: ReferralOrmEntity;
  @Column({ type: 'text' }) action!: ReferralAction;
  @Column({ name: 'from_status', type: 'text', nullable: true }) fromStatus!: ReferralStatus | null;
  @Column({ name: 'to_status', type: 'text' }) toStatus!: ReferralStatus;
  @Column({ name: 'actor_subject', type: 'text' }) actorSubject!: string;
  @Column({ name: 'actor_institution_id', type: 'uuid', nullable: true }) actorInstitutionId!: string | null;
  @Column({ name: 'actor_role', type: 'text' }) actorRole!: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ type: 'text' }) note!: string;
  @Column({ name: 'client_request_id', type: 'uuid', nullable: true }) clientRequestId!: string | null;
}
