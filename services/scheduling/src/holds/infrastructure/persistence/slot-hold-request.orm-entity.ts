import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row shape of slot_hold_request; one row per referral (unique). */
@Entity({ name: 'slot_hold_request' })
export class SlotHoldRequestOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'referral_id', type: 'uuid', unique: true })
  referralId!: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'source_event_id', type: 'uuid' })
  sourceEventId!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;
}
