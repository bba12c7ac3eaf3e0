import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';

const fenColumn = {
  type: 'bigint',
  transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
} as const;

/** A group's period settled: one row per group and period (the unique key settles a period once). */
@Entity({ name: 'settlement_run' })
@Unique('settlement_run_group_period_key', ['groupId', 'periodFrom'])
export class SettlementRunOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @Column({ name: 'period_from', type: 'date' }) periodFrom!: string;
  @Column({ name: 'period_until', type: 'date' }) periodUntil!: string;
  @Column(fenColumn) budget!: number;
  @Column({ name: 'fund_paid', ...fenColumn }) fundPaid!: number;
  @Column({ type: 'integer' }) claims!: number;
  /** The checksum of the claim versions counted (ClaimsToSettle); null for runs that kept a row per claim. */
  @Column({ name: 'claims_checksum', type: 'text', nullable: true }) claimsChecksum!: string | null;
  /** The settlement's figures (budget basis, balance, institutions, levels, point value) as the domain gave them. */
  @Column({ type: 'jsonb' }) result!: object;
  @Column({ name: 'settled_at', type: 'timestamptz' }) settledAt!: Date;
  @Column({ name: 'settled_by', type: 'text' }) settledBy!: string;
}

/** A claim version a run counted, kept for the runs made before the counted claims were a count and a checksum. */
@Entity({ name: 'settlement_claim' })
export class SettlementClaimOrmEntity {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' }) runId!: string;
  @ManyToOne(() => SettlementRunOrmEntity, { nullable: false })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'settlement_claim_run_id_fkey' })
  run?: SettlementRunOrmEntity;
  @PrimaryColumn({ name: 'claim_id', type: 'uuid' }) claimId!: string;
  @Column({ name: 'claim_version', type: 'integer' }) claimVersion!: number;
}

/** A line of a run's double-entry ledger, in fen. */
@Entity({ name: 'ledger_entry' })
@Check('ledger_entry_amount_check', 'debit >= 0 AND credit >= 0 AND (debit = 0 OR credit = 0)')
export class LedgerEntryOrmEntity {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' }) runId!: string;
  @ManyToOne(() => SettlementRunOrmEntity, { nullable: false })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'ledger_entry_run_id_fkey' })
  run?: SettlementRunOrmEntity;
  @PrimaryColumn({ type: 'integer' }) line!: number;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) account!: string;
  @Column(fenColumn) debit!: number;
  @Column(fenColumn) credit!: number;
  @Column({ type: 'text' }) memo!: string;
}
