import { Column, Entity, PrimaryColumn } from 'typeorm';
import { type RollRowReport } from '../../domain/enrolment-roll';

/** A roll loaded, with its row-by-row report. */
@Entity({ name: 'coverage_load' })
export class CoverageLoadOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'resident_count', type: 'integer' }) residentCount!: number;
  @Column({ type: 'jsonb' }) report!: RollRowReport[];
  @Column({ name: 'loaded_by', type: 'text' }) loadedBy!: string;
  @Column({ name: 'loaded_by_role', type: 'text' }) loadedByRole!: string;
  @Column({ name: 'loaded_at', type: 'timestamptz' }) loadedAt!: Date;
}
