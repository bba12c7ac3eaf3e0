import { FieldChecks } from '@medgrid/errors';
import { moveChecks } from '../../domain/session-move';

export interface MoveSessionInput {
  readonly clientRequestId: string;
  readonly sessionId: string;
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly reason: string;
}

/** MoveSession: where a session goes; the new band is local time in the clinic's time zone. */
export class MoveSessionCommand {
  private constructor(
    readonly clientRequestId: string,
    /** Lower case. */
    readonly sessionId: string,
    /** YYYY-MM-DD */
    readonly date: string,
    /** HH:MM */
    readonly startTime: string,
    /** HH:MM, after startTime */
    readonly endTime: string,
    /** Shown to the patients whose bookings move with the session. */
    readonly reason: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: MoveSessionInput): MoveSessionCommand {
    moveChecks(
      new FieldChecks().uuid('clientRequestId', input.clientRequestId).uuid('sessionId', input.sessionId),
      input,
      input.reason,
    ).throwIfAny();
    return new MoveSessionCommand(
      input.clientRequestId,
      input.sessionId.toLowerCase(),
      input.date,
      input.startTime,
      input.endTime,
      input.reason,
    );
  }
}
