import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type FamilyDoctorTeamSnapshot } from '../../domain/family-doctor-team';
import { FamilyDoctorTeamRepository } from '../../domain/family-doctor-team.repository';
import { WorkforceError, WorkforceErrorCode } from '../../domain/workforce-error';
import { type GetTeamQuery } from './get-team.query';

/** GetTeam: professional data, open to every authenticated caller. */
@Injectable()
export class GetTeamUseCase {
  constructor(private readonly teams: FamilyDoctorTeamRepository) {}

  async execute(_identity: Identity, query: GetTeamQuery): Promise<FamilyDoctorTeamSnapshot> {
    const team = await this.teams.findById(query.id);
    if (!team) throw new WorkforceError(WorkforceErrorCode.NotFound, 'no team with this id', 'id');
    return team.snapshot();
  }
}
