import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type MembershipRole } from '../../domain/medical-group';

const fields = z.object({
  groupId: requestField.uuid(),
  institutionId: requestField.uuid(),
  role: requestField.present<MembershipRole>('must be LEAD, MEMBER or COLLABORATING'),
  clientRequestId: requestField.uuid(),
});

export type AddMembershipInput = z.input<typeof fields>;

/** AddMembership: an institution joining a group as its lead, a member or a collaborating unit. */
export class AddMembershipCommand {
  private constructor(
    /** Lower case, like the institution's id. */
    readonly groupId: string,
    readonly institutionId: string,
    readonly role: MembershipRole,
    readonly clientRequestId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: AddMembershipInput): AddMembershipCommand {
    const { groupId, institutionId, role, clientRequestId } = parseFields(fields, input);
    return new AddMembershipCommand(groupId, institutionId, role, clientRequestId);
  }
}
