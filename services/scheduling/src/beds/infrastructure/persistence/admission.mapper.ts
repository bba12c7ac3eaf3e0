import { type AdmissionSnapshot } from '../../domain/admission';
import { type AdmissionOrmEntity } from './admission.orm-entity';

/** An admission's row without its relation. */
export type AdmissionRow = Omit<AdmissionOrmEntity, 'ward'>;

// Every field is spelled out in both directions (no spreads), so a column added to the entity
// or a field added to the snapshot does not compile until it is mapped.

export function admissionToEntity(s: AdmissionSnapshot): AdmissionRow {
  return {
    id: s.id,
    wardId: s.wardId,
    institutionId: s.institutionId,
    groupId: s.groupId,
    patientResidentId: s.patientResidentId,
    referralId: s.referralId,
    requestedByInstitutionId: s.requestedByInstitutionId,
    priorityContracted: s.priority.contractedResident,
    priorityFeeWaived: s.priority.consultationFeeWaived,
    priorityGreenChannel: s.priority.greenChannel,
    queueRank: s.queueRank,
    status: s.status,
    bedCode: s.bedCode,
    pool: s.pool,
    requestedAt: s.requestedAt,
    admittedAt: s.admittedAt,
    dischargedAt: s.dischargedAt,
    cancelReason: s.cancelReason,
    version: s.version,
  };
}

export function admissionFromEntity(e: AdmissionRow): AdmissionSnapshot {
  return {
    id: e.id,
    wardId: e.wardId,
    institutionId: e.institutionId,
    groupId: e.groupId,
    patientResidentId: e.patientResidentId,
    referralId: e.referralId,
    requestedByInstitutionId: e.requestedByInstitutionId,
    priority: {
      contractedResident: e.priorityContracted,
      consultationFeeWaived: e.priorityFeeWaived,
      greenChannel: e.priorityGreenChannel,
    },
    queueRank: e.queueRank,
    status: e.status,
    bedCode: e.bedCode,
    pool: e.pool,
    requestedAt: e.requestedAt,
    admittedAt: e.admittedAt,
    dischargedAt: e.dischargedAt,
    cancelReason: e.cancelReason,
    version: e.version,
  };
}
