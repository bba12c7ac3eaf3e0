import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { schedulingField } from '../../../common/scheduling-fields';
import { MAX_MOVE_REASON_LENGTH } from '../../domain/session-move';
import { bandFields } from '../band-fields';

/** The fields of `input`: the new band's end is judged against its start when both are times. */
function fieldsOf(input: { startTime: string; endTime: string }) {
  return z.object({
    clientRequestId: requestField.uuid(),
    sessionId: requestField.uuid(),
    date: schedulingField.localDate(),
    ...bandFields(input),
    reason: requestField.text(MAX_MOVE_REASON_LENGTH),
  });
}

export type MoveSessionInput = z.input<ReturnType<typeof fieldsOf>>;

/** MoveSession: where a session goes; the new band is local time in the clinic's time zone. */
export class MoveSessionCommand {
  private constructor(
    /** Lower case, like the session's id. */
    readonly clientRequestId: string,
    readonly sessionId: string,
    /** YYYY-MM-DD */
    readonly date: string,
    /** HH:MM */
    readonly startTime: string,
    /** HH:MM, after startTime */
    readonly endTime: string,
    /** Trimmed; shown to the patients whose bookings move with the session. */
    readonly reason: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: MoveSessionInput): MoveSessionCommand {
    const m = parseFields(fieldsOf(input), input);
    return new MoveSessionCommand(m.clientRequestId, m.sessionId, m.date, m.startTime, m.endTime, m.reason);
  }
}
