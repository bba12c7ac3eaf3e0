import { type BookingSnapshot } from '../../domain/booking';
import { type BookingOrmEntity } from './booking.orm-entity';

/** A booking's row without its relation. */
export type BookingRow = Omit<BookingOrmEntity, 'session'>;

// Every field is spelled out in both directions (no spreads), so a column added to the entity
// or a field added to the snapshot does not compile until it is mapped.

export function bookingToEntity(s: BookingSnapshot): BookingRow {
  return {
    id: s.id,
    sessionId: s.sessionId,
    institutionId: s.institutionId,
    groupId: s.groupId,
    slotNumber: s.slotNumber,
    pool: s.pool,
    status: s.status,
    patientResidentId: s.patientResidentId,
    referralId: s.referralId,
    bookedByInstitutionId: s.bookedByInstitutionId,
    priorityContracted: s.priority.contractedResident,
    priorityFeeWaived: s.priority.consultationFeeWaived,
    priorityGreenChannel: s.priority.greenChannel,
    holdExpiresAt: s.holdExpiresAt,
    clientRequestId: s.clientRequestId,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    cancelReason: s.cancelReason,
    version: s.version,
  };
}

export function bookingFromEntity(e: BookingRow): BookingSnapshot {
  return {
    id: e.id,
    sessionId: e.sessionId,
    institutionId: e.institutionId,
    groupId: e.groupId,
    slotNumber: e.slotNumber,
    pool: e.pool,
    status: e.status,
    patientResidentId: e.patientResidentId,
    referralId: e.referralId,
    bookedByInstitutionId: e.bookedByInstitutionId,
    priority: {
      contractedResident: e.priorityContracted,
      consultationFeeWaived: e.priorityFeeWaived,
      greenChannel: e.priorityGreenChannel,
    },
    holdExpiresAt: e.holdExpiresAt,
    clientRequestId: e.clientRequestId,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    cancelReason: e.cancelReason,
    version: e.version,
  };
}
