import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { ReferralRepository } from '../../domain/referral.repository';
import { ReferralWriter } from '../referral-writer';
import { type RecordSlotCommand } from './record-slot.command';

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

  async execute(command: RecordSlotCommand, now = new Date()): Promise<void> {
    const { answer } = command;
    await this.uow.run(async () => {
      const referral = await this.referrals.findById(command.referralId, true);
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
