import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { type Referral } from '../domain/referral';
import { ReferralRepository } from '../domain/referral.repository';
import { ReferralWriter } from './referral-writer';

const BATCH = 100;

/**
 * What the clocks of the referral rules share (BreachDeadlines, ExpireReferrals): each referral
 * due is its own transaction under its row lock, so a step taken meanwhile wins and two
 * replicas sweeping at once record nothing twice.
 */
@Injectable()
export class ReferralSweep {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly referrals: ReferralRepository,
    private readonly writer: ReferralWriter,
  ) {}

  /** Applies `change` to every referral `due` finds, batch by batch; returns how many changed. */
  async run(
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
