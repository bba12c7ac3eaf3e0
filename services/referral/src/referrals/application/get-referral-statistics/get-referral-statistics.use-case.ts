import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type ReferralMonthFigures, ReferralRepository } from '../../domain/referral.repository';
import { visibilityOf } from '../referral-access.policy';
import { type GetReferralStatisticsQuery } from './get-referral-statistics.query';

/**
 * GetReferralStatistics: per month, group and direction, the referrals the caller could list. Counts
 * name no patient, so they are not audited as reads; a group or institution the caller does not see
 * counts nothing rather than being refused, as a list of it would be empty.
 */
@Injectable()
export class GetReferralStatisticsUseCase {
  constructor(private readonly referrals: ReferralRepository) {}

  async execute(identity: Identity, query: GetReferralStatisticsQuery): Promise<ReferralMonthFigures[]> {
    const { from, until } = query.period;
    return this.referrals.monthlyFigures(visibilityOf(identity), {
      createdFrom: from,
      createdBefore: until,
      groupId: query.groupId,
      institutionId: query.institutionId,
    });
  }
}
