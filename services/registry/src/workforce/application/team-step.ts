import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { type FamilyDoctorTeam, type FamilyDoctorTeamSnapshot } from '../domain/family-doctor-team';
import { FamilyDoctorTeamRepository } from '../domain/family-doctor-team.repository';
import { WorkforceError, WorkforceErrorCode } from '../domain/workforce-error';
import { WorkforceEventPublisher } from '../domain/workforce-event-publisher';
import { requireAllowed, WorkforceAccess } from './workforce-access.policy';

/**
 * What AddTeamMember and RemoveTeamMember share: the team row is locked for the change, only
 * those who may act at its institution may make it, and the team and its events are stored
 * together.
 */
@Injectable()
export class TeamStep {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly teams: FamilyDoctorTeamRepository,
    private readonly events: WorkforceEventPublisher,
  ) {}

  run(
    identity: Identity,
    teamId: string,
    change: (team: FamilyDoctorTeam) => Promise<void>,
  ): Promise<FamilyDoctorTeamSnapshot> {
    return this.uow.run(async () => {
      const team = await this.teams.findById(teamId, true);
      if (!team) throw new WorkforceError(WorkforceErrorCode.NotFound, 'no team with this id', 'teamId');
      const { institutionId, groupId, version } = team.snapshot();
      requireAllowed(WorkforceAccess.actAt(identity, { id: institutionId, groupId }), 'change this team');
      await change(team);
      await this.teams.update(team, version);
      await this.events.publish(team.pullEvents().map((event) => ({ kind: 'team-changed', event })));
      return team.snapshot();
    });
  }
}
