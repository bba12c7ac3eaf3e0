import { schedulingV1 } from '@medgrid/contracts';
import { poolToProto } from '../../booking/contracts/booking.proto-mapper';
import { type SlotHoldRequestSnapshot, type SlotHoldRequestStatus } from '../domain/slot-hold-request';

function statusToProto(status: SlotHoldRequestStatus): schedulingV1.SlotHoldRequestStatus {
  switch (status) {
    case 'requested':
      return schedulingV1.SlotHoldRequestStatus.SLOT_HOLD_REQUEST_STATUS_REQUESTED;
    case 'held':
      return schedulingV1.SlotHoldRequestStatus.SLOT_HOLD_REQUEST_STATUS_HELD;
    case 'waitlisted':
      return schedulingV1.SlotHoldRequestStatus.SLOT_HOLD_REQUEST_STATUS_WAITLISTED;
    case 'released':
      return schedulingV1.SlotHoldRequestStatus.SLOT_HOLD_REQUEST_STATUS_RELEASED;
    case 'no-session':
      return schedulingV1.SlotHoldRequestStatus.SLOT_HOLD_REQUEST_STATUS_NO_SESSION;
  }
}

export function slotHoldRequestToProto(r: SlotHoldRequestSnapshot): schedulingV1.SlotHoldRequest {
  return {
    id: r.id,
    referralId: r.referralId,
    groupId: r.groupId,
    institutionId: r.institutionId,
    referringInstitutionId: r.referringInstitutionId,
    status: statusToProto(r.status),
    sourceEventId: r.sourceEventId,
    requestedAt: r.requestedAt,
    pool: poolToProto(r.pool),
    bookingId: r.bookingId,
    waitlistEntryId: r.waitlistEntryId,
    sessionId: r.sessionId,
    patientResidentId: r.patientResidentId,
    departmentId: r.departmentId,
    specialtyCode: r.specialtyCode,
    version: r.version,
  };
}
