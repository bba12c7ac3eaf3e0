import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type Fen } from '../../../common/fen';
import { SettlementLedgerRepository } from '../../domain/purchasing.repository';
import { type LedgerEntry } from '../../domain/settlement-ledger';
import { PurchasingAccess } from '../purchasing-access.policy';
import { type GetSupplierLedgerQuery } from './get-supplier-ledger.query';

export interface SupplierLedger {
  readonly entries: readonly LedgerEntry[];
  readonly balanceFen: Fen;
}

/** GetSupplierLedger: the supplier's entries, oldest first, and what it is owed; for the group's centre. */
@Injectable()
export class GetSupplierLedgerUseCase {
  constructor(private readonly ledgers: SettlementLedgerRepository) {}

  async execute(identity: Identity, query: GetSupplierLedgerQuery): Promise<SupplierLedger> {
    const groupId = PurchasingAccess.centre(identity, 'read the settlement ledger');
    const ledger = await this.ledgers.load(groupId);
    return {
      entries: ledger.history().filter((entry) => entry.supplier === query.supplier),
      balanceFen: ledger.balanceOf(query.supplier),
    };
  }
}
