import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ContinuityAssessmentRepository } from '../../domain/continuity-assessment.repository';
import { ContinuityError, ContinuityErrorCode } from '../../domain/continuity-error';
import { type ReferralContinuity } from '../../domain/referral-continuity';
import { ContinuityAccess } from '../continuity-access.policy';
import { type GetContinuityAssessmentQuery } from './get-continuity-assessment.query';

/**
 * GetContinuityAssessment: the issuing hospital, the receiving institution and the group's administrators read a
 * referral's assessment (anyone else hears it does not exist). It is the patient's medication: the read is audited
 * with its purpose on the patient and the referral, in the transaction of the read.
 */
@Injectable()
export class GetContinuityAssessmentUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly assessments: ContinuityAssessmentRepository,
    private readonly audit: AuditTrail,
  ) {}

  async execute(identity: Identity, query: GetContinuityAssessmentQuery): Promise<ReferralContinuity> {
    return this.uow.run(async () => {
      const assessment = await this.assessments.findByReferral(query.referralId);
      if (!assessment || !ContinuityAccess.canRead(identity, assessment)) {
        throw new ContinuityError(
          ContinuityErrorCode.NotFound,
          `no continuity assessment of referral ${query.referralId}`,
          'referralId',
        );
      }
      await this.audit.recordReads(
        identity,
        [
          { kind: 'resident', id: assessment.patientResidentId },
          { kind: 'referral', id: assessment.referralId },
        ],
        query.purpose,
      );
      return assessment;
    });
  }
}
