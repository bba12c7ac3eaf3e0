import { parseFields, requestField } from '@medgrid/errors';
import { perLocalDay } from '@medgrid/kernel';
import { z } from 'zod';
import { claimantFields } from '../../../common/scheduling-fields';

/** The fields of a request made at `now`, the day a patient number's birth date is judged against. */
function fieldsOn(now: Date) {
  const { clientRequestId, patientResidentId, referralId } = claimantFields(now);
  return z.object({
    claim: z.object({ clientRequestId, sessionId: requestField.uuid(), patientResidentId, referralId }),
  });
}

/** Made once a day: the schema depends on `now` only through its local date. */
const fieldsOfDay = perLocalDay(fieldsOn);

/** The request's `claim` (a SlotClaim whose pool a waitlist does not read). */
export type JoinWaitlistInput = z.input<ReturnType<typeof fieldsOn>>['claim'];

/** JoinWaitlist: a patient queues for a full session. Fields are named as the request carries them (`claim.sessionId`). */
export class JoinWaitlistCommand {
  private constructor(
    /** Lower case, like the session's id. */
    readonly clientRequestId: string,
    readonly sessionId: string,
    /** GB 11643, upper case. */
    readonly patientResidentId: string,
    /** Lower case; empty when no referral is behind the request. */
    readonly referralId: string,
  ) {}

  /** Reports every bad field at once; `now` is the day a patient number's birth date is judged against. */
  static create(input: JoinWaitlistInput, now = new Date()): JoinWaitlistCommand {
    const { claim } = parseFields(fieldsOfDay(now), { claim: input });
    return new JoinWaitlistCommand(
      claim.clientRequestId,
      claim.sessionId,
      claim.patientResidentId,
      claim.referralId,
    );
  }
}
