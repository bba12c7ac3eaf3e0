import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { ClinicSessionOrmEntity } from '../../../schedules/infrastructure/persistence/clinic-session.orm-entity';
import { type BookingStatus } from '../../domain/booking';
import { type Pool } from '../../domain/pool';

// The partial indexes (made by the migration) are the last word on one live booking per patient
// and session, one live slot per referral, and find the holds that run out.
@Entity({ name: 'booking' })
@Unique('booking_client_request_uq', ['clientRequestId'])
@Index('booking_session_idx', ['sessionId'])
@Index('booking_patient_session_uq', { synchronize: false })
@Index('booking_referral_uq', { synchronize: false })
@Index('booking_hold_expiry_idx', { synchronize: false })
export class BookingOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @ManyToOne(() => ClinicSessionOrmEntity, { nullable: false })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'booking_session_id_fkey' })
  session?: ClinicSessionOrmEntity;
  @Column({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'slot_number', type: 'integer' }) slotNumber!: number;
  @Column({ type: 'text' }) pool!: Pool;
  @Column({ type: 'text' }) status!: BookingStatus;
  @Column({ name: 'patient_resident_id', type: 'text' }) patientResidentId!: string;
  /** Empty when no referral is behind it. */
  @Column({ name: 'referral_id', type: 'text' }) referralId!: string;
  @Column({ name: 'booked_by_institution_id', type: 'uuid' }) bookedByInstitutionId!: string;
  @Column({ name: 'priority_contracted', type: 'boolean' }) priorityContracted!: boolean;
  @Column({ name: 'priority_fee_waived', type: 'boolean' }) priorityFeeWaived!: boolean;
  @Column({ name: 'priority_green_channel', type: 'boolean' }) priorityGreenChannel!: boolean;
  @Column({ name: 'hold_expires_at', type: 'timestamptz', nullable: true }) holdExpiresAt!: Date | null;
  @Column({ name: 'client_request_id', type: 'uuid' }) clientRequestId!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ name: 'cancel_reason', type: 'text' }) cancelReason!: string;
  @Column({ type: 'integer' }) version!: number;
}
