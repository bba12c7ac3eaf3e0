import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type FamilyDoctorTeamSnapshot } from '../../domain/family-doctor-team';
import { TeamStep } from '../team-step';
import { type RemoveTeamMemberCommand } from './remove-team-member.command';

/** RemoveTeamMember: a member leaves a team, which keeps at least one general practitioner. */
@Injectable()
export class RemoveTeamMemberUseCase {
  constructor(private readonly step: TeamStep) {}

  execute(identity: Identity, command: RemoveTeamMemberCommand): Promise<FamilyDoctorTeamSnapshot> {
    return this.step.run(identity, 'remove-team-member', command, (team) => {
      team.removeMember(command.practitionerId);
      return Promise.resolve();
    });
  }
}
