import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { PaymentAccess } from '../../../common/payment-access.policy';
import { ClaimRepository } from '../../domain/claim.repository';
import { firstContactStatistics, type FirstContactStatistics } from '../../domain/first-contact-statistics';
import { type GetFirstContactStatisticsQuery } from './get-first-contact-statistics.query';

/**
 * GetFirstContactStatistics: the outpatient claims of a range counted per institution and referral (one aggregate
 * read, no patient data, so nothing to audit), the shares computed here, within the groups the caller may see.
 */
@Injectable()
export class GetFirstContactStatisticsUseCase {
  constructor(private readonly claims: ClaimRepository) {}

  async execute(identity: Identity, query: GetFirstContactStatisticsQuery): Promise<FirstContactStatistics> {
    const groupId = PaymentAccess.statisticsGroup(identity, query.groupId);
    return firstContactStatistics(await this.claims.outpatientTallies({ ...query.dates, groupId }));
  }
}
