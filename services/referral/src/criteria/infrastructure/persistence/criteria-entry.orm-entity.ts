import { Column, Entity, PrimaryColumn } from 'typeorm';
import { type DiseaseCriteriaInput } from '../../domain/disease-criteria';

@Entity({ name: 'criteria_entry' })
export class CriteriaEntryOrmEntity {
  /** The entry's first covered code or range. */
  @PrimaryColumn({ type: 'text' }) key!: string;
  @Column({ type: 'jsonb' }) definition!: DiseaseCriteriaInput;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
