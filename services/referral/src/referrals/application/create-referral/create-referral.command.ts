import { type Identity } from '@medgrid/auth';
import { FieldChecks } from '@medgrid/errors';
import { isIcd10Code, RESIDENT_ID_PROBLEM_TEXT, ResidentId } from '@medgrid/kernel';
import { type ReferralDirection } from '../../domain/referral-direction';

export interface CreateReferralInput {
  clientRequestId: string;
  patientResidentId: string;
  referringInstitutionId: string;
  receivingInstitutionId: string;
  direction: ReferralDirection | undefined;
  icd10Code: string;
  reason: string;
}

/** A validated request to create and submit a referral (self-validating command). */
export class CreateReferralCommand {
  private constructor(
    readonly identity: Identity,
    readonly clientRequestId: string,
    readonly patientResidentId: string,
    readonly referringInstitutionId: string,
    readonly receivingInstitutionId: string,
    readonly direction: ReferralDirection,
    readonly icd10Code: string,
    readonly reason: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a BadRequest per field). */
  static create(identity: Identity, input: CreateReferralInput): CreateReferralCommand {
    const checks = new FieldChecks()
      .uuid('clientRequestId', input.clientRequestId)
      .required('patientResidentId', input.patientResidentId)
      .uuid('referringInstitutionId', input.referringInstitutionId)
      .uuid('receivingInstitutionId', input.receivingInstitutionId)
      .check('direction', input.direction !== undefined, 'REQUIRED', 'must be UPWARD or DOWNWARD')
      .required('icd10Code', input.icd10Code)
      .required('reason', input.reason)
      .maxLength('reason', input.reason, 2000);
    let residentId: ResidentId | undefined;
    if (!checks.has('patientResidentId')) {
      const parsed = ResidentId.parse(input.patientResidentId);
      if (typeof parsed === 'string')
        checks.add('patientResidentId', parsed, RESIDENT_ID_PROBLEM_TEXT[parsed]);
      else residentId = parsed;
    }
    if (!checks.has('icd10Code') && !isIcd10Code(input.icd10Code.trim())) {
      checks.add('icd10Code', 'INVALID_FORMAT', 'must be an ICD-10 code such as I10 or E11.9');
    }
    checks.throwIfAny();
    return new CreateReferralCommand(
      identity,
      input.clientRequestId.toLowerCase(),
      residentId!.value,
      input.referringInstitutionId.toLowerCase(),
      input.receivingInstitutionId.toLowerCase(),
      input.direction!,
      input.icd10Code.trim(),
      input.reason.trim(),
    );
  }
}
