import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A catalogue drug an institution stocks. */
@Entity({ name: 'formulary_item' })
export class FormularyItemOrmEntity {
  @PrimaryColumn({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @PrimaryColumn({ name: 'drug_code', type: 'text' }) drugCode!: string;
  @Column({ name: 'stocked_at', type: 'timestamptz' }) stockedAt!: Date;
}
