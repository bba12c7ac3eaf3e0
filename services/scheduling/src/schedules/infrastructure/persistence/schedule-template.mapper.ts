import { type ScheduleTemplateSnapshot } from '../../domain/schedule-template';
import { type ScheduleTemplateOrmEntity } from './schedule-template.orm-entity';

// Every field is spelled out in both directions (no spreads), so a column added to the entity
// or a field added to the snapshot does not compile until it is mapped.

export function scheduleTemplateToEntity(s: ScheduleTemplateSnapshot): ScheduleTemplateOrmEntity {
  return {
    id: s.id,
    institutionId: s.institutionId,
    groupId: s.groupId,
    departmentId: s.departmentId,
    specialtyCode: s.specialtyCode,
    practitionerId: s.practitionerId,
    weekday: s.weekday,
    startTime: s.startTime,
    endTime: s.endTime,
    capacity: s.capacity,
    validFrom: s.validFrom,
    // The snapshot's empty string is an open end.
    validUntil: s.validUntil === '' ? null : s.validUntil,
  };
}

export function scheduleTemplateFromEntity(e: ScheduleTemplateOrmEntity): ScheduleTemplateSnapshot {
  return {
    id: e.id,
    institutionId: e.institutionId,
    groupId: e.groupId,
    departmentId: e.departmentId,
    specialtyCode: e.specialtyCode,
    practitionerId: e.practitionerId,
    weekday: e.weekday,
    startTime: e.startTime,
    endTime: e.endTime,
    capacity: e.capacity,
    validFrom: e.validFrom,
    validUntil: e.validUntil ?? '',
  };
}
