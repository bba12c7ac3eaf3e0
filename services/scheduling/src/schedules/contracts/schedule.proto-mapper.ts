import { schedulingModelV1 as m } from '@medgrid/contracts';
import { releaseDueAt } from '../domain/reserve-release';
import { type ScheduleTemplateSnapshot } from '../domain/schedule-template';
import { type SessionSnapshot, type SessionView } from '../domain/session';

export const templateToProto = (t: ScheduleTemplateSnapshot): m.ScheduleTemplate => ({ ...t });

function sessionStatusToProto(status: SessionSnapshot['status']): m.SessionStatus {
  switch (status) {
    case 'open':
      return m.SessionStatus.SESSION_STATUS_OPEN;
    case 'cancelled':
      return m.SessionStatus.SESSION_STATUS_CANCELLED;
  }
}

export function sessionToProto(s: SessionView): m.Session {
  return {
    id: s.id,
    institutionId: s.institutionId,
    groupId: s.groupId,
    departmentId: s.departmentId,
    specialtyCode: s.specialtyCode,
    practitionerId: s.practitionerId,
    templateId: s.templateId ?? '',
    date: s.date,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    status: sessionStatusToProto(s.status),
    capacity: s.capacity,
    reservedOffered: s.reservedOffered,
    reservedReleased: s.reservedReleased,
    freeReserved: s.freeReserved,
    freePublic: s.freePublic,
    version: s.version,
    changeReason: s.changeReason,
    reserveReleaseAt: releaseDueAt(s.startsAt, s.releaseLeadHours),
  };
}
