import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type ReferralSnapshot } from '../../domain/referral';
import { ReferralError, ReferralErrorCode } from '../../domain/referral-error';
import { REFERRAL_REPOSITORY, type ReferralRepository } from '../../domain/referral.repository';
import { canViewReferral } from '../referral-access.policy';
import { type GetReferralQuery } from './get-referral.query';

/** Returns a referral the caller may see; the read is audited before the data leaves. */
@Injectable()
export class GetReferralUseCase {
  constructor(
    @Inject(REFERRAL_REPOSITORY) private readonly referrals: ReferralRepository,
    private readonly audit: AuditTrail,
  ) {}

  async execute(query: GetReferralQuery): Promise<ReferralSnapshot> {
    const referral = await this.referrals.findById(query.id);
    const snapshot = referral?.snapshot();
    if (!snapshot || !canViewReferral(query.identity, snapshot)) {
      throw new ReferralError(ReferralErrorCode.NotFound, `referral ${query.id} not found`, 'id');
    }
    await this.audit.recordRead(query.identity, { kind: 'referral', id: snapshot.id }, query.purpose);
    return snapshot;
  }
}
