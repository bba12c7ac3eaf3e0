import { parseFields, refusal, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type TeamMember } from '../../domain/family-doctor-team';
import { teamMemberFields } from '../team-member-fields';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  institutionId: requestField.uuid(),
  name: requestField.text(100),
  members: z
    .array(teamMemberFields)
    .min(1, refusal('REQUIRED', 'a team needs members, at least one general practitioner')),
});

export type CreateTeamInput = z.input<typeof fields>;

/** CreateTeam: a family-doctor team at a primary institution, with its first members. */
export class CreateTeamCommand {
  private constructor(
    /** Lower case, like the other ids. */
    readonly clientRequestId: string,
    readonly institutionId: string,
    /** Trimmed. */
    readonly name: string,
    readonly members: readonly TeamMember[],
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field, members[i].role). */
  static create(input: CreateTeamInput): CreateTeamCommand {
    const { clientRequestId, institutionId, name, members } = parseFields(fields, input);
    return new CreateTeamCommand(clientRequestId, institutionId, name, members);
  }
}
