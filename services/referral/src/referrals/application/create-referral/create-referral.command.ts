import { type Identity } from '@medgrid/auth';
import { FieldChecks } from '@medgrid/errors';
import { type ResultKind, type ResultReference } from '../../domain/referral-content';
import { type ReferralDirection } from '../../domain/referral-direction';
import {
  checkCodes,
  checkIcd10,
  checkOptionalUuid,
  checkResidentId,
  checkResults,
} from '../referral-content.checks';

export interface CreateReferralInput {
  clientRequestId: string;
  patientResidentId: string;
  referringInstitutionId: string;
  receivingInstitutionId: string;
  direction: ReferralDirection | undefined;
  icd10Code: string;
  reason: string;
  draft?: boolean;
  indicationCodes?: readonly string[];
  justification?: string;
  results?: readonly { kind: ResultKind | undefined; resultId: string; summary: string }[];
  receivingDepartmentId?: string;
  specialtyCode?: string;
}

/** A validated request to create an upward referral and submit it, or keep it as a draft. */
export class CreateReferralCommand {
  private constructor(
    readonly identity: Identity,
    readonly clientRequestId: string,
    readonly patientResidentId: string,
    readonly referringInstitutionId: string,
    /** Empty to let routing choose. */
    readonly receivingInstitutionId: string,
    readonly icd10Code: string,
    readonly reason: string,
    readonly draft: boolean,
    readonly indicationCodes: readonly string[],
    readonly justification: string,
    readonly results: readonly ResultReference[],
    readonly receivingDepartmentId: string,
    readonly specialtyCode: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a BadRequest per field). */
  static create(identity: Identity, input: CreateReferralInput): CreateReferralCommand {
    const checks = new FieldChecks().uuid('clientRequestId', input.clientRequestId);
    const patientResidentId = checkResidentId(checks, 'patientResidentId', input.patientResidentId);
    checks
      .uuid('referringInstitutionId', input.referringInstitutionId)
      .check('direction', input.direction !== undefined, 'REQUIRED', 'must be UPWARD')
      .check(
        'direction',
        input.direction !== 'downward',
        'USE_ISSUE_DOWNWARD',
        'downward referrals are issued with IssueDownwardReferral, with their treatment plan',
      )
      .required('reason', input.reason.trim())
      .maxLength('reason', input.reason, 2000)
      .maxLength('justification', input.justification, 2000)
      .maxLength('specialtyCode', input.specialtyCode, 20);
    const receivingInstitutionId = checkOptionalUuid(
      checks,
      'receivingInstitutionId',
      input.receivingInstitutionId,
    );
    const icd10Code = checkIcd10(checks, 'icd10Code', input.icd10Code);
    const receivingDepartmentId = checkOptionalUuid(
      checks,
      'receivingDepartmentId',
      input.receivingDepartmentId ?? '',
    );
    const indicationCodes = checkCodes(checks, 'indicationCodes', input.indicationCodes ?? []);
    const results = checkResults(checks, input.results ?? []);
    checks.throwIfAny();
    return new CreateReferralCommand(
      identity,
      input.clientRequestId.toLowerCase(),
      patientResidentId!,
      input.referringInstitutionId.toLowerCase(),
      receivingInstitutionId,
      icd10Code,
      input.reason.trim(),
      input.draft ?? false,
      indicationCodes,
      (input.justification ?? '').trim(),
      results,
      receivingDepartmentId,
      (input.specialtyCode ?? '').trim(),
    );
  }
}
