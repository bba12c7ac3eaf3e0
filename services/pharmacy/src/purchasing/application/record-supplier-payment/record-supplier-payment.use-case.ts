import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { type Fen } from '../../../common/fen';
import { SettlementLedgerRepository } from '../../domain/purchasing.repository';
import { type LedgerEntry } from '../../domain/settlement-ledger';
import { CentreStep } from '../centre-step';
import { type RecordSupplierPaymentCommand } from './record-supplier-payment.command';

export interface PaymentRecorded {
  readonly entry: LedgerEntry;
  readonly balanceFen: Fen;
}

/**
 * RecordSupplierPayment (统一结算): the centre pays a supplier, whole fen, at least 1 and never more than it is
 * owed; the payment is appended to the group's ledger. A retry answers the entry the first attempt appended.
 */
@Injectable()
export class RecordSupplierPaymentUseCase {
  constructor(
    private readonly step: CentreStep,
    private readonly ledgers: SettlementLedgerRepository,
  ) {}

  async execute(
    identity: Identity,
    command: RecordSupplierPaymentCommand,
    now = new Date(),
  ): Promise<PaymentRecorded> {
    return this.step.run(identity, 'pay suppliers', clientRequestOf('record-supplier-payment', command), {
      load: async (id, groupId) => {
        const entry = await this.ledgers.entry(groupId, Number(id));
        return entry ? { entry, balanceFen: await this.ledgers.balance(groupId, entry.supplier) } : null;
      },
      create: async (groupId) => {
        const ledger = await this.ledgers.load(groupId, { suppliers: [command.supplier] });
        const entry = ledger.recordPayment(command.supplier, command.amountFen, command.reference, now);
        await this.ledgers.append(groupId, [entry]);
        return {
          id: String(entry.sequence),
          result: { entry, balanceFen: ledger.balanceOf(command.supplier) },
        };
      },
    });
  }
}
