import { type SlotHoldRequestSnapshot } from '../../domain/slot-hold-request';
import { type SlotHoldRequestOrmEntity } from './slot-hold-request.orm-entity';

// Every field is spelled out in both directions (no spreads), so a column added to the entity
// or a field added to the snapshot does not compile until it is mapped.

export function slotHoldRequestToEntity(s: SlotHoldRequestSnapshot): SlotHoldRequestOrmEntity {
  return {
    id: s.id,
    referralId: s.referralId,
    groupId: s.groupId,
    institutionId: s.institutionId,
    referringInstitutionId: s.referringInstitutionId,
    status: s.status,
    sourceEventId: s.sourceEventId,
    requestedAt: s.requestedAt,
    updatedAt: s.updatedAt,
    patientResidentId: s.patientResidentId,
    departmentId: s.departmentId,
    specialtyCode: s.specialtyCode,
    priorityContracted: s.contractedPriority,
    priorityGreenChannel: s.greenChannel,
    pool: s.pool,
    bookingId: s.bookingId,
    waitlistEntryId: s.waitlistEntryId,
    sessionId: s.sessionId,
    version: s.version,
  };
}

export function slotHoldRequestFromEntity(e: SlotHoldRequestOrmEntity): SlotHoldRequestSnapshot {
  return {
    id: e.id,
    referralId: e.referralId,
    groupId: e.groupId,
    institutionId: e.institutionId,
    referringInstitutionId: e.referringInstitutionId,
    status: e.status,
    sourceEventId: e.sourceEventId,
    requestedAt: e.requestedAt,
    // A request recorded before changes were kept has not changed since it was made.
    updatedAt: e.updatedAt ?? e.requestedAt,
    patientResidentId: e.patientResidentId,
    departmentId: e.departmentId,
    specialtyCode: e.specialtyCode,
    contractedPriority: e.priorityContracted,
    greenChannel: e.priorityGreenChannel,
    pool: e.pool,
    bookingId: e.bookingId,
    waitlistEntryId: e.waitlistEntryId,
    sessionId: e.sessionId,
    version: e.version,
  };
}
