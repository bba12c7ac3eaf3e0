import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { ContinuityAssessmentRepository } from '../../domain/continuity-assessment.repository';
import { type ReferralContinuity } from '../../domain/referral-continuity';
import { assessmentFromEntity, assessmentToEntity } from './continuity-assessment.mapper';
import { ContinuityAssessmentOrmEntity } from './continuity-assessment.orm-entity';

/** continuity_assessment, one row per downward referral; joins the current UnitOfWork transaction. */
@Injectable()
export class ContinuityAssessmentTypeormRepository extends ContinuityAssessmentRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async add(assessment: ReferralContinuity): Promise<boolean> {
    const result = await this.uow
      .transactionalManager()
      .createQueryBuilder()
      .insert()
      .into(ContinuityAssessmentOrmEntity)
      .values(assessmentToEntity(assessment))
      .orIgnore()
      .returning(['referralId'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async findByReferral(referralId: string): Promise<ReferralContinuity | null> {
    const row = await this.uow.manager().findOneBy(ContinuityAssessmentOrmEntity, { referralId });
    return row ? assessmentFromEntity(row) : null;
  }
}
