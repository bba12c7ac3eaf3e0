import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { type InstitutionLevel } from '../../../common/domain/insurance';

/** A disease group as stored in its version's jsonb. */
export interface StoredDiseaseGroup {
  code: string;
  name: string;
  points: number;
  primaryLevel: boolean;
  from: string;
  until: string | null;
}

/** A version of a fund's disease-group points with all its groups; the migration's trigger keeps it unchanged. */
@Entity({ name: 'disease_group_table_version' })
@Check('disease_group_table_version_check', 'version > 0')
export class DiseaseGroupTableVersionOrmEntity {
  @PrimaryColumn({ name: 'fund_id', type: 'uuid' }) fundId!: string;
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @Column({ type: 'jsonb' }) groups!: StoredDiseaseGroup[];
  @Column({ name: 'level_factor_bp', type: 'jsonb' }) levelFactorBp!: Record<InstitutionLevel, number>;
  @Column({ name: 'loaded_at', type: 'timestamptz' }) loadedAt!: Date;
  @Column({ name: 'loaded_by', type: 'text' }) loadedBy!: string;
}
