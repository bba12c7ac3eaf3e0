import { type Refusal, refusal, requestField } from '@medgrid/errors';
import { isLocalDate, RESIDENT_ID_PROBLEM_TEXT, residentIdProblem } from '@medgrid/kernel';
import { z } from 'zod';

const NOT_A_DATE: Refusal = { reason: 'INVALID_FORMAT', description: 'must be a date YYYY-MM-DD' };

/**
 * The request field rules several scheduling operations share, beside @medgrid/errors'
 * requestField; each answers the reason and description scheduling has always answered.
 */
export const schedulingField = {
  /** A local date YYYY-MM-DD that exists on the calendar. */
  localDate() {
    return requestField.matching(isLocalDate, NOT_A_DATE);
  },

  /** A local date, or empty for the caller's default (today); refused with `reason`. */
  localDateOrEmpty(reason = NOT_A_DATE.reason) {
    return requestField.matching((date) => date === '' || isLocalDate(date), {
      reason,
      description: NOT_A_DATE.description,
    });
  },

  /** A UUID or empty (none): read lower-cased, empty kept as empty. */
  uuidOrEmpty() {
    return requestField.optionalUuid().transform((id) => id ?? '');
  },

  /** A whole number from `min` to `max`; anything else (a fraction, NaN) is OUT_OF_RANGE. */
  wholeNumber(min: number, max: number, description: string) {
    return z
      .custom<number>()
      .refine((n) => Number.isInteger(n) && n >= min && n <= max, refusal('OUT_OF_RANGE', description));
  },

  /**
   * A value of one of the contract's enums: undefined (UNSPECIFIED) for any, null for a value the
   * contract does not know, which is refused as INVALID_VALUE with `description`.
   */
  knownOrAny<T>(description: string) {
    return z
      .custom<T | undefined | null>()
      .refine((value) => value !== null, refusal('INVALID_VALUE', description))
      .transform((value) => value ?? undefined);
  },

  /** A GB 11643 resident ID number, read upper case; its birth date is judged against `now`'s day. */
  residentId(now: Date) {
    return requestField.parsed<string>((raw) => {
      const value = raw.trim().toUpperCase();
      const problem = residentIdProblem(value, now);
      return problem
        ? { refusal: { reason: problem, description: RESIDENT_ID_PROBLEM_TEXT[problem] } }
        : { value };
    });
  },
};

/**
 * The fields of the patient every slot or bed claim names, with the claim's request id and the
 * referral behind it (empty for none): the fields of a SlotClaim but its session and pool.
 */
export function claimantFields(now: Date) {
  return {
    clientRequestId: requestField.uuid(),
    patientResidentId: schedulingField.residentId(now),
    referralId: schedulingField.uuidOrEmpty(),
  };
}
