import { type Identity } from '@medgrid/auth';
import { FieldChecks } from '@medgrid/errors';
import { type ResultKind, type ResultReference, type TreatmentPlan } from '../../domain/referral-content';
import {
  checkCodes,
  checkIcd10,
  checkOptionalUuid,
  checkResidentId,
  checkResults,
  checkTreatmentPlan,
} from '../referral-content.checks';

export interface IssueDownwardInput {
  clientRequestId: string;
  patientResidentId: string;
  referringInstitutionId: string;
  receivingInstitutionId: string;
  icd10Code: string;
  reason: string;
  metCriteriaCodes: readonly string[];
  justification: string;
  treatmentPlan: TreatmentPlan | undefined;
  results: readonly { kind: ResultKind | undefined; resultId: string; summary: string }[];
  upwardReferralId: string;
}

/** A validated request to send a stable patient back to primary care with a treatment plan. */
export class IssueDownwardCommand {
  private constructor(
    readonly identity: Identity,
    readonly clientRequestId: string,
    readonly patientResidentId: string,
    readonly referringInstitutionId: string,
    /** Empty for the institution of the resident's family-doctor contract. */
    readonly receivingInstitutionId: string,
    readonly icd10Code: string,
    readonly reason: string,
    readonly metCriteriaCodes: readonly string[],
    readonly justification: string,
    readonly treatmentPlan: TreatmentPlan,
    readonly results: readonly ResultReference[],
    readonly upwardReferralId: string,
  ) {}

  static create(identity: Identity, input: IssueDownwardInput): IssueDownwardCommand {
    const checks = new FieldChecks().uuid('clientRequestId', input.clientRequestId);
    const patientResidentId = checkResidentId(checks, 'patientResidentId', input.patientResidentId);
    checks
      .uuid('referringInstitutionId', input.referringInstitutionId)
      .required('reason', input.reason.trim())
      .maxLength('reason', input.reason, 2000)
      .maxLength('justification', input.justification, 2000);
    const receivingInstitutionId = checkOptionalUuid(
      checks,
      'receivingInstitutionId',
      input.receivingInstitutionId,
    );
    const icd10Code = checkIcd10(checks, 'icd10Code', input.icd10Code);
    const metCriteriaCodes = checkCodes(checks, 'metCriteriaCodes', input.metCriteriaCodes);
    const treatmentPlan = checkTreatmentPlan(checks, input.treatmentPlan);
    const results = checkResults(checks, input.results);
    const upwardReferralId = checkOptionalUuid(checks, 'upwardReferralId', input.upwardReferralId);
    checks.throwIfAny();
    return new IssueDownwardCommand(
      identity,
      input.clientRequestId.toLowerCase(),
      patientResidentId!,
      input.referringInstitutionId.toLowerCase(),
      receivingInstitutionId,
      icd10Code,
      input.reason.trim(),
      metCriteriaCodes,
      input.justification.trim(),
      treatmentPlan,
      results,
      upwardReferralId,
    );
  }
}
