import { parseFields, requestField } from '@medgrid/errors';
import { perLocalDay } from '@medgrid/kernel';
import { z } from 'zod';
import { claimantFields } from '../../../common/scheduling-fields';

/** The fields of a request made at `now`, the day a patient number's birth date is judged against. */
function fieldsOn(now: Date) {
  const { clientRequestId, patientResidentId, referralId } = claimantFields(now);
  return z.object({ clientRequestId, wardId: requestField.uuid(), patientResidentId, referralId });
}

/** Made once a day: the schema depends on `now` only through its local date. */
const fieldsOfDay = perLocalDay(fieldsOn);

export type RequestAdmissionInput = z.input<ReturnType<typeof fieldsOn>>;

/** RequestAdmission: a patient queued for a bed on a ward. */
export class RequestAdmissionCommand {
  private constructor(
    /** Lower case, like the ward's id. */
    readonly clientRequestId: string,
    readonly wardId: string,
    /** GB 11643, upper case. */
    readonly patientResidentId: string,
    /** Lower case; empty when no referral is behind the admission. */
    readonly referralId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: RequestAdmissionInput, now = new Date()): RequestAdmissionCommand {
    const { clientRequestId, wardId, patientResidentId, referralId } = parseFields(fieldsOfDay(now), input);
    return new RequestAdmissionCommand(clientRequestId, wardId, patientResidentId, referralId);
  }
}
