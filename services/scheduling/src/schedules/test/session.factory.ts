import { v7 as uuidv7 } from 'uuid';
import { clinicInstant } from '../domain/clinic-time';
import { type SessionSnapshot } from '../domain/session';

/**
 * An open doctor's session of 6 slots (2 reserved) on Thursday 26 November 2026, 08:00 to 11:30
 * clinic time, released 48 hours ahead; override only what a test is about.
 */
export function aSession(overrides: Partial<SessionSnapshot> = {}): SessionSnapshot {
  return {
    id: uuidv7(),
    institutionId: uuidv7(),
    groupId: uuidv7(),
    departmentId: uuidv7(),
    specialtyCode: '03.01',
    practitionerId: uuidv7(),
    templateId: uuidv7(),
    date: '2026-11-26',
    startsAt: clinicInstant('2026-11-26', '08:00'),
    endsAt: clinicInstant('2026-11-26', '11:30'),
    status: 'open',
    capacity: 6,
    reservedOffered: 2,
    reservedReleased: 0,
    releaseLeadHours: 48,
    changeReason: '',
    version: 1,
    ...overrides,
  };
}

/** A session's date and band on `date`, `start` to `end` clinic time: aSession's overrides for another day. */
export function onDate(
  date: string,
  start = '08:00',
  end = '12:00',
): Pick<SessionSnapshot, 'date' | 'startsAt' | 'endsAt'> {
  return { date, startsAt: clinicInstant(date, start), endsAt: clinicInstant(date, end) };
}
