import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { ClinicSessionOrmEntity } from '../../../schedules/infrastructure/persistence/clinic-session.orm-entity';
import { type WaitlistStatus } from '../../domain/waitlist-entry';

// waitlist_entry_patient_uq is partial (one waiting place per patient and session), made by the migration.
@Entity({ name: 'waitlist_entry' })
@Unique('waitlist_entry_client_request_uq', ['clientRequestId'])
@Index('waitlist_entry_patient_uq', { synchronize: false })
export class WaitlistEntryOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @ManyToOne(() => ClinicSessionOrmEntity, { nullable: false })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'waitlist_entry_session_id_fkey' })
  session?: ClinicSessionOrmEntity;
  @Column({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'patient_resident_id', type: 'text' }) patientResidentId!: string;
  /** Empty when no referral is behind it. */
  @Column({ name: 'referral_id', type: 'text' }) referralId!: string;
  @Column({ name: 'requested_by_institution_id', type: 'uuid' }) requestedByInstitutionId!: string;
  @Column({ name: 'may_take_reserved', type: 'boolean' }) mayTakeReserved!: boolean;
  @Column({ name: 'priority_contracted', type: 'boolean' }) priorityContracted!: boolean;
  @Column({ name: 'priority_fee_waived', type: 'boolean' }) priorityFeeWaived!: boolean;
  @Column({ name: 'priority_green_channel', type: 'boolean' }) priorityGreenChannel!: boolean;
  @Column({ type: 'text' }) status!: WaitlistStatus;
  /** The booking an offer made; empty before. */
  @Column({ name: 'booking_id', type: 'text' }) bookingId!: string;
  @Column({ name: 'client_request_id', type: 'uuid' }) clientRequestId!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ type: 'integer' }) version!: number;
}
