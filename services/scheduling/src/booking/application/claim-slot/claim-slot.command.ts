import { parseFields, requestField } from '@medgrid/errors';
import { perLocalDay } from '@medgrid/kernel';
import { z } from 'zod';
import { claimantFields, schedulingField } from '../../../common/scheduling-fields';
import { type Pool } from '../../domain/pool';

/** The fields of a SlotClaim made at `now`, the day a patient number's birth date is judged against. */
function slotClaimFields(now: Date) {
  const { clientRequestId, patientResidentId, referralId } = claimantFields(now);
  return z.object({
    clientRequestId,
    sessionId: requestField.uuid(),
    patientResidentId,
    /** undefined: reserved when allowed, else public. */
    pool: schedulingField.knownOrAny<Pool>('is not a pool'),
    referralId,
  });
}

const fieldsOn = (now: Date) =>
  z.object({
    claim: slotClaimFields(now),
    /** 0 for the service default; holds only. */
    holdMinutes: schedulingField.wholeNumber(0, 1440, 'must be 0 (default) to 1440'),
  });

/** Made once a day: the schema depends on `now` only through its local date. */
const fieldsOfDay = perLocalDay(fieldsOn);

/** A claim's fields as the controller reads them from the request's `claim` and `hold_minutes`. */
export type ClaimSlotInput = z.input<ReturnType<typeof slotClaimFields>> & { readonly holdMinutes: number };

/** HoldSlot or BookSlot: a slot of a session for a patient. Fields are named as the request carries them (`claim.sessionId`). */
export class ClaimSlotCommand {
  private constructor(
    readonly mode: 'hold' | 'book',
    /** Lower case, like the other ids. */
    readonly clientRequestId: string,
    readonly sessionId: string,
    /** GB 11643, upper case. */
    readonly patientResidentId: string,
    readonly pool: Pool | undefined,
    /** Empty when no referral is behind the booking. */
    readonly referralId: string,
    /** 0 for the service default; holds only. */
    readonly holdMinutes: number,
  ) {}

  /** Reports every bad field at once; `now` is the day a patient number's birth date is judged against. */
  static create(mode: 'hold' | 'book', input: ClaimSlotInput, now = new Date()): ClaimSlotCommand {
    const { claim, holdMinutes } = parseFields(fieldsOfDay(now), {
      claim: input,
      holdMinutes: input.holdMinutes,
    });
    return new ClaimSlotCommand(
      mode,
      claim.clientRequestId,
      claim.sessionId,
      claim.patientResidentId,
      claim.pool,
      claim.referralId,
      holdMinutes,
    );
  }
}
