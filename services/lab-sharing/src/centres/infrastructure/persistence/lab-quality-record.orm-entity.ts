import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { type LabQualityKind } from '../../domain/lab-quality';

/** lab_quality_record: what a performing institution had shown, each record with its validity. */
@Entity({ name: 'lab_quality_record' })
@Index('lab_quality_record_institution_idx', ['institutionId', 'validUntil'])
export class LabQualityRecordOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @Column({ type: 'text' }) kind!: LabQualityKind;
  @Column({ type: 'text' }) reference!: string;
  @Column({ name: 'valid_from', type: 'timestamptz' }) validFrom!: Date;
  @Column({ name: 'valid_until', type: 'timestamptz' }) validUntil!: Date;
  @Column({ name: 'recorded_by', type: 'text' }) recordedBy!: string;
  @Column({ name: 'recorded_by_institution_id', type: 'uuid', nullable: true })
  recordedByInstitutionId!: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
