import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { PaymentAccess } from '../../../common/payment-access.policy';
import { SettlementError, SettlementErrorCode } from '../../domain/settlement-error';
import { SettlementRunRepository, type StoredSettlement } from '../../domain/settlement-run.repository';
import { type GetSettlementRunQuery } from './get-settlement-run.query';

/**
 * GetSettlementRun: a run with its ledger, for the city's insurance administration and the group's administrators.
 * A group's figures and institutions' payments, no patient's data: the read is not audited.
 */
@Injectable()
export class GetSettlementRunUseCase {
  constructor(private readonly runs: SettlementRunRepository) {}

  async execute(identity: Identity, query: GetSettlementRunQuery): Promise<StoredSettlement> {
    const run = await this.runs.find(query.runId);
    if (!run || !PaymentAccess.readsSettlement(identity, run.result.groupId)) {
      // A run the caller may not read is not told apart from none.
      throw new SettlementError(
        SettlementErrorCode.SettlementNotFound,
        'no settlement run you may read has this id',
        'runId',
      );
    }
    return run;
  }
}
