import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type FamilyDoctorTeamSnapshot } from '../../domain/family-doctor-team';
import { TeamCandidates } from '../team-candidates';
import { TeamStep } from '../team-step';
import { type AddTeamMemberCommand } from './add-team-member.command';

/** AddTeamMember: a practitioner joins a team in a role their home institution fits. */
@Injectable()
export class AddTeamMemberUseCase {
  constructor(
    private readonly step: TeamStep,
    private readonly candidates: TeamCandidates,
  ) {}

  execute(identity: Identity, command: AddTeamMemberCommand): Promise<FamilyDoctorTeamSnapshot> {
    return this.step.run(identity, 'add-team-member', command, async (team) => {
      const [candidate] = await this.candidates.of(
        [command.member.practitionerId],
        () => 'member.practitionerId',
      );
      team.addMember(candidate!, command.member.role);
    });
  }
}
