import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type FamilyDoctorTeamSnapshot } from '../../domain/family-doctor-team';
import { FamilyDoctorTeamRepository } from '../../domain/family-doctor-team.repository';
import { type ListTeamsQuery } from './list-teams.query';

/** ListTeams: professional data, open to every authenticated caller. */
@Injectable()
export class ListTeamsUseCase {
  constructor(private readonly teams: FamilyDoctorTeamRepository) {}

  async execute(_identity: Identity, query: ListTeamsQuery): Promise<FamilyDoctorTeamSnapshot[]> {
    return (await this.teams.listByInstitution(query.institutionId)).map((t) => t.snapshot());
  }
}
