import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { RegistryView } from '@medgrid/registry-view';
import { type SessionSnapshot } from '../../schedules/domain/session';
import { priorityFor, type Priority, type ReserveEligibility } from '../domain/pool';
import { ReferralHolds } from './referral-holds';

export interface ClaimantStanding extends ReserveEligibility {
  readonly priority: Priority;
}

/**
 * Why a claim may take a reserved slot: a referral scheduling knows for this
 * hospital and patient, or a primary institution's own contracted resident.
 */
@Injectable()
export class ReserveEligibilityCheck {
  constructor(
    private readonly referralHolds: ReferralHolds,
    private readonly registry: RegistryView,
  ) {}

  async standing(
    identity: Identity,
    session: SessionSnapshot,
    patientResidentId: string,
    referralId: string,
  ): Promise<ClaimantStanding> {
    const referral = await this.referralHolds.known(
      referralId,
      session.institutionId,
      patientResidentId,
      'claim.referralId',
    );
    const viaOwnContract =
      identity.role === 'primary-staff' &&
      identity.institutionId !== null &&
      (await this.registry.contractedInstitutions(patientResidentId, session.date)).includes(
        identity.institutionId,
      );
    return {
      viaReferral: referral !== null,
      viaOwnContract,
      priority: priorityFor(
        viaOwnContract || (referral?.contractedPriority ?? false),
        referral?.greenChannel ?? false,
      ),
    };
  }
}
