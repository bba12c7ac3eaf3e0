import { isUuid, type Refusal, refusal, requestField } from '@medgrid/errors';
import { isIcd10Code, isLocalDate, RESIDENT_ID_PROBLEM_TEXT, ResidentId } from '@medgrid/kernel';
import { z } from 'zod';
import { type ResultKind, type TreatmentPlan } from '../domain/referral-content';

/**
 * The rules of referral request fields, written once for every command and query of the
 * context that carries them: each answers the reason and description callers already know.
 */

const REQUIRED: Refusal = { reason: 'REQUIRED', description: 'is required' };

function readResidentId(raw: string): { value: string } | { refusal: Refusal } {
  const parsed = ResidentId.parse(raw);
  return typeof parsed === 'string'
    ? { refusal: { reason: parsed, description: RESIDENT_ID_PROBLEM_TEXT[parsed] } }
    : { value: parsed.value };
}

/** A resident ID number (GB 11643), read upper-cased; its check character and birth date verified. */
export const residentIdField = () =>
  requestField.parsed<string>((raw) => (raw.trim() === '' ? { refusal: REQUIRED } : readResidentId(raw)));

/** A resident ID number or nothing (empty): a list's filter. */
export const optionalResidentIdField = () =>
  requestField.parsed<string>((raw) => (raw.trim() === '' ? { value: '' } : readResidentId(raw)));

/** An ICD-10 code, read trimmed. */
export const icd10Field = () =>
  requestField.parsed<string>((raw) => {
    const code = raw.trim();
    if (code === '') return { refusal: REQUIRED };
    return isIcd10Code(code)
      ? { value: code }
      : { refusal: { reason: 'INVALID_FORMAT', description: 'must be an ICD-10 code such as I10 or E11.9' } };
  });

/** A UUID that may be left empty (trimmed): read lower-cased, or '' when empty. */
export const optionalIdField = () =>
  requestField.parsed<string>((raw) => {
    const id = raw.trim();
    if (id === '' || isUuid(id)) return { value: id.toLowerCase() };
    return { refusal: { reason: 'INVALID_FORMAT', description: 'must be a UUID' } };
  });

/** Criterion codes as claimed: at most 20, read trimmed, without blanks or repeats. */
export const codesField = () =>
  z
    .array(z.string())
    .refine((codes) => codes.length <= 20, refusal('TOO_MANY', 'at most 20 codes'))
    .transform((codes) => [...new Set(codes.map((code) => code.trim()).filter((code) => code !== ''))]);

/** Existing results the receiving side need not repeat: at most 50. */
export const resultsField = () =>
  z
    .array(
      z.object({
        kind: requestField.present<ResultKind>('must be LAB, IMAGING, ECG or PATHOLOGY'),
        resultId: requestField.uuid(),
        summary: requestField.optionalText(200),
      }),
    )
    .refine((results) => results.length <= 50, refusal('TOO_MANY', 'at most 50 results'));

/** A national insurance drug code (23 upper-case letters and digits), read trimmed and upper-cased; '' if none. */
export const drugCodeField = () =>
  z
    .string()
    .transform((raw) => raw.trim().toUpperCase())
    .refine(
      (code) => code === '' || /^[A-Z0-9]{23}$/.test(code),
      refusal('INVALID_FORMAT', 'must be a national insurance drug code: 23 upper-case letters and digits'),
    );

/** A downward treatment plan: at least one diagnosis, named drugs, real dates. */
export const treatmentPlanField = () =>
  requestField.present<TreatmentPlan>('a downward referral carries a treatment plan').pipe(
    z.object({
      diagnosisCodes: z
        .array(icd10Field())
        .refine((codes) => codes.length > 0, refusal('REQUIRED', 'name at least one diagnosis')),
      medications: z
        .array(
          z.object({
            name: requestField.text(100),
            drugCode: drugCodeField(),
            dose: requestField.optionalText(50),
            frequency: requestField.optionalText(50),
            // Only the field's shape: how many days this patient may have is pharmacy's days-of-supply rule, judged
            // in its continuity assessment of the list (docs/domain.md, section 6), not a limit kept here.
            days: z
              .number()
              .refine(
                (days) => Number.isInteger(days) && days >= 1,
                refusal('OUT_OF_RANGE', 'must be a whole number of days, at least 1'),
              ),
          }),
        )
        .refine((drugs) => drugs.length <= 50, refusal('TOO_MANY', 'at most 50 drugs')),
      followUps: z
        .array(
          z.object({
            dueDate: requestField.matching(isLocalDate, {
              reason: 'INVALID_FORMAT',
              description: 'must be a date YYYY-MM-DD',
            }),
            item: requestField.text(200),
          }),
        )
        .refine((followUps) => followUps.length <= 50, refusal('TOO_MANY', 'at most 50 follow-ups')),
      warningSigns: z
        .array(requestField.optionalText(200))
        .transform((signs) => signs.filter((sign) => sign !== '')),
      notes: requestField.optionalText(2000),
    }),
  );

/**
 * What CreateReferral and IssueDownwardReferral both carry first, in that order: the request id
 * and who refers whom (an empty receiving institution lets the service choose).
 */
export const referralPartyFields = {
  clientRequestId: requestField.uuid(),
  patientResidentId: residentIdField(),
  referringInstitutionId: requestField.uuid(),
  receivingInstitutionId: optionalIdField(),
};

/** The grounds both kinds of referral give: the diagnosis and the written reason. */
export const referralGroundFields = {
  icd10Code: icd10Field(),
  reason: requestField.text(2000),
};

/** A written justification, where the catalogue's indications or criteria do not carry a referral. */
export const justificationField = () => requestField.optionalText(2000);

/** What every step on a referral carries first: its request id and the referral. */
export const referralStepFields = {
  clientRequestId: requestField.uuid(),
  id: requestField.uuid(),
};

/** A step's free text (note, reason or findings, as its request names it), read trimmed. */
export const stepTextField = () => requestField.optionalText(2000);
