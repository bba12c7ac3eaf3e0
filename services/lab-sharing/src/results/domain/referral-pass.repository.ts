import { type ReferralPass } from './referral-pass';

/** The referrals the result registry knows (all SQL lives in the adapter). */
export abstract class ReferralPassRepository {
  /** Keeps the pass unless a newer version of the referral is kept already. */
  abstract keep(pass: ReferralPass): Promise<void>;
  /** The groups of the open referrals that send the patient to the institution. */
  abstract groupsSendingTo(institutionId: string, patientResidentId: string): Promise<string[]>;
}
