import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of a reimbursement table as stored in its version's jsonb: fen and basis points as numbers. */
export interface StoredRule {
  scheme: string;
  level: string;
  encounter: string;
  referral: string;
  contract: string;
  from: string;
  until: string | null;
  deductible: number;
  deductibleBasis: string;
  ceiling: number;
  rateBp: number;
  consultationWaived: boolean;
  basis: string[];
}

/** A version of a region's table with all its rows; the migration's trigger keeps it from being changed. */
@Entity({ name: 'reimbursement_table_version' })
export class ReimbursementTableVersionOrmEntity {
  @PrimaryColumn({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @Column({ type: 'jsonb' }) rules!: StoredRule[];
  @Column({ name: 'loaded_by', type: 'text' }) loadedBy!: string;
  @Column({ name: 'loaded_by_role', type: 'text' }) loadedByRole!: string;
  @Column({ name: 'loaded_at', type: 'timestamptz' }) loadedAt!: Date;
}
