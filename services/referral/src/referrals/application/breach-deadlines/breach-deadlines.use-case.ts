import { Injectable } from '@nestjs/common';
import { ReferralRepository } from '../../domain/referral.repository';
import { ReferralSweep } from '../referral-sweep';

/**
 * The 48-hour clock: records every deadline breach due by now, once, with its event and
 * metric; returns how many it recorded.
 */
@Injectable()
export class BreachDeadlinesUseCase {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly sweep: ReferralSweep,
  ) {}

  execute(now = new Date()): Promise<number> {
    return this.sweep.run(
      (limit) => this.referrals.overdueUnflagged(now, limit),
      (referral) => referral.breachDeadline(now),
    );
  }
}
