import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  groupId: requestField.uuid(),
  institutionId: requestField.uuid(),
  clientRequestId: requestField.uuid(),
});

export type RemoveMembershipInput = z.input<typeof fields>;

/** RemoveMembership: an institution leaving a group. */
export class RemoveMembershipCommand {
  private constructor(
    /** Lower case, like the institution's id. */
    readonly groupId: string,
    readonly institutionId: string,
    readonly clientRequestId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: RemoveMembershipInput): RemoveMembershipCommand {
    const { groupId, institutionId, clientRequestId } = parseFields(fields, input);
    return new RemoveMembershipCommand(groupId, institutionId, clientRequestId);
  }
}
