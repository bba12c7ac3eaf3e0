import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type TeamMember } from '../../domain/family-doctor-team';
import { teamMemberFields, type TeamMemberInput } from '../team-member-fields';

const fields = z.object({
  teamId: requestField.uuid(),
  member: teamMemberFields,
  clientRequestId: requestField.uuid(),
});

export interface AddTeamMemberInput {
  teamId: string;
  /** Missing in a request without it: both of its fields are then required. */
  member: TeamMemberInput | undefined;
  clientRequestId: string;
}

/** AddTeamMember: one more member of a team (member.practitionerId, member.role). */
export class AddTeamMemberCommand {
  private constructor(
    /** Lower case, like the practitioner's id. */
    readonly teamId: string,
    readonly member: TeamMember,
    readonly clientRequestId: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: AddTeamMemberInput): AddTeamMemberCommand {
    const { teamId, member, clientRequestId } = parseFields(fields, {
      ...input,
      member: input.member ?? { practitionerId: '', role: undefined },
    });
    return new AddTeamMemberCommand(teamId, member, clientRequestId);
  }
}
