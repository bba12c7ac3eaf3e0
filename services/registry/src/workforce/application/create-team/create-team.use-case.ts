import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { v7 as uuidv7 } from 'uuid';
import { InstitutionRepository } from '../../../organisation/domain/institution.repository';
import { FamilyDoctorTeam, type FamilyDoctorTeamSnapshot } from '../../domain/family-doctor-team';
import { FamilyDoctorTeamRepository } from '../../domain/family-doctor-team.repository';
import { WorkforceError, WorkforceErrorCode } from '../../domain/workforce-error';
import { WorkforceEventPublisher } from '../../domain/workforce-event-publisher';
import { TeamCandidates } from '../team-candidates';
import { requireAllowed, WorkforceAccess } from '../workforce-access.policy';
import { type CreateTeamCommand } from './create-team.command';

/** CreateTeam: forms a family-doctor team at a primary institution of a group. */
@Injectable()
export class CreateTeamUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly teams: FamilyDoctorTeamRepository,
    private readonly institutions: InstitutionRepository,
    private readonly candidates: TeamCandidates,
    private readonly requests: ClientRequests,
    private readonly events: WorkforceEventPublisher,
  ) {}

  async execute(identity: Identity, command: CreateTeamCommand): Promise<FamilyDoctorTeamSnapshot> {
    return this.uow.run(async () => {
      const institution = await this.institutions.findById(command.institutionId);
      if (!institution) {
        throw new WorkforceError(
          WorkforceErrorCode.UnknownInstitution,
          'no institution with this id',
          'institutionId',
        );
      }
      const { id, level, groupId } = institution.snapshot();
      const base = { id, level, groupId };
      requireAllowed(WorkforceAccess.actAt(identity, base), 'form teams at this institution');
      return this.requests.createOnce(clientRequestOf('create-team', command), {
        load: async (teamId) => (await this.teams.findById(teamId))?.snapshot() ?? null,
        create: async () => {
          const candidates = await this.candidates.of(
            command.members.map((m) => m.practitionerId),
            (i) => `members[${i}].practitionerId`,
          );
          const team = FamilyDoctorTeam.create(
            { id: uuidv7(), name: command.name, base },
            command.members.map((m, i) => ({ candidate: candidates[i]!, role: m.role })),
          );
          await this.teams.insert(team);
          await this.events.publish(team.pullEvents().map((event) => ({ kind: 'team-changed', event })));
          return { id: team.snapshot().id, result: team.snapshot() };
        },
      });
    });
  }
}
