import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** An institution's packs on hand of one drug; the check keeps stock from going negative whatever writes it. */
@Entity({ name: 'stock_balance' })
@Check('stock_balance_on_hand_check', 'on_hand >= 0')
export class StockBalanceOrmEntity {
  @PrimaryColumn({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @PrimaryColumn({ name: 'drug_code', type: 'text' }) drugCode!: string;
  @Column({ name: 'on_hand', type: 'integer' }) onHand!: number;
}
