import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { monthPeriod } from '../../../common/domain/effective-period';
import { PaymentAccess } from '../../../common/payment-access.policy';
import { SettlementError, SettlementErrorCode } from '../../domain/settlement-error';
import { settlementCsv } from '../../domain/settlement-report';
import { SettlementRunRepository, type StoredSettlement } from '../../domain/settlement-run.repository';
import { type GetSettlementReportQuery } from './get-settlement-report.query';

export interface SettlementReport {
  readonly settlement: StoredSettlement;
  /** The insurance bureau's CSV (settlementCsv). */
  readonly csv: string;
}

/**
 * GetSettlementReport: a group's month as settled, with the insurance bureau's CSV, for the city's insurance
 * administration and the group's administrators.
 */
@Injectable()
export class GetSettlementReportUseCase {
  constructor(private readonly runs: SettlementRunRepository) {}

  async execute(identity: Identity, query: GetSettlementReportQuery): Promise<SettlementReport> {
    PaymentAccess.require(
      PaymentAccess.readsSettlement(identity, query.groupId),
      "read this group's settlements",
    );
    const settlement = await this.runs.findFor(query.groupId, monthPeriod(query.month));
    if (!settlement) {
      throw new SettlementError(
        SettlementErrorCode.SettlementNotFound,
        `${query.month} of this group is not settled`,
        'month',
      );
    }
    return { settlement, csv: settlementCsv(settlement.result) };
  }
}
