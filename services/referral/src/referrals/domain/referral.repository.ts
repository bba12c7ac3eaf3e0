import { type Referral } from './referral';

/** Persistence port of the referral aggregate. */
export interface ReferralRepository {
  insert(referral: Referral): Promise<void>;
  findById(id: string): Promise<Referral | null>;
  findByClientRequest(referringInstitutionId: string, clientRequestId: string): Promise<Referral | null>;
}

export const REFERRAL_REPOSITORY = Symbol('REFERRAL_REPOSITORY');
