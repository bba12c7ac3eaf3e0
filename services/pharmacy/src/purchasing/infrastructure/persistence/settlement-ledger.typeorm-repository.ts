import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { In } from 'typeorm';
import { type Fen } from '../../../common/fen';
import { SettlementLedgerRepository } from '../../domain/purchasing.repository';
import { type LedgerEntry, SettlementLedger } from '../../domain/settlement-ledger';
import { ledgerEntryFromEntity, ledgerEntryToEntity } from './purchasing.mapper';
import { SupplierBalanceOrmEntity } from './supplier-balance.orm-entity';
import { SupplierLedgerEntryOrmEntity } from './supplier-ledger-entry.orm-entity';

/**
 * supplier_ledger_entry, insert only, and supplier_balance, which the database keeps as entries are inserted; joins
 * the current UnitOfWork transaction. A change reads its position on indexes (the group's last sequence, its
 * suppliers' balance rows, its deliveries), never the ledger itself.
 */
@Injectable()
export class SettlementLedgerTypeormRepository extends SettlementLedgerRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async load(
    groupId: string,
    touching: { readonly suppliers: readonly string[]; readonly deliveryIds?: readonly string[] },
  ): Promise<SettlementLedger> {
    const db = this.uow.manager();
    // The primary key's index answers the last sequence from its end.
    const [head] = await db.query<{ last: number }[]>(
      `SELECT coalesce(max(sequence), 0)::int AS last FROM supplier_ledger_entry WHERE group_id = $1`,
      [groupId],
    );
    const balances = touching.suppliers.length
      ? await db.find(SupplierBalanceOrmEntity, {
          where: { groupId, supplier: In([...touching.suppliers]) },
        })
      : [];
    const deliveryIds = touching.deliveryIds ?? [];
    const entered = deliveryIds.length
      ? await db.query<{ reference: string }[]>(
          `SELECT DISTINCT reference FROM supplier_ledger_entry
           WHERE group_id = $1 AND kind = 'delivered' AND reference = ANY($2)`,
          [groupId, deliveryIds],
        )
      : [];
    return SettlementLedger.restore({
      lastSequence: head?.last ?? 0,
      balances: new Map(balances.map((row) => [row.supplier, row.balanceFen])),
      enteredDeliveries: new Set(entered.map((row) => row.reference)),
    });
  }

  async append(groupId: string, entries: readonly LedgerEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.uow.transactionalManager().insert(
      SupplierLedgerEntryOrmEntity,
      entries.map((entry) => ledgerEntryToEntity(groupId, entry)),
    );
  }

  async entries(groupId: string, supplier: string): Promise<LedgerEntry[]> {
    const rows = await this.uow.manager().find(SupplierLedgerEntryOrmEntity, {
      where: { groupId, supplier },
      order: { sequence: 'ASC' },
    });
    return rows.map(ledgerEntryFromEntity);
  }

  async entry(groupId: string, sequence: number): Promise<LedgerEntry | null> {
    const row = await this.uow.manager().findOneBy(SupplierLedgerEntryOrmEntity, { groupId, sequence });
    return row ? ledgerEntryFromEntity(row) : null;
  }

  async balance(groupId: string, supplier: string): Promise<Fen> {
    const row = await this.uow.manager().findOneBy(SupplierBalanceOrmEntity, { groupId, supplier });
    return row?.balanceFen ?? 0;
  }
}
