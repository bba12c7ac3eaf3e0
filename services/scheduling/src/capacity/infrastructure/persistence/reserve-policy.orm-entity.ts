import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

// The override defaults are the migration's, for policies stored before overrides were kept per
// ratio; every write sets both.
@Entity({ name: 'reserve_policy' })
@Check('reserve_policy_slot_denominator_check', 'slot_denominator > 0')
@Check('reserve_policy_bed_denominator_check', 'bed_denominator > 0')
export class ReservePolicyOrmEntity {
  @PrimaryColumn({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'slot_numerator', type: 'integer' }) slotNumerator!: number;
  @Column({ name: 'slot_denominator', type: 'integer' }) slotDenominator!: number;
  @Column({ name: 'bed_numerator', type: 'integer' }) bedNumerator!: number;
  @Column({ name: 'bed_denominator', type: 'integer' }) bedDenominator!: number;
  @Column({ name: 'release_lead_hours', type: 'integer' }) releaseLeadHours!: number;
  @Column({ name: 'override_reason', type: 'text' }) overrideReason!: string;
  @Column({ name: 'override_by', type: 'text' }) overrideBy!: string;
  @Column({ name: 'slot_override', type: 'boolean', default: false }) slotOverride!: boolean;
  @Column({ name: 'bed_override', type: 'boolean', default: false }) bedOverride!: boolean;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
