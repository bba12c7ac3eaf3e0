import { Check, Column, Entity, Index, PrimaryColumn, type ValueTransformer } from 'typeorm';

/** bigint columns come back as strings; fen stay well inside a safe integer. */
const fen: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** One entry of a group's settlement ledger: the migration's trigger refuses updates and deletes. */
@Entity({ name: 'supplier_ledger_entry' })
@Check(
  'supplier_ledger_entry_kind_check',
  `(kind = 'delivered' AND amount_fen >= 0 AND quantity > 0 AND unit_price_fen >= 0) OR (kind = 'paid' AND amount_fen < 0)`,
)
@Index('supplier_ledger_entry_by_supplier', ['groupId', 'supplier', 'sequence'])
@Index('supplier_ledger_entry_by_delivery', ['groupId', 'reference'], { where: `kind = 'delivered'` })
export class SupplierLedgerEntryOrmEntity {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @PrimaryColumn({ type: 'integer' }) sequence!: number;
  @Column({ type: 'text' }) supplier!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) reference!: string;
  @Column({ name: 'drug_code', type: 'text', nullable: true }) drugCode!: string | null;
  @Column({ type: 'integer', nullable: true }) quantity!: number | null;
  @Column({ name: 'unit_price_fen', type: 'bigint', nullable: true, transformer: fen })
  unitPriceFen!: number | null;
  @Column({ name: 'amount_fen', type: 'bigint', transformer: fen }) amountFen!: number;
  @Column({ type: 'timestamptz' }) at!: Date;
}
