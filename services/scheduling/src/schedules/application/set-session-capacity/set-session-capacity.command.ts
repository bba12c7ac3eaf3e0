import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { schedulingField } from '../../../common/scheduling-fields';
import { MAX_SESSION_CAPACITY } from '../../domain/schedule-template';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  sessionId: requestField.uuid(),
  capacity: schedulingField.wholeNumber(0, MAX_SESSION_CAPACITY, `must be 0 to ${MAX_SESSION_CAPACITY}`),
});

/** SetSessionCapacity: one session resized (more or fewer slots). */
export class SetSessionCapacityCommand {
  private constructor(
    /** Lower case, like the session's id. */
    readonly clientRequestId: string,
    readonly sessionId: string,
    /** 0 to MAX_SESSION_CAPACITY. */
    readonly capacity: number,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: z.input<typeof fields>): SetSessionCapacityCommand {
    const { clientRequestId, sessionId, capacity } = parseFields(fields, input);
    return new SetSessionCapacityCommand(clientRequestId, sessionId, capacity);
  }
}
