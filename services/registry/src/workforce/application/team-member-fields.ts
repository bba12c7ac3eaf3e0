import { requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type TeamMemberRole } from '../domain/family-doctor-team';

/** A member of a team as CreateTeam and AddTeamMember carry it. */
export const teamMemberFields = z.object({
  practitionerId: requestField.uuid(),
  role: requestField.present<TeamMemberRole>('must be GENERAL_PRACTITIONER, SPECIALIST or HEALTH_MANAGER'),
});

export type TeamMemberInput = z.input<typeof teamMemberFields>;
