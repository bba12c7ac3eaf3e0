import { claimChecks } from '../../../common/claim-checks';

export interface RequestAdmissionInput {
  readonly clientRequestId: string;
  readonly wardId: string;
  readonly patientResidentId: string;
  readonly referralId: string;
}

/** RequestAdmission: a patient queued for a bed on a ward. */
export class RequestAdmissionCommand {
  private constructor(
    readonly clientRequestId: string,
    /** Lower case. */
    readonly wardId: string,
    /** GB 11643, upper case. */
    readonly patientResidentId: string,
    /** Lower case; empty when no referral is behind the admission. */
    readonly referralId: string,
  ) {}

  /** Reports every bad field at once; `now` is the day a patient number's birth date is judged against. */
  static create(input: RequestAdmissionInput, now = new Date()): RequestAdmissionCommand {
    claimChecks('', input, now).uuid('wardId', input.wardId).throwIfAny();
    return new RequestAdmissionCommand(
      input.clientRequestId,
      input.wardId.toLowerCase(),
      input.patientResidentId.trim().toUpperCase(),
      input.referralId.toLowerCase(),
    );
  }
}
