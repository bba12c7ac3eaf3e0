import { type SessionSnapshot, type SessionView } from '../domain/session';

/** How a clinic session and its free seats are read, for every repository that reads one. */
export interface SessionRow {
  id: string;
  institution_id: string;
  group_id: string;
  department_id: string;
  specialty_code: string;
  practitioner_id: string;
  template_id: string | null;
  date: string;
  starts_at: Date;
  ends_at: Date;
  status: SessionSnapshot['status'];
  capacity: number;
  reserved_offered: number;
  reserved_released: number;
  release_lead_hours: number;
  change_reason: string;
  version: number;
  free_reserved?: string;
  free_public?: string;
}

export const SESSION_COLUMNS = `s.id, s.institution_id, s.group_id, s.department_id, s.specialty_code, s.practitioner_id,
  s.template_id, to_char(s.date, 'YYYY-MM-DD') AS date, s.starts_at, s.ends_at, s.status, s.capacity,
  s.reserved_offered, s.reserved_released, s.release_lead_hours, s.change_reason, s.version`;

export const FREE_COUNTS = `
  (SELECT count(*) FROM seat f WHERE f.session_id = s.id AND f.pool = 'reserved' AND f.booking_id IS NULL) AS free_reserved,
  (SELECT count(*) FROM seat f WHERE f.session_id = s.id AND f.pool = 'public' AND f.booking_id IS NULL) AS free_public`;

export function toSession(row: SessionRow): SessionSnapshot {
  return {
    id: row.id,
    institutionId: row.institution_id,
    groupId: row.group_id,
    departmentId: row.department_id,
    specialtyCode: row.specialty_code,
    practitionerId: row.practitioner_id,
    templateId: row.template_id,
    date: row.date,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    status: row.status,
    capacity: row.capacity,
    reservedOffered: row.reserved_offered,
    reservedReleased: row.reserved_released,
    releaseLeadHours: row.release_lead_hours,
    changeReason: row.change_reason,
    version: row.version,
  };
}

export function toView(row: SessionRow): SessionView {
  return { ...toSession(row), freeReserved: Number(row.free_reserved), freePublic: Number(row.free_public) };
}
