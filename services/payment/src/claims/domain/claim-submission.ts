import { type FieldViolation, isUuid } from '@medgrid/errors';
import { isIcd10Code, isLocalDate, localDate } from '@medgrid/kernel';
import { type EncounterKind, type InstitutionLevel, isLevel } from '../../common/domain/insurance';
import { type Fen, sumFen } from '../../common/domain/money';
import { residentIdViolation } from '../../enrolment/domain/resident-coverage';
import { type ClaimLine, claimLineViolations } from './claim-line';
import { ClaimErrorCode } from './claim-error';

/** An outpatient visit, or an inpatient stay of whole days (the bed-days a stay is paid by). */
export type Encounter =
  | { readonly kind: Extract<EncounterKind, 'outpatient'> }
  | { readonly kind: Extract<EncounterKind, 'inpatient'>; readonly days: number };

/**
 * A claim as an institution sends it (医保结算申请): one encounter of one resident, its lines and its principal
 * diagnosis. `claimNumber` is the institution's own number for it and makes a retry the same claim. `serviceDate`
 * is the visit's date or the discharge date of a stay; it picks the rules the claim is judged by and the period it
 * is settled in. `referralId` names the referral the patient came by, if any; `contracted` says whether the
 * resident had a family-doctor contract in force.
 */
export interface ClaimSubmission {
  readonly institutionId: string;
  readonly institutionLevel: InstitutionLevel;
  readonly claimNumber: string;
  readonly residentId: string;
  readonly serviceDate: string;
  readonly encounter: Encounter;
  readonly lines: readonly ClaimLine[];
  /** ICD-10 as coded in China (GB/T 14396): E11.900, I10.x00. */
  readonly principalDiagnosis: string;
  /** The disease group (病种) of point-value settlement, when the institution knows it. */
  readonly diseaseGroup: string | null;
  readonly referralId: string | null;
  readonly contracted: boolean;
}

export const MAX_LINES = 500;
const CLAIM_NUMBER = /^[A-Za-z0-9][A-Za-z0-9\-_/]{0,63}$/;
const DISEASE_GROUP = /^[A-Za-z0-9][A-Za-z0-9.\-_]{0,31}$/;

/** Every bad field of a claim at once, named as the request carries it (lines[2].amount). */
export function claimViolations(claim: ClaimSubmission, now: Date): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const bad = (field: string, description: string, reason: string = ClaimErrorCode.InvalidClaim) =>
    violations.push({ field, reason, description });
  if (!isUuid(claim.institutionId)) bad('institutionId', 'must be a UUID');
  if (!isLevel(claim.institutionLevel)) bad('institutionLevel', 'must be primary, secondary or tertiary');
  if (!CLAIM_NUMBER.test(claim.claimNumber)) {
    bad(
      'claimNumber',
      "the institution's claim number is 1-64 letters, digits, dashes, underscores or slashes",
    );
  }
  const resident = residentIdViolation(claim.residentId, 'residentId', now);
  if (resident) violations.push(resident);
  if (!isLocalDate(claim.serviceDate)) bad('serviceDate', 'must be a date (YYYY-MM-DD)');
  else if (claim.serviceDate > localDate(now)) bad('serviceDate', 'is after today (Asia/Shanghai)');
  if (claim.encounter.kind === 'inpatient') {
    if (!Number.isInteger(claim.encounter.days) || claim.encounter.days < 1) {
      bad('encounter.days', 'an inpatient stay is a whole number of days, at least 1');
    }
  } else if (claim.encounter.kind !== 'outpatient') {
    bad('encounter.kind', 'must be outpatient or inpatient');
  }
  if (claim.lines.length === 0 || claim.lines.length > MAX_LINES) {
    bad('lines', `a claim has 1 to ${MAX_LINES} lines`);
  }
  claim.lines.forEach((line, index) => violations.push(...claimLineViolations(line, `lines[${index}]`)));
  if (!isIcd10Code(claim.principalDiagnosis)) {
    bad(
      'principalDiagnosis',
      'must be an ICD-10 code: a letter, two digits and an optional extension (E11.900)',
      ClaimErrorCode.InvalidDiagnosis,
    );
  }
  if (claim.diseaseGroup !== null && !DISEASE_GROUP.test(claim.diseaseGroup)) {
    bad('diseaseGroup', 'a disease group code is 1-32 letters, digits, dots, dashes or underscores');
  }
  if (claim.referralId !== null && !isUuid(claim.referralId)) bad('referralId', 'must be a UUID');
  return violations;
}

export function claimTotal(claim: ClaimSubmission): Fen {
  return sumFen(claim.lines.map((line) => line.amount));
}

/** A canonical text of a claim's content, so a retry and a change are told apart whatever the key order. */
export function claimContentKey(claim: ClaimSubmission): string {
  return JSON.stringify([
    claim.institutionId,
    claim.institutionLevel,
    claim.claimNumber,
    claim.residentId,
    claim.serviceDate,
    claim.encounter.kind,
    claim.encounter.kind === 'inpatient' ? claim.encounter.days : null,
    claim.lines.map((l) => [l.code, l.kind, l.quantity, l.unitPrice, l.amount]),
    claim.principalDiagnosis,
    claim.diseaseGroup,
    claim.referralId,
    claim.contracted,
  ]);
}
