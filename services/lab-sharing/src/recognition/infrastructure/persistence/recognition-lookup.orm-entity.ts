import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One "already done?" look-up; `offered` keeps the recognised results offered, as offered (ISO instants). */
@Entity({ name: 'recognition_lookup' })
@Index('recognition_lookup_site_idx', { synchronize: false })
@Index('recognition_lookup_time_idx', ['lookedUpAt'])
@Check(
  'recognition_lookup_outcome_check',
  `outcome IN ('nothing-offered', 'pending', 'reused', 'ordered-anyway')`,
)
export class RecognitionLookupOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'patient_resident_id', type: 'text' }) patientResidentId!: string;
  @Column({ name: 'item_code', type: 'text' }) itemCode!: string;
  @Column({ name: 'ordering_institution_id', type: 'uuid' }) orderingInstitutionId!: string;
  @Column({ name: 'looked_up_at', type: 'timestamptz' }) lookedUpAt!: Date;
  @Column({ type: 'jsonb' }) offered!: OfferedJson[];
  @Column({ type: 'text' }) outcome!: string;
  @Column({ name: 'reused_result_id', type: 'uuid', nullable: true }) reusedResultId!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ type: 'integer' }) version!: number;
}

export interface OfferedJson {
  resultId: string;
  performedAt: string;
  performingInstitutionId: string;
  mark: string;
  validUntil: string;
}
