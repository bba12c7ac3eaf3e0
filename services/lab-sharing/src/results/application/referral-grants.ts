import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { ReferralPassRepository } from '../domain/referral-pass.repository';

/**
 * The groups whose results travel with a patient to the caller's institution: those of the referrals that send
 * the patient there and are still open (submitted, accepted, arrived), kept from the referral topic.
 */
@Injectable()
export class ReferralGrants {
  constructor(private readonly passes: ReferralPassRepository) {}

  async groupsFor(identity: Identity, patientResidentId: string): Promise<string[]> {
    if (identity.institutionId === null) return [];
    return this.passes.groupsSendingTo(identity.institutionId, patientResidentId);
  }
}
