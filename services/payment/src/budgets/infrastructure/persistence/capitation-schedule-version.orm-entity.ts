import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** A capitation rate as stored in its version's jsonb: fen as a number. */
export interface StoredCapitationRate {
  diseaseGroup: string | null;
  annualPerResident: number;
  from: string;
  until: string | null;
  basis: string;
}

/** A version of a fund's capitation schedule with all its rates; the migration's trigger keeps it unchanged. */
@Entity({ name: 'capitation_schedule_version' })
@Check('capitation_schedule_version_check', 'version > 0')
export class CapitationScheduleVersionOrmEntity {
  @PrimaryColumn({ name: 'fund_id', type: 'uuid' }) fundId!: string;
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @Column({ type: 'jsonb' }) rates!: StoredCapitationRate[];
  @Column({ name: 'loaded_at', type: 'timestamptz' }) loadedAt!: Date;
  @Column({ name: 'loaded_by', type: 'text' }) loadedBy!: string;
}
