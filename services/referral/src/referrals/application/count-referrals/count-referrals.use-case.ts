import { Injectable } from '@nestjs/common';
import { ReferralRepository, type ReferralStatusCount } from '../../domain/referral.repository';

/** The referral counts the dashboards show, as of one moment. */
export interface ReferralCounts {
  readonly byStatus: readonly ReferralStatusCount[];
  /** Open upward referrals past their deadline, per group. */
  readonly overdueByGroup: ReadonlyMap<string, number>;
}

/** Counts referrals by group, direction and status, and the overdue ones (the gauges timer runs it). */
@Injectable()
export class CountReferralsUseCase {
  constructor(private readonly referrals: ReferralRepository) {}

  async execute(now = new Date()): Promise<ReferralCounts> {
    return {
      byStatus: await this.referrals.statusCounts(),
      overdueByGroup: await this.referrals.overdueCounts(now),
    };
  }
}
