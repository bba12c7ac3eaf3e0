import { Inject, Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { FieldChecks } from '@medgrid/errors';
import { SchedulingError, SchedulingErrorCode } from '../../domain/scheduling-error';
import { type SlotHoldRequestSnapshot } from '../../domain/slot-hold-request';
import {
  SLOT_HOLD_REQUEST_REPOSITORY,
  type SlotHoldRequestRepository,
} from '../../domain/slot-hold-request.repository';

/** Who may see a hold request: its group's members and administrators, and city operators. */
function canView(identity: Identity, request: SlotHoldRequestSnapshot): boolean {
  return identity.role === 'city-operator' || identity.groupId === request.groupId;
}

@Injectable()
export class GetSlotHoldRequestUseCase {
  constructor(@Inject(SLOT_HOLD_REQUEST_REPOSITORY) private readonly requests: SlotHoldRequestRepository) {}

  async execute(identity: Identity, referralId: string): Promise<SlotHoldRequestSnapshot> {
    new FieldChecks().uuid('referralId', referralId).throwIfAny();
    const snapshot = (await this.requests.findByReferral(referralId.toLowerCase()))?.snapshot();
    if (!snapshot || !canView(identity, snapshot)) {
      throw new SchedulingError(
        SchedulingErrorCode.HoldRequestNotFound,
        `no slot hold request for referral ${referralId}`,
        'referralId',
      );
    }
    return snapshot;
  }
}
