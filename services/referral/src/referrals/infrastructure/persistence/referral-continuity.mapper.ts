import { type AttachedContinuity } from '../../domain/referral-continuity.repository';
import { type ReferralContinuityOrmEntity } from './referral-continuity.orm-entity';

export function continuityToEntity(c: AttachedContinuity): ReferralContinuityOrmEntity {
  return { referralId: c.referralId, assessedAt: c.assessedAt, assessment: { ...c.assessment } };
}

export function continuityFromEntity(e: ReferralContinuityOrmEntity): AttachedContinuity {
  return { referralId: e.referralId, assessedAt: e.assessedAt, assessment: e.assessment };
}
