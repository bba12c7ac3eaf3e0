import { type KnownReferral } from './claim-standing';

/** Referrals as referral announced them, kept for checking claims (all SQL lives in the adapter). */
export abstract class KnownReferralRepository {
  /** Keeps the referral, or overwrites the one kept only with a newer version (a replay changes nothing). */
  abstract upsert(referral: KnownReferral): Promise<void>;
  abstract find(id: string): Promise<KnownReferral | null>;
}
