import { type CriteriaCatalogue } from '../../criteria/domain/criteria-catalogue';
import { type NewUpwardReferral, type SubmissionAssessment } from './referral';
import { type DepartmentEntry, type GroupDirectory, routeUpward } from './routing';

/** What the registry projection knows that a submission needs. */
export interface SubmissionFacts {
  readonly group: GroupDirectory;
  /** Departments of the group's institutions. */
  readonly departments: readonly DepartmentEntry[];
  /** Institutions whose family-doctor teams hold a contract in force with the patient. */
  readonly contractedInstitutionIds: readonly string[];
}

/**
 * Evaluates an upward referral against the criteria catalogue and routes it.
 * The catalogue refuses an unknown diagnosis code or indication, and a
 * referral without a catalogued indication unless it is justified in writing.
 */
export function assessSubmission(
  referral: NewUpwardReferral,
  catalogue: CriteriaCatalogue,
  facts: SubmissionFacts,
): SubmissionAssessment {
  const evaluation = catalogue.evaluateUpward(
    referral.icd10Code,
    referral.indicationCodes,
    referral.justification,
  );
  const specialtyCode = referral.specialtyCode || evaluation.entry?.specialtyCode || '';
  const route = routeUpward(
    {
      referringInstitutionId: referral.referringInstitutionId,
      institutionId: referral.receivingInstitutionId,
      departmentId: referral.receivingDepartmentId,
      specialtyCode,
    },
    facts.group,
    facts.departments,
  );
  return {
    receivingInstitutionId: route.institutionId,
    receivingDepartmentId: route.departmentId,
    specialtyCode,
    matchedIndicationCodes: evaluation.matchedIndications.map((indication) => indication.code),
    withoutIndication: evaluation.withoutIndication,
    greenChannel: evaluation.greenChannel,
    contractedPriority: facts.contractedInstitutionIds.includes(referral.referringInstitutionId),
    centreDepartmentId: evaluation.greenChannel === 'none' ? '' : route.departmentId,
  };
}
