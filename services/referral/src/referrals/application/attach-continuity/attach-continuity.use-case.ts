import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { ReferralContinuityRepository } from '../../domain/referral-continuity.repository';
import { ReferralRepository } from '../../domain/referral.repository';
import { type AttachContinuityCommand } from './attach-continuity.command';

/**
 * Pharmacy assessed a downward referral's medication list: the assessment is attached to the referral, so both sides
 * read it with the referral (GetReferral). Referral keeps no days-of-supply rule of its own: pharmacy's judgement of
 * each line's days is in the assessment. Runs in the consumer's transaction with its inbox row; an assessment of a
 * referral this service does not hold, or not downward, is ignored; an older one never replaces a newer.
 */
@Injectable()
export class AttachContinuityUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly referrals: ReferralRepository,
    private readonly continuity: ReferralContinuityRepository,
  ) {}

  async execute(command: AttachContinuityCommand): Promise<boolean> {
    return this.uow.run(async () => {
      const referral = (await this.referrals.findById(command.referralId, false))?.snapshot();
      if (referral?.direction !== 'downward') return false;
      await this.continuity.attach({
        referralId: command.referralId,
        assessedAt: command.assessedAt,
        assessment: command.assessment,
      });
      return true;
    });
  }
}
