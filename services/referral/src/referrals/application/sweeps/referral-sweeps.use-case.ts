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
  breachDeadlines(now = new Date()): Promise<number> {
    return this.sweep(
      (limit) => this.referrals.overdueUnflagged(now, limit),
      (referral) => referral.breachDeadline(now),
    );
  }

  /** Expires every upward referral whose patient has not arrived within the expiry period. */
  expireStale(now = new Date()): Promise<number> {
    const cutoff = expiryCutoff(now, this.rules.rules);
    return this.sweep(
      (limit) => this.referrals.submittedBefore(cutoff, limit),
      (referral) => {
        if (!isExpiredAt(referral.snapshot(), now, this.rules.rules)) return false;
        referral.expire(now);
        return true;
      },
    );
  }

  /** Applies `change` to every referral `due` finds, batch by batch; returns how many changed. */
  private async sweep(
    due: (limit: number) => Promise<string[]>,
    change: (referral: Referral) => boolean,
  ): Promise<number> {
    let changed = 0;
    for (;;) {
      const ids = await due(BATCH);
      const before = changed;
      for (const id of ids) if (await this.step(id, change)) changed++;
      // A full batch that changed nothing would come back the same: stop rather than spin.
      if (ids.length < BATCH || changed === before) return changed;
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
