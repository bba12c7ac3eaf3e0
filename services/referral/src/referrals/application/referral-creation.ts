import { type ClientRequest } from '@medgrid/idempotency';
import { type ReferralDirection } from '../domain/referral-direction';

/**
 * What CreateReferral and IssueDownwardReferral share: the request id, who refers whom, and
 * the diagnosis and reason; each command adds what its direction needs.
 */
export abstract class ReferralCreation {
  /** Lower case, like every id. */
  readonly clientRequestId: string;
  /** Check character upper-cased. */
  readonly patientResidentId: string;
  readonly referringInstitutionId: string;
  /** Empty to let the service choose (routing upward, the family-doctor contract downward). */
  readonly receivingInstitutionId: string;
  readonly icd10Code: string;
  /** Trimmed, like every text. */
  readonly reason: string;

  protected constructor(fields: ReferralCreationFields) {
    this.clientRequestId = fields.clientRequestId;
    this.patientResidentId = fields.patientResidentId;
    this.referringInstitutionId = fields.referringInstitutionId;
    this.receivingInstitutionId = fields.receivingInstitutionId;
    this.icd10Code = fields.icd10Code;
    this.reason = fields.reason;
  }

  /**
   * This request as a client request. Both directions make a referral under one operation, so
   * an id that made an upward referral cannot make a downward one; a retry must repeat
   * everything the first request asked for (the caller is checked against the referring
   * institution before the retry is answered).
   */
  asClientRequest(direction: ReferralDirection): ClientRequest {
    return {
      operation: 'create-referral',
      clientRequestId: this.clientRequestId,
      request: { ...this, clientRequestId: undefined, direction },
    };
  }
}

/** The fields both referral-making requests carry, as referralPartyFields and referralGroundFields read them. */
export type ReferralCreationFields = Omit<ReferralCreation, 'asClientRequest'>;
