import { type Refusal } from '@medgrid/errors';
import { addDays } from '@medgrid/kernel';
import { clinicInstant, isLocalDate, isoWeekday } from './clinic-time';

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

/**
 * What is wrong with the last day of a template's validity (empty for open-ended) made on local
 * date `today`, none when it is fine or not a date: it may not come before the first day, nor be
 * over by today (such a template would never yield a session).
 */
export function validUntilProblems(validUntil: string, validFrom: string, today: string): Refusal[] {
  if (!isLocalDate(validUntil)) return [];
  const problems: Refusal[] = [];
  if (isLocalDate(validFrom) && validUntil < validFrom) {
    problems.push({ reason: 'BEFORE_START', description: 'must not be before validFrom' });
  }
  if (validUntil < today) {
    problems.push({
      reason: 'IN_THE_PAST',
      description: `must not be before today (${today}, Asia/Shanghai)`,
    });
  }
  return problems;
}

/** A weekly pattern of sessions (出诊模板) of a department or doctor. */
export class ScheduleTemplate {
  private constructor(private readonly state: ScheduleTemplateSnapshot) {}

  /**
   * A new template, its fields as the request gave them once CreateScheduleTemplateCommand read
   * them (a weekday, a band whose end follows its start, a capacity, a validity validUntilProblems
   * finds nothing wrong with).
   */
  static create(input: ScheduleTemplateSnapshot): ScheduleTemplate {
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
