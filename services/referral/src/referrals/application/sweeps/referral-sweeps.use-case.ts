import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { expiryCutoff, isExpiredAt, type Referral } from '../../domain/referral';
import { ReferralRepository } from '../../domain/referral.repository';
import { ReferralRulesProvider } from '../referral-rules';
import { ReferralWriter } from '../referral-writer';

const BATCH = 100;

/**
 * The clocks of the referral rules: the 48-hour deadline (a breach is
 * recorded once, with its event and metric) and the expiry of referrals whose
 * patient never came (scheduling then gives back the slot). Each referral is
 * its own transaction under its row lock, so a step taken meanwhile wins and
 * two replicas sweeping at once record nothing twice.
 */
@Injectable()
export class ReferralSweepsUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly referrals: ReferralRepository,
    private readonly writer: ReferralWriter,
    private readonly rules: ReferralRulesProvider,
  ) {}

  /** Records every deadline breach due by now; returns how many it recorded. */
  async breachDeadlines(now = new Date()): Promise<number> {
    let recorded = 0;
    for (;;) {
      const ids = await this.referrals.overdueUnflagged(now, BATCH);
      const before = recorded;
      for (const id of ids) {
        if (await this.step(id, (referral) => referral.breachDeadline(now))) recorded++;
      }
      // A full batch that changed nothing would come back the same: stop rather than spin.
      if (ids.length < BATCH || recorded === before) return recorded;
    }
  }

  /** Expires every upward referral whose patient has not arrived within the expiry period. */
  async expireStale(now = new Date()): Promise<number> {
    const cutoff = expiryCutoff(now, this.rules.rules);
    let expired = 0;
    for (;;) {
      const ids = await this.referrals.submittedBefore(cutoff, BATCH);
      const before = expired;
      for (const id of ids) {
        const done = await this.step(id, (referral) => {
          if (!isExpiredAt(referral.snapshot(), now, this.rules.rules)) return false;
          referral.expire(now);
          return true;
        });
        if (done) expired++;
      }
      if (ids.length < BATCH || expired === before) return expired;
    }
  }

  private async step(id: string, change: (referral: Referral) => boolean): Promise<boolean> {
    const events = await this.uow.run(async () => {
      const referral = await this.referrals.findById(id, true);
      if (!referral || !change(referral)) return [];
      return this.writer.save(referral, false);
    });
    return events.length > 0;
  }
}
