import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { type Fen } from '../../../common/fen';
import { SettlementLedgerRepository } from '../../domain/purchasing.repository';
import { type LedgerEntry } from '../../domain/settlement-ledger';
import { PurchasingAccess } from '../purchasing-access.policy';
import { type GetSupplierLedgerQuery } from './get-supplier-ledger.query';

export interface SupplierLedger {
  readonly entries: readonly LedgerEntry[];
  readonly balanceFen: Fen;
}

/**
 * GetSupplierLedger: the supplier's entries, oldest first, and what it is owed; for the group's centre. Both are read
 * in one snapshot, so the balance is the sum of the entries shown.
 */
@Injectable()
export class GetSupplierLedgerUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly ledgers: SettlementLedgerRepository,
  ) {}

  async execute(identity: Identity, query: GetSupplierLedgerQuery): Promise<SupplierLedger> {
    const groupId = PurchasingAccess.centre(identity, 'read the settlement ledger');
    // One snapshot for both reads, so a receipt committed between them cannot show in one and not the other.
    return this.uow.run(
      async () => ({
        entries: await this.ledgers.entries(groupId, query.supplier),
        balanceFen: await this.ledgers.balance(groupId, query.supplier),
      }),
      'REPEATABLE READ',
    );
  }
}
