import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One version of a drug of a group's catalogue, from `effectiveFrom` on; a withdrawal has no drug columns. The
 * migration's trigger refuses an update, and the deletion of a version already in force.
 */
@Entity({ name: 'drug_version' })
@Check('drug_version_withdrawn_check', 'withdrawn = (generic_name IS NULL)')
@Check(
  'drug_version_prices_check',
  'unified_price_fen >= 0 AND list_price_fen >= 0 AND (bid_price_fen IS NULL OR bid_price_fen >= 0)',
)
@Index('drug_version_generic_form_idx', ['groupId', 'genericName', 'dosageForm'])
export class DrugVersionOrmEntity {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @PrimaryColumn({ type: 'text' }) code!: string;
  @PrimaryColumn({ name: 'effective_from', type: 'timestamptz' }) effectiveFrom!: Date;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
  @Column({ type: 'boolean' }) withdrawn!: boolean;
  @Column({ name: 'generic_name', type: 'text', nullable: true }) genericName!: string | null;
  @Column({ name: 'dosage_form', type: 'text', nullable: true }) dosageForm!: string | null;
  @Column({ type: 'text', nullable: true }) strength!: string | null;
  @Column({ name: 'pack_size', type: 'integer', nullable: true }) packSize!: number | null;
  @Column({ type: 'text', nullable: true }) unit!: string | null;
  @Column({ name: 'pack_unit', type: 'text', nullable: true }) packUnit!: string | null;
  @Column({ type: 'text', nullable: true }) manufacturer!: string | null;
  @Column({ type: 'text', nullable: true }) supplier!: string | null;
  @Column({ type: 'boolean', nullable: true }) essential!: boolean | null;
  @Column({ name: 'volume_based', type: 'boolean', nullable: true }) volumeBased!: boolean | null;
  @Column({ name: 'bid_price_fen', type: 'integer', nullable: true }) bidPriceFen!: number | null;
  @Column({ name: 'unified_price_fen', type: 'integer', nullable: true }) unifiedPriceFen!: number | null;
  @Column({ name: 'list_price_fen', type: 'integer', nullable: true }) listPriceFen!: number | null;
  @Column({ name: 'insurance_category', type: 'text', nullable: true }) insuranceCategory!: string | null;
  @Column({ type: 'text', array: true, nullable: true }) levels!: string[] | null;
}
