import { schedulingV1 } from '@medgrid/contracts';
import { type SlotHoldRequestSnapshot, type SlotHoldRequestStatus } from '../domain/slot-hold-request';

function statusToProto(status: SlotHoldRequestStatus): schedulingV1.SlotHoldRequestStatus {
  switch (status) {
    case 'requested':
      return schedulingV1.SlotHoldRequestStatus.SLOT_HOLD_REQUEST_STATUS_REQUESTED;
  }
}

export function slotHoldRequestToProto(request: SlotHoldRequestSnapshot): schedulingV1.SlotHoldRequest {
  return { ...request, status: statusToProto(request.status) };
}
