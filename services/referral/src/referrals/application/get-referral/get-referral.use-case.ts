import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { type ReferralSnapshot } from '../../domain/referral';
import { ReferralError, ReferralErrorCode } from '../../domain/referral-error';
import { type ReferralHistoryEntry } from '../../domain/referral-history';
import { ReferralRepository } from '../../domain/referral.repository';
import {
  type AttachedContinuity,
  ReferralContinuityRepository,
} from '../../domain/referral-continuity.repository';
import { canViewReferral } from '../referral-access.policy';
import { type GetReferralQuery } from './get-referral.query';

/**
 * GetReferral: a referral and its history, for those who may see it; anyone else hears it does
 * not exist. The read is audited (who, which referral, when, why) before the data leaves. A downward
 * referral comes with pharmacy's continuity assessment of its medication list, once pharmacy has announced it.
 */
@Injectable()
export class GetReferralUseCase {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly audit: AuditTrail,
    private readonly continuity: ReferralContinuityRepository,
  ) {}

  async execute(
    identity: Identity,
    query: GetReferralQuery,
  ): Promise<{
    referral: ReferralSnapshot;
    history: ReferralHistoryEntry[];
    /** A downward referral's: pharmacy's continuity assessment of its medication list, once announced. */
    continuity: AttachedContinuity | null;
  }> {
    const referral = (await this.referrals.findById(query.id, false))?.snapshot();
    if (!referral || !canViewReferral(identity, referral)) {
      throw new ReferralError(ReferralErrorCode.NotFound, `referral ${query.id} not found`, 'id');
    }
    await this.audit.recordRead(identity, { kind: 'referral', id: referral.id }, query.purpose);
    return {
      referral,
      history: await this.referrals.history(referral.id),
      continuity: referral.direction === 'downward' ? await this.continuity.find(referral.id) : null,
    };
  }
}
