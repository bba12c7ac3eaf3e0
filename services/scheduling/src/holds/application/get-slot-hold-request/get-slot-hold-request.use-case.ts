import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { canSeeClaim, requireAllowed } from '../../../common/scheduling-access.policy';
import { HoldError, HoldErrorCode } from '../../domain/hold-error';
import { type SlotHoldRequestSnapshot } from '../../domain/slot-hold-request';
import { SlotHoldRequestRepository } from '../../domain/slot-hold-request.repository';
import { type GetSlotHoldRequestQuery } from './get-slot-hold-request.query';

/** GetSlotHoldRequest: the referral's hold, for the hospital, the referring institution, their group and the city. */
@Injectable()
export class GetSlotHoldRequestUseCase {
  constructor(private readonly requests: SlotHoldRequestRepository) {}

  async execute(identity: Identity, query: GetSlotHoldRequestQuery): Promise<SlotHoldRequestSnapshot> {
    const request = await this.requests.findByReferral(query.referralId, false);
    if (!request) {
      throw new HoldError(
        HoldErrorCode.HoldRequestNotFound,
        'no hold request for this referral',
        'referralId',
      );
    }
    const r = request.snapshot();
    requireAllowed(
      canSeeClaim(identity, {
        institutionId: r.institutionId,
        groupId: r.groupId,
        // The referring institution follows its referral's hold; the hospital holds the slot.
        requestedBy: r.referringInstitutionId || r.institutionId,
      }),
      'see this hold',
    );
    return r;
  }
}
