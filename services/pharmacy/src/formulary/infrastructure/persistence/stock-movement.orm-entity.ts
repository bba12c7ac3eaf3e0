import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One movement of stock, kept as its history: the migration's trigger refuses updates and deletes. */
@Entity({ name: 'stock_movement' })
@Check('stock_movement_kind_check', `kind IN ('received', 'issued')`)
@Check('stock_movement_quantity_check', 'quantity > 0 AND on_hand_after >= 0')
@Index('stock_movement_drug_idx', ['institutionId', 'drugCode', 'at'])
export class StockMovementOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @Column({ name: 'drug_code', type: 'text' }) drugCode!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'integer' }) quantity!: number;
  @Column({ name: 'on_hand_after', type: 'integer' }) onHandAfter!: number;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
}
