import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** A spell of a resident's coverage: one scheme from a local date until one (exclusive) or on. */
@Entity({ name: 'coverage_spell' })
@Check('coverage_spell_scheme_check', `scheme IN ('urban-employee', 'urban-rural-resident')`)
@Check('coverage_spell_period_check', 'valid_until IS NULL OR valid_until > valid_from')
export class CoverageSpellOrmEntity {
  @PrimaryColumn({ name: 'resident_id', type: 'text' }) residentId!: string;
  @PrimaryColumn({ name: 'valid_from', type: 'date' }) validFrom!: string;
  @Column({ name: 'valid_until', type: 'date', nullable: true }) validUntil!: string | null;
  @Column({ type: 'text' }) scheme!: string;
}
