import { type SessionSnapshot, type SessionView } from '../../domain/session';
import { type ClinicSessionOrmEntity } from './clinic-session.orm-entity';

/** What a session's steps (a move, a resize, a cancellation, a release) may change: never its identity or planned date. */
export type SessionChangeRow = Pick<
  ClinicSessionOrmEntity,
  | 'date'
  | 'startsAt'
  | 'endsAt'
  | 'status'
  | 'capacity'
  | 'reservedOffered'
  | 'reservedReleased'
  | 'changeReason'
  | 'version'
  | 'releaseDueAt'
>;

/** The free seats of a session per pool. */
export interface FreeSeats {
  readonly reserved: number;
  readonly public: number;
}

// Every field is spelled out (no spreads), so a column added to the entity or a field added to the
// snapshot does not compile until it is mapped. The planned date and the release time are the
// table's own: the first is the date a new session is on, the second follows from the start.

/** The release of the reserve is due `leadHours` before the start. */
export function releaseDueAt(startsAt: Date, leadHours: number): Date {
  return new Date(startsAt.getTime() - leadHours * 3_600_000);
}

/** A new session: on the date its template planned it for. */
export function newSessionToEntity(s: SessionSnapshot): ClinicSessionOrmEntity {
  return {
    id: s.id,
    institutionId: s.institutionId,
    groupId: s.groupId,
    departmentId: s.departmentId,
    specialtyCode: s.specialtyCode,
    practitionerId: s.practitionerId,
    templateId: s.templateId,
    date: s.date,
    plannedDate: s.date,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    status: s.status,
    capacity: s.capacity,
    reservedOffered: s.reservedOffered,
    reservedReleased: s.reservedReleased,
    releaseLeadHours: s.releaseLeadHours,
    releaseDueAt: releaseDueAt(s.startsAt, s.releaseLeadHours),
    changeReason: s.changeReason,
    version: s.version,
  };
}

export function sessionChangeToEntity(s: SessionSnapshot): SessionChangeRow {
  return {
    date: s.date,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    status: s.status,
    capacity: s.capacity,
    reservedOffered: s.reservedOffered,
    reservedReleased: s.reservedReleased,
    changeReason: s.changeReason,
    version: s.version,
    releaseDueAt: releaseDueAt(s.startsAt, s.releaseLeadHours),
  };
}

export function sessionFromEntity(e: ClinicSessionOrmEntity): SessionSnapshot {
  return {
    id: e.id,
    institutionId: e.institutionId,
    groupId: e.groupId,
    departmentId: e.departmentId,
    specialtyCode: e.specialtyCode,
    practitionerId: e.practitionerId,
    templateId: e.templateId,
    date: e.date,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    status: e.status,
    capacity: e.capacity,
    reservedOffered: e.reservedOffered,
    reservedReleased: e.reservedReleased,
    releaseLeadHours: e.releaseLeadHours,
    changeReason: e.changeReason,
    version: e.version,
  };
}

export function sessionViewFromEntity(e: ClinicSessionOrmEntity, free: FreeSeats): SessionView {
  return { ...sessionFromEntity(e), freeReserved: free.reserved, freePublic: free.public };
}
