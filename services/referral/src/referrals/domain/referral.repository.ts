import { type Referral } from './referral';

/** Persistence port of the referral aggregate. */
export interface ReferralRepository {
  insert(referral: Referral): Promise<void>;
  findById(id: string): Promise<Referral | null>;
  /**
   * The referral an earlier request with this id made. Inside a transaction, and holding the
   * request id until it ends, so a racing retry waits and then finds the first one's referral.
   */
  findByClientRequest(referringInstitutionId: string, clientRequestId: string): Promise<Referral | null>;
}

export const REFERRAL_REPOSITORY = Symbol('REFERRAL_REPOSITORY');
