import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  entryId: requestField.uuid(),
});

/** LeaveWaitlist: a place in a session's queue given up. */
export class LeaveWaitlistCommand {
  private constructor(
    /** Lower case, like the entry's id. */
    readonly clientRequestId: string,
    readonly entryId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: z.input<typeof fields>): LeaveWaitlistCommand {
    const { clientRequestId, entryId } = parseFields(fields, input);
    return new LeaveWaitlistCommand(clientRequestId, entryId);
  }
}
