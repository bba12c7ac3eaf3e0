import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import { type Pool } from '../../../booking/domain/pool';
import { type SlotHoldRequestStatus } from '../../domain/slot-hold-request';

// The defaults are the migrations': columns added to a table that already had rows. Every write
// sets every column, so they never decide a value.
@Entity({ name: 'slot_hold_request' })
@Unique('slot_hold_request_referral_uq', ['referralId'])
export class SlotHoldRequestOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'referral_id', type: 'uuid' }) referralId!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  /** Empty on requests recorded before it was kept. */
  @Column({ name: 'referring_institution_id', type: 'text', default: '' }) referringInstitutionId!: string;
  @Column({ type: 'text' }) status!: SlotHoldRequestStatus;
  @Column({ name: 'source_event_id', type: 'uuid' }) sourceEventId!: string;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt!: Date;
  /** Null on requests recorded before changes were kept: they had not changed since their request. */
  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true }) updatedAt!: Date | null;
  @Column({ name: 'patient_resident_id', type: 'text', default: '' }) patientResidentId!: string;
  @Column({ name: 'department_id', type: 'text', default: '' }) departmentId!: string;
  @Column({ name: 'specialty_code', type: 'text', default: '' }) specialtyCode!: string;
  @Column({ name: 'priority_contracted', type: 'boolean', default: false }) priorityContracted!: boolean;
  @Column({ name: 'priority_green_channel', type: 'boolean', default: false }) priorityGreenChannel!: boolean;
  @Column({ type: 'text', nullable: true }) pool!: Pool | null;
  @Column({ name: 'booking_id', type: 'text', default: '' }) bookingId!: string;
  @Column({ name: 'waitlist_entry_id', type: 'text', default: '' }) waitlistEntryId!: string;
  @Column({ name: 'session_id', type: 'text', default: '' }) sessionId!: string;
  @Column({ type: 'integer', default: 1 }) version!: number;
}
