import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { SettlementLedgerRepository } from '../../domain/purchasing.repository';
import { type LedgerEntry, SettlementLedger } from '../../domain/settlement-ledger';
import { ledgerEntryFromEntity, ledgerEntryToEntity } from './purchasing.mapper';
import { SupplierLedgerEntryOrmEntity } from './supplier-ledger-entry.orm-entity';

/** supplier_ledger_entry, insert only; joins the current UnitOfWork transaction. */
@Injectable()
export class SettlementLedgerTypeormRepository extends SettlementLedgerRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async load(groupId: string): Promise<SettlementLedger> {
    const rows = await this.uow.manager().find(SupplierLedgerEntryOrmEntity, {
      where: { groupId },
      order: { sequence: 'ASC' },
    });
    return SettlementLedger.restore(rows.map(ledgerEntryFromEntity));
  }

  async append(groupId: string, entries: readonly LedgerEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.uow.transactionalManager().insert(
      SupplierLedgerEntryOrmEntity,
      entries.map((entry) => ledgerEntryToEntity(groupId, entry)),
    );
  }
}
