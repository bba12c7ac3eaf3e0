import { type ReferralSnapshot } from '../domain/referral';
import { type ReferralDirection } from '../domain/referral-direction';
import { ReferralError, ReferralErrorCode } from '../domain/referral-error';

/** What a retry of CreateReferral or IssueDownwardReferral must repeat. */
export interface RequestIdentity {
  readonly direction: ReferralDirection;
  readonly patientResidentId: string;
  readonly icd10Code: string;
  /** Empty when the request let routing (or the contract) choose. */
  readonly receivingInstitutionId: string;
}

/**
 * The referral an earlier request with the same client request id made, when
 * this request repeats it; a different request under a used id is refused.
 */
export function sameRequestOrConflict(previous: ReferralSnapshot, retry: RequestIdentity): ReferralSnapshot {
  const same =
    previous.direction === retry.direction &&
    previous.patientResidentId === retry.patientResidentId &&
    previous.icd10Code === retry.icd10Code &&
    (retry.receivingInstitutionId === '' || previous.receivingInstitutionId === retry.receivingInstitutionId);
  if (!same) {
    throw new ReferralError(
      ReferralErrorCode.RequestIdReused,
      'this client request id was already used for a different referral',
      'clientRequestId',
    );
  }
  return previous;
}
