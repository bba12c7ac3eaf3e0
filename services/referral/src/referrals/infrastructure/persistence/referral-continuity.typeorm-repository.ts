import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import {
  type AttachedContinuity,
  ReferralContinuityRepository,
} from '../../domain/referral-continuity.repository';
import { continuityFromEntity, continuityToEntity } from './referral-continuity.mapper';
import { ReferralContinuityOrmEntity } from './referral-continuity.orm-entity';

/** referral_continuity, one row per downward referral; joins the current UnitOfWork transaction. */
@Injectable()
export class ReferralContinuityTypeormRepository extends ReferralContinuityRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async attach(continuity: AttachedContinuity): Promise<void> {
    const row = continuityToEntity(continuity);
    await this.uow.transactionalManager().query(
      `INSERT INTO referral_continuity (referral_id, assessed_at, assessment) VALUES ($1, $2, $3)
       ON CONFLICT (referral_id) DO UPDATE SET assessed_at = EXCLUDED.assessed_at, assessment = EXCLUDED.assessment
        WHERE referral_continuity.assessed_at < EXCLUDED.assessed_at`,
      [row.referralId, row.assessedAt, JSON.stringify(row.assessment)],
    );
  }

  async find(referralId: string): Promise<AttachedContinuity | null> {
    const row = await this.uow.manager().findOneBy(ReferralContinuityOrmEntity, { referralId });
    return row ? continuityFromEntity(row) : null;
  }
}
