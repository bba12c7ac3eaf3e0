import { Injectable } from '@nestjs/common';
import { expiryCutoff, isExpiredAt } from '../../domain/referral';
import { ReferralRepository } from '../../domain/referral.repository';
import { ReferralRulesProvider } from '../referral-rules';
import { ReferralSweep } from '../referral-sweep';

/**
 * Expires every upward referral whose patient has not arrived within the expiry period
 * (scheduling then gives back the slot); returns how many it expired.
 */
@Injectable()
export class ExpireReferralsUseCase {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly sweep: ReferralSweep,
    private readonly rules: ReferralRulesProvider,
  ) {}

  execute(now = new Date()): Promise<number> {
    const cutoff = expiryCutoff(now, this.rules.rules);
    return this.sweep.run(
      (limit) => this.referrals.submittedBefore(cutoff, limit),
      (referral) => {
        if (!isExpiredAt(referral.snapshot(), now, this.rules.rules)) return false;
        referral.expire(now);
        return true;
      },
    );
  }
}
