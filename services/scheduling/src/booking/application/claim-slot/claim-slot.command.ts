import { claimChecks } from '../../../common/claim-checks';
import { type Pool } from '../../domain/pool';

export interface ClaimSlotInput {
  readonly clientRequestId: string;
  readonly sessionId: string;
  readonly patientResidentId: string;
  /** undefined: reserved when allowed, else public; null: a value the contract does not know. */
  readonly pool: Pool | undefined | null;
  /** Empty when no referral is behind the booking. */
  readonly referralId: string;
  /** 0 for the service default; holds only. */
  readonly holdMinutes: number;
}

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
    const checks = claimChecks('claim.', input, now).uuid('claim.sessionId', input.sessionId);
    checks.check('claim.pool', input.pool !== null, 'INVALID_VALUE', 'is not a pool');
    checks.check(
      'holdMinutes',
      Number.isInteger(input.holdMinutes) && input.holdMinutes >= 0 && input.holdMinutes <= 1440,
      'OUT_OF_RANGE',
      'must be 0 (default) to 1440',
    );
    checks.throwIfAny();
    return new ClaimSlotCommand(
      mode,
      input.clientRequestId.toLowerCase(),
      input.sessionId.toLowerCase(),
      input.patientResidentId.trim().toUpperCase(),
      input.pool ?? undefined,
      input.referralId.toLowerCase(),
      input.holdMinutes,
    );
  }
}
