import { FieldChecks } from '@medgrid/errors';
import { addDays } from '@medgrid/kernel';
import { clinicInstant, isClockTime, isLocalDate, isoWeekday } from './clinic-time';

export interface ScheduleTemplateSnapshot {
  readonly id: string;
  readonly institutionId: string;
  readonly groupId: string;
  readonly departmentId: string;
  readonly specialtyCode: string;
  /** Empty for a department session. */
  readonly practitionerId: string;
  readonly weekday: number;
  readonly startTime: string;
  readonly endTime: string;
  readonly capacity: number;
  readonly validFrom: string;
  /** Empty for open-ended. */
  readonly validUntil: string;
}

/** Sessions above this size are a typing error, not a clinic. */
export const MAX_SESSION_CAPACITY = 500;

export interface PlannedSession {
  readonly templateId: string;
  readonly date: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly capacity: number;
}

/** A weekly pattern of sessions (出诊模板) of a department or doctor. */
export class ScheduleTemplate {
  private constructor(private readonly state: ScheduleTemplateSnapshot) {}

  /** A new template; `today` is the local date it is made on (a template over by then yields nothing). */
  static create(input: ScheduleTemplateSnapshot, today: string): ScheduleTemplate {
    const checks = new FieldChecks()
      .check(
        'template.weekday',
        Number.isInteger(input.weekday) && input.weekday >= 1 && input.weekday <= 7,
        'OUT_OF_RANGE',
        'must be 1 (Monday) to 7 (Sunday)',
      )
      .check('template.startTime', isClockTime(input.startTime), 'INVALID_FORMAT', 'must be HH:MM')
      .check('template.endTime', isClockTime(input.endTime), 'INVALID_FORMAT', 'must be HH:MM')
      .check(
        'template.capacity',
        Number.isInteger(input.capacity) && input.capacity >= 1 && input.capacity <= MAX_SESSION_CAPACITY,
        'OUT_OF_RANGE',
        `must be 1 to ${MAX_SESSION_CAPACITY}`,
      )
      .check(
        'template.validFrom',
        isLocalDate(input.validFrom),
        'INVALID_FORMAT',
        'must be a date YYYY-MM-DD',
      )
      .check(
        'template.validUntil',
        input.validUntil === '' || isLocalDate(input.validUntil),
        'INVALID_FORMAT',
        'must be a date YYYY-MM-DD or empty',
      );
    if (isClockTime(input.startTime) && isClockTime(input.endTime)) {
      checks.check(
        'template.endTime',
        input.endTime > input.startTime,
        'BEFORE_START',
        'must be after startTime',
      );
    }
    if (isLocalDate(input.validFrom) && isLocalDate(input.validUntil)) {
      checks.check(
        'template.validUntil',
        input.validUntil >= input.validFrom,
        'BEFORE_START',
        'must not be before validFrom',
      );
    }
    if (isLocalDate(input.validUntil)) {
      checks.check(
        'template.validUntil',
        input.validUntil >= today,
        'IN_THE_PAST',
        `must not be before today (${today}, Asia/Shanghai)`,
      );
    }
    checks.throwIfAny();
    return new ScheduleTemplate({ ...input });
  }

  static restore(snapshot: ScheduleTemplateSnapshot): ScheduleTemplate {
    return new ScheduleTemplate(snapshot);
  }

  /** The sessions this template yields on [from, to], both local dates. */
  sessionsBetween(from: string, to: string): PlannedSession[] {
    const sessions: PlannedSession[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) {
      if (date < this.state.validFrom) continue;
      if (this.state.validUntil && date > this.state.validUntil) break;
      if (isoWeekday(date) !== this.state.weekday) continue;
      sessions.push({
        templateId: this.state.id,
        date,
        startsAt: clinicInstant(date, this.state.startTime),
        endsAt: clinicInstant(date, this.state.endTime),
        capacity: this.state.capacity,
      });
    }
    return sessions;
  }

  snapshot(): ScheduleTemplateSnapshot {
    return { ...this.state };
  }
}
