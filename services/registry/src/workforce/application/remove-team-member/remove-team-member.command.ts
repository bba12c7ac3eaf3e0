import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  teamId: requestField.uuid(),
  practitionerId: requestField.uuid(),
  clientRequestId: requestField.uuid(),
});

export type RemoveTeamMemberInput = z.input<typeof fields>;

/** RemoveTeamMember: a member leaving a team. */
export class RemoveTeamMemberCommand {
  private constructor(
    /** Lower case, like the practitioner's id. */
    readonly teamId: string,
    readonly practitionerId: string,
    readonly clientRequestId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: RemoveTeamMemberInput): RemoveTeamMemberCommand {
    const { teamId, practitionerId, clientRequestId } = parseFields(fields, input);
    return new RemoveTeamMemberCommand(teamId, practitionerId, clientRequestId);
  }
}
