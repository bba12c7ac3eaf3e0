import { ScheduleError, ScheduleErrorCode } from './schedule-error';

export type SessionStatus = 'open' | 'cancelled';

export type SessionChange =
  'opened' | 'cancelled' | 'moved' | 'resized' | 'reserve-released' | 'release-rescheduled';

export interface SessionSnapshot {
  readonly id: string;
  readonly institutionId: string;
  readonly groupId: string;
  readonly departmentId: string;
  readonly specialtyCode: string;
  readonly practitionerId: string;
  readonly templateId: string | null;
  readonly date: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly status: SessionStatus;
  readonly capacity: number;
  readonly reservedOffered: number;
  readonly reservedReleased: number;
  readonly releaseLeadHours: number;
  readonly changeReason: string;
  readonly version: number;
}

/** A session with the free slots of each pool at the time of reading. */
export interface SessionView extends SessionSnapshot {
  readonly freeReserved: number;
  readonly freePublic: number;
}

export interface SessionChangedDomainEvent {
  readonly change: SessionChange;
  readonly sessionId: string;
  readonly released: number;
}

/** Whether a session still takes bookings at `now`. */
export function requireBookable(session: SessionSnapshot, now: Date): void {
  if (session.status !== 'open') {
    throw new ScheduleError(
      ScheduleErrorCode.SessionClosed,
      `the session is ${session.status}${session.changeReason ? `: ${session.changeReason}` : ''}`,
      'claim.sessionId',
    );
  }
  if (now >= session.endsAt) {
    throw new ScheduleError(ScheduleErrorCode.SessionStarted, 'the session is over', 'claim.sessionId');
  }
}

/**
 * Estimated time to come for a numbered slot: the band divided evenly. A booking
 * that kept a number above a shrunk session's capacity comes in the last place,
 * never after the session has ended.
 */
export function expectedAt(session: SessionSnapshot, slotNumber: number): Date {
  const span = session.endsAt.getTime() - session.startsAt.getTime();
  const each = session.capacity > 0 ? span / session.capacity : 0;
  const place = Math.min(slotNumber, Math.max(session.capacity, 1));
  return new Date(session.startsAt.getTime() + Math.floor((place - 1) * each));
}
