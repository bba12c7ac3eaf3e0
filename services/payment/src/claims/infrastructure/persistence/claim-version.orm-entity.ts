import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ClaimOrmEntity } from './claim.orm-entity';

/** Fen in a bigint column, read back as a number (amounts stay below 2^53, checked by the domain). */
const fenColumn = {
  type: 'bigint',
  transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
} as const;

/** A claim's content as stored in its version's jsonb. */
export interface StoredSubmission {
  institutionId: string;
  institutionLevel: string;
  claimNumber: string;
  residentId: string;
  serviceDate: string;
  encounter: { kind: string; days?: number };
  lines: { code: string; kind: string; quantity: number; unitPrice: number; amount: number }[];
  principalDiagnosis: string;
  diseaseGroup: string | null;
  referralId: string | null;
  contracted: boolean;
}

/** An adjudication as stored in its version's jsonb. */
export interface StoredAdjudication {
  claimId: string;
  claimVersion: number;
  scheme: string;
  referral: string;
  contract: string;
  ruleId: string;
  tableVersion: number;
  rateBp: number;
  total: number;
  waived: number;
  deductible: number;
  fund: number;
  patient: number;
  reasons: { code: string; amount: number; detail: string }[];
}

/** A version of a claim with its adjudication; the migration's trigger keeps it from being changed. */
@Entity({ name: 'claim_version' })
@Check('claim_version_shares_check', 'waived + fund + patient = total')
export class ClaimVersionOrmEntity {
  @PrimaryColumn({ name: 'claim_id', type: 'uuid' }) claimId!: string;
  @ManyToOne(() => ClaimOrmEntity, { nullable: false })
  @JoinColumn({ name: 'claim_id', foreignKeyConstraintName: 'claim_version_claim_id_fkey' })
  claim?: ClaimOrmEntity;
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @Column({ type: 'jsonb' }) submission!: StoredSubmission;
  @Column({ name: 'institution_level', type: 'text' }) institutionLevel!: string;
  @Column({ name: 'service_date', type: 'date' }) serviceDate!: string;
  @Column({ type: 'text' }) encounter!: string;
  @Column({ type: 'text' }) scheme!: string;
  @Column({ name: 'correction_reason', type: 'text', nullable: true }) correctionReason!: string | null;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ type: 'jsonb' }) adjudication!: StoredAdjudication;
  @Column(fenColumn) total!: number;
  @Column(fenColumn) waived!: number;
  @Column(fenColumn) deductible!: number;
  @Column(fenColumn) fund!: number;
  @Column(fenColumn) patient!: number;
}
