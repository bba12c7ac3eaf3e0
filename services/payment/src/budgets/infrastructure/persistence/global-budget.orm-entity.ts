import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

const fenColumn = {
  type: 'bigint',
  transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
} as const;

/** A group's global budget for a period (one per group and period; a new one for the period replaces it). */
@Entity({ name: 'global_budget' })
@Check('global_budget_amount_check', 'amount >= 0')
@Check('global_budget_period_check', 'period_from < period_until')
export class GlobalBudgetOrmEntity {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @PrimaryColumn({ name: 'period_from', type: 'date' }) periodFrom!: string;
  @Column({ name: 'period_until', type: 'date' }) periodUntil!: string;
  @Column(fenColumn) amount!: number;
  @Column({ type: 'integer' }) residents!: number;
  @Column({ type: 'text' }) basis!: string;
  @Column({ name: 'set_at', type: 'timestamptz' }) setAt!: Date;
}
