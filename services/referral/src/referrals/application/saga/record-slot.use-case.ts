import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { ReferralRepository } from '../../domain/referral.repository';
import { ReferralWriter } from '../referral-writer';

/** What scheduling answered for an accepted referral (SlotHoldChanged). */
export type SlotAnswer =
  | { readonly kind: 'held'; readonly bookingId: string; readonly sessionId: string; readonly pool: string }
  | { readonly kind: 'waitlisted'; readonly sessionId: string }
  | { readonly kind: 'no-session' }
  | { readonly kind: 'other' };

/**
 * Referral's side of the saga with scheduling: a held slot schedules the
 * referral; a waitlist place or no session at all is noted in its history so
 * the referrer sees it. Runs in the consumer's transaction with its inbox row,
 * so a replay finds the step done. A referral that moved on meanwhile
 * (cancelled, expired) keeps its state: scheduling releases the slot when it
 * sees that referral event.
 */
@Injectable()
export class RecordSlotUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly referrals: ReferralRepository,
    private readonly writer: ReferralWriter,
  ) {}

  async apply(referralId: string, answer: SlotAnswer, now = new Date()): Promise<void> {
    await this.uow.run(async () => {
      const referral = await this.referrals.findById(referralId, true);
      if (!referral) return [];
      const changed =
        answer.kind === 'held'
          ? referral.schedule(
              { bookingId: answer.bookingId, sessionId: answer.sessionId, pool: answer.pool },
              now,
            )
          : answer.kind === 'waitlisted'
            ? referral.noteWaitlisted(answer.sessionId, now)
            : answer.kind === 'no-session'
              ? referral.noteNoSlot(now)
              : false;
      return changed ? this.writer.save(referral, false) : [];
    });
  }
}
