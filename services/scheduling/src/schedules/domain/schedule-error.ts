import { AppError, type ErrorCategory } from '@medgrid/errors';

/** Every rule of the schedules context (templates, sessions, seats) that a request can break; the code names the rule. */
export enum ScheduleErrorCode {
  NotFound = 'NOT_FOUND',
  CapacityBelowTaken = 'CAPACITY_BELOW_TAKEN',
  /** A resize would leave the reserved pool short of the hospital's share. */
  ReserveBelowRatio = 'RESERVE_BELOW_RATIO',
  SessionClosed = 'SESSION_CLOSED',
  SessionStarted = 'SESSION_STARTED',
  /** The doctor already has an open session in the band asked for. */
  SessionOverlaps = 'SESSION_OVERLAPS',
  /** The row changed since this transaction read it (a write without the lock its reader took). */
  VersionConflict = 'VERSION_CONFLICT',
}

function categoryOf(code: ScheduleErrorCode): ErrorCategory {
  switch (code) {
    case ScheduleErrorCode.NotFound:
      return 'not-found';
    case ScheduleErrorCode.CapacityBelowTaken:
    case ScheduleErrorCode.ReserveBelowRatio:
      return 'invalid-argument';
    case ScheduleErrorCode.SessionClosed:
    case ScheduleErrorCode.SessionStarted:
    case ScheduleErrorCode.SessionOverlaps:
      return 'failed-precondition';
    case ScheduleErrorCode.VersionConflict:
      return 'conflict';
  }
}

/** Every failure of the schedules context, by code: the context's one error class. */
export class ScheduleError extends AppError {
  constructor(code: ScheduleErrorCode, message: string, field?: string) {
    super(categoryOf(code), code, message, field ? [{ field, reason: code, description: message }] : []);
  }
}
