import { Check, Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';

/** bigint columns come back as strings; fen stay well inside a safe integer. */
const fen: ValueTransformer = {
  to: (value: number) => value,
  from: (value: string) => Number(value),
};

/**
 * What a group owes a supplier: the sum of its ledger entries, kept by the database as each entry is inserted (the
 * migration's trigger); read, never written, by the service.
 */
@Entity({ name: 'supplier_balance' })
@Check('supplier_balance_not_negative', `balance_fen >= 0`)
export class SupplierBalanceOrmEntity {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @PrimaryColumn({ type: 'text' }) supplier!: string;
  @Column({ name: 'balance_fen', type: 'bigint', transformer: fen }) balanceFen!: number;
  @Column({ name: 'entry_count', type: 'integer' }) entryCount!: number;
  @Column({ name: 'last_sequence', type: 'integer' }) lastSequence!: number;
}
