import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { type DatedCompositeScheme } from '../../domain/settlement-rules';
import { type SettlementPolicy } from '../../domain/settlement-policy';

/** A version of a fund's settlement rules (policies and composite schemes), whole; never rewritten. */
@Entity({ name: 'settlement_rules_version' })
@Check('settlement_rules_version_check', 'version > 0')
export class SettlementRulesVersionOrmEntity {
  @PrimaryColumn({ name: 'fund_id', type: 'uuid' }) fundId!: string;
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @Column({ type: 'jsonb' }) policies!: SettlementPolicy[];
  @Column({ type: 'jsonb' }) schemes!: DatedCompositeScheme[];
  @Column({ name: 'loaded_at', type: 'timestamptz' }) loadedAt!: Date;
  @Column({ name: 'loaded_by', type: 'text' }) loadedBy!: string;
}
