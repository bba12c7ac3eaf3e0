import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { localDate } from '@medgrid/kernel';
import { RegistryView } from '@medgrid/registry-view';
import { DrugCatalogueRepository } from '../../../catalogue/domain/drug-catalogue.repository';
import { isInstitutionLevel } from '../../../common/institution-level';
import { FormularyRepository } from '../../../formulary/domain/formulary.repository';
import { PrescribingRules } from '../../../prescribing/application/prescribing-rules';
import { ContinuityAssessmentRepository } from '../../domain/continuity-assessment.repository';
import { ContinuityError, ContinuityErrorCode } from '../../domain/continuity-error';
import { ContinuityEventPublisher } from '../../domain/continuity-event-publisher';
import { assessDownwardReferral, type ReferralContinuity } from '../../domain/referral-continuity';
import { type AssessContinuityCommand } from './assess-continuity.command';

/**
 * A downward referral issued: its medication list against the receiving institution's formulary (at the level the
 * registry announced for it) and the group's catalogue as in force now, and each line's days against the
 * days-of-supply rule with the registry's word on the patient's contract. Stored once per referral and announced
 * (MedicationContinuityAssessed) in the same transaction; a referral already assessed answers the stored
 * assessment and announces nothing again. A referral without medications has nothing to assess.
 */
@Injectable()
export class AssessContinuityUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly registry: RegistryView,
    private readonly formularies: FormularyRepository,
    private readonly catalogues: DrugCatalogueRepository,
    private readonly assessments: ContinuityAssessmentRepository,
    private readonly events: ContinuityEventPublisher,
    private readonly rules: PrescribingRules,
  ) {}

  async execute(command: AssessContinuityCommand, now = new Date()): Promise<ReferralContinuity | null> {
    const { referral, receivingInstitutionId } = command;
    if (referral.medications.length === 0) return null;
    const institution = await this.registry.institution(receivingInstitutionId);
    if (!institution || !isInstitutionLevel(institution.level)) {
      throw new ContinuityError(
        ContinuityErrorCode.ReceivingInstitutionNotKnown,
        `the registry has not announced the level of institution ${receivingInstitutionId} yet: continuity is assessed against what its level may stock`,
        'receivingInstitutionId',
      );
    }
    const level = institution.level;
    return this.uow.run(async () => {
      const assessed = await this.assessments.findByReferral(referral.referralId);
      if (assessed) return assessed;
      const formulary = await this.formularies.load(receivingInstitutionId, level, false);
      const catalogue = await this.catalogues.part(referral.groupId, {
        codes: referral.medications.map((m) => m.drugCode).filter((code) => code !== ''),
      });
      const contractedResident =
        (await this.registry.contractedInstitutions(referral.patientResidentId, localDate(now))).length > 0;
      const assessment = assessDownwardReferral(
        referral,
        formulary,
        catalogue,
        { rules: this.rules.supply, diseases: this.rules.diseases },
        contractedResident,
        now,
      );
      if (!(await this.assessments.add(assessment))) {
        return (await this.assessments.findByReferral(referral.referralId)) ?? assessment;
      }
      await this.events.assessed(assessment);
      return assessment;
    });
  }
}
