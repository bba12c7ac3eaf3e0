import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { type Pool } from '../../../booking/domain/pool';
import { type AdmissionStatus } from '../../domain/admission';
import { WardOrmEntity } from './ward.orm-entity';

// admission_patient_active_uq is partial (one waiting or admitted admission per patient), made by
// the migration.
@Entity({ name: 'admission' })
@Index('admission_institution_idx', ['institutionId', 'requestedAt'])
@Index('admission_ward_queue_idx', ['wardId', 'status', 'queueRank', 'requestedAt', 'id'])
@Index('admission_patient_active_uq', { synchronize: false })
@Check('admission_queue_rank_check', 'queue_rank BETWEEN 0 AND 3')
export class AdmissionOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'ward_id', type: 'uuid' }) wardId!: string;
  @ManyToOne(() => WardOrmEntity, { nullable: false })
  @JoinColumn({ name: 'ward_id', foreignKeyConstraintName: 'admission_ward_id_fkey' })
  ward?: WardOrmEntity;
  @Column({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'patient_resident_id', type: 'text' }) patientResidentId!: string;
  /** Empty when no referral is behind it. */
  @Column({ name: 'referral_id', type: 'text' }) referralId!: string;
  @Column({ name: 'requested_by_institution_id', type: 'uuid' }) requestedByInstitutionId!: string;
  @Column({ name: 'priority_contracted', type: 'boolean' }) priorityContracted!: boolean;
  @Column({ name: 'priority_fee_waived', type: 'boolean' }) priorityFeeWaived!: boolean;
  @Column({ name: 'priority_green_channel', type: 'boolean' }) priorityGreenChannel!: boolean;
  /** Place in the ward's queue, lower first (queueRankOf). */
  @Column({ name: 'queue_rank', type: 'smallint' }) queueRank!: number;
  @Column({ type: 'text' }) status!: AdmissionStatus;
  /** Empty until a bed is assigned. */
  @Column({ name: 'bed_code', type: 'text' }) bedCode!: string;
  @Column({ type: 'text', nullable: true }) pool!: Pool | null;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt!: Date;
  @Column({ name: 'admitted_at', type: 'timestamptz', nullable: true }) admittedAt!: Date | null;
  @Column({ name: 'discharged_at', type: 'timestamptz', nullable: true }) dischargedAt!: Date | null;
  @Column({ name: 'cancel_reason', type: 'text' }) cancelReason!: string;
  @Column({ type: 'integer' }) version!: number;
}
