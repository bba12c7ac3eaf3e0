import { claimChecks } from '../../../common/claim-checks';

export interface JoinWaitlistInput {
  readonly clientRequestId: string;
  readonly sessionId: string;
  readonly patientResidentId: string;
  readonly referralId: string;
}

/** JoinWaitlist: a patient queues for a full session. Fields are named as the request carries them (`claim.sessionId`). */
export class JoinWaitlistCommand {
  private constructor(
    readonly clientRequestId: string,
    /** Lower case. */
    readonly sessionId: string,
    /** GB 11643, upper case. */
    readonly patientResidentId: string,
    /** Lower case; empty when no referral is behind the request. */
    readonly referralId: string,
  ) {}

  /** Reports every bad field at once; `now` is the day a patient number's birth date is judged against. */
  static create(input: JoinWaitlistInput, now = new Date()): JoinWaitlistCommand {
    claimChecks('claim.', input, now).uuid('claim.sessionId', input.sessionId).throwIfAny();
    return new JoinWaitlistCommand(
      input.clientRequestId,
      input.sessionId.toLowerCase(),
      input.patientResidentId.trim().toUpperCase(),
      input.referralId.toLowerCase(),
    );
  }
}
