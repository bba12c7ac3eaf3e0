import { v7 as uuidv7 } from 'uuid';
import { type ScheduleTemplateSnapshot } from '../domain/schedule-template';

/**
 * A weekly template of 30 slots on Mondays, 08:00 to 12:00 clinic time, from Monday 23 November
 * 2026 on with no end; override only what a test is about.
 */
export function aTemplate(overrides: Partial<ScheduleTemplateSnapshot> = {}): ScheduleTemplateSnapshot {
  return {
    id: uuidv7(),
    institutionId: uuidv7(),
    groupId: uuidv7(),
    departmentId: uuidv7(),
    specialtyCode: '03.04',
    practitionerId: '',
    weekday: 1,
    startTime: '08:00',
    endTime: '12:00',
    capacity: 30,
    validFrom: '2026-11-23',
    validUntil: '',
    ...overrides,
  };
}
