import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { type FamilyDoctorTeam, type FamilyDoctorTeamSnapshot } from '../domain/family-doctor-team';
import { FamilyDoctorTeamRepository } from '../domain/family-doctor-team.repository';
import { WorkforceError, WorkforceErrorCode } from '../domain/workforce-error';
import { WorkforceEventPublisher } from '../domain/workforce-event-publisher';
import { requireAllowed, WorkforceAccess } from './workforce-access.policy';

/**
 * What AddTeamMember and RemoveTeamMember share: the team row is locked for the change, only
 * those who may act at its institution may make it, the team and its events are stored
 * together, and a retry (same request id, same request) is answered with the team as it is now.
 */
@Injectable()
export class TeamStep {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly teams: FamilyDoctorTeamRepository,
    private readonly requests: ClientRequests,
    private readonly events: WorkforceEventPublisher,
  ) {}

  run(
    identity: Identity,
    operation: 'add-team-member' | 'remove-team-member',
    command: { readonly clientRequestId: string; readonly teamId: string },
    change: (team: FamilyDoctorTeam) => Promise<void>,
  ): Promise<FamilyDoctorTeamSnapshot> {
    return this.uow.run(async () => {
      const team = await this.teams.findById(command.teamId, true);
      if (!team) throw new WorkforceError(WorkforceErrorCode.NotFound, 'no team with this id', 'teamId');
      const { id, institutionId, groupId, version } = team.snapshot();
      requireAllowed(WorkforceAccess.actAt(identity, { id: institutionId, groupId }), 'change this team');
      if (await this.requests.isRetry(clientRequestOf(operation, command), id)) return team.snapshot();
      await change(team);
      await this.teams.update(team, version);
      await this.events.publish(team.pullEvents().map((event) => ({ kind: 'team-changed', event })));
      return team.snapshot();
    });
  }
}
