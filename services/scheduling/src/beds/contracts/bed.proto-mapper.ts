import { schedulingModelV1 as m } from '@medgrid/contracts';
import { poolToProto, priorityToProto } from '../../booking/contracts/booking.proto-mapper';
import { type AdmissionSnapshot, type AdmissionStatus } from '../domain/admission';
import { type WardView } from '../domain/ward';

export function wardToProto(w: WardView): m.Ward {
  return { ...w };
}

/** Undefined for unspecified, null for a value this service does not know. */
export function admissionStatusFromProto(status: m.AdmissionStatus): AdmissionStatus | undefined | null {
  switch (status) {
    case m.AdmissionStatus.ADMISSION_STATUS_UNSPECIFIED:
      return undefined;
    case m.AdmissionStatus.ADMISSION_STATUS_REQUESTED:
      return 'requested';
    case m.AdmissionStatus.ADMISSION_STATUS_ADMITTED:
      return 'admitted';
    case m.AdmissionStatus.ADMISSION_STATUS_DISCHARGED:
      return 'discharged';
    case m.AdmissionStatus.ADMISSION_STATUS_CANCELLED:
      return 'cancelled';
    default:
      return null;
  }
}

function admissionStatusToProto(status: AdmissionStatus): m.AdmissionStatus {
  switch (status) {
    case 'requested':
      return m.AdmissionStatus.ADMISSION_STATUS_REQUESTED;
    case 'admitted':
      return m.AdmissionStatus.ADMISSION_STATUS_ADMITTED;
    case 'discharged':
      return m.AdmissionStatus.ADMISSION_STATUS_DISCHARGED;
    case 'cancelled':
      return m.AdmissionStatus.ADMISSION_STATUS_CANCELLED;
  }
}

export function admissionToProto(a: AdmissionSnapshot): m.Admission {
  return {
    id: a.id,
    wardId: a.wardId,
    institutionId: a.institutionId,
    groupId: a.groupId,
    patientResidentId: a.patientResidentId,
    referralId: a.referralId,
    status: admissionStatusToProto(a.status),
    bedCode: a.bedCode,
    pool: poolToProto(a.pool),
    priority: priorityToProto(a.priority),
    requestedByInstitutionId: a.requestedByInstitutionId,
    requestedAt: a.requestedAt,
    admittedAt: a.admittedAt ?? undefined,
    dischargedAt: a.dischargedAt ?? undefined,
    version: a.version,
    cancelReason: a.cancelReason,
  };
}
