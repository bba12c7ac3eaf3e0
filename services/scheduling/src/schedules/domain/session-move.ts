import { ValidationError } from '@medgrid/errors';
import { localDate } from '@medgrid/kernel';
import { ScheduleError, ScheduleErrorCode } from './schedule-error';
import { clinicClock, clinicInstant } from './clinic-time';
import { type SessionSnapshot } from './session';

/** Where a session goes: a local date and a band of local clock times. */
export interface SessionMoveTarget {
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
}

/** The longest reason a move may give its patients. */
export const MAX_MOVE_REASON_LENGTH = 200;

/**
 * A doctor's exception (停诊改期): the session goes to another date or band.
 * Only an open session still to come may move, and only into the future; the
 * seats, and so every booking's slot number, go with it. Returns the moved
 * session with the reason to show the patients and the next version. The
 * target's date and band are the request's, already read as a date and a band
 * whose end follows its start (MoveSessionCommand).
 */
export function moveSession(
  session: SessionSnapshot,
  target: SessionMoveTarget,
  reason: string,
  now: Date,
): SessionSnapshot {
  if (session.status !== 'open') {
    throw new ScheduleError(
      ScheduleErrorCode.SessionClosed,
      `the session is ${session.status}${session.changeReason ? `: ${session.changeReason}` : ''}; only an open session can be moved`,
      'sessionId',
    );
  }
  if (now >= session.startsAt) {
    throw new ScheduleError(
      ScheduleErrorCode.SessionClosed,
      `the session ${now >= session.endsAt ? 'is over' : 'has started'}; only a session still to come can be moved`,
      'sessionId',
    );
  }
  const startsAt = clinicInstant(target.date, target.startTime);
  const endsAt = clinicInstant(target.date, target.endTime);
  if (startsAt <= now) {
    // Name the part that is wrong: a past day, or a time already gone today.
    const pastDay = target.date < localDate(now);
    throw refused(pastDay ? 'date' : 'startTime', 'IN_THE_PAST', 'must be in the future');
  }
  if (
    target.date === session.date &&
    startsAt.getTime() === session.startsAt.getTime() &&
    endsAt.getTime() === session.endsAt.getTime()
  ) {
    throw refused('date', 'UNCHANGED', 'is where the session already is');
  }
  return {
    ...session,
    date: target.date,
    startsAt,
    endsAt,
    changeReason: reason.trim(),
    version: session.version + 1,
  };
}

/** A target refused as the request's field (INVALID_ARGUMENT), as a request's bad field is. */
function refused(field: string, reason: string, description: string): ValidationError {
  return new ValidationError([{ field, reason, description }]);
}

/** Whether two sessions' bands share any time (touching ends do not overlap). */
export function bandsOverlap(a: SessionSnapshot, b: SessionSnapshot): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/**
 * A doctor sees one session's patients at a time: refuses the moved session
 * when another open session of the same doctor at the same hospital overlaps
 * it. A department session (no doctor named) may run beside any other.
 */
export function requireDoctorFree(moved: SessionSnapshot, others: readonly SessionSnapshot[]): void {
  if (!moved.practitionerId) return;
  const clash = others.find(
    (other) =>
      other.id !== moved.id &&
      other.status === 'open' &&
      other.institutionId === moved.institutionId &&
      other.practitionerId === moved.practitionerId &&
      bandsOverlap(moved, other),
  );
  if (clash) {
    throw new ScheduleError(
      ScheduleErrorCode.SessionOverlaps,
      `the doctor already has an open session on ${clash.date} ${clinicClock(clash.startsAt)}–${clinicClock(clash.endsAt)} (${clash.id}) overlapping this band`,
      'startTime',
    );
  }
}
