import { Injectable } from '@nestjs/common';
import { mapUniqueViolations, UnitOfWork } from '@medgrid/database';
import { In } from 'typeorm';
import { FamilyDoctorTeam } from '../../domain/family-doctor-team';
import { FamilyDoctorTeamRepository } from '../../domain/family-doctor-team.repository';
import { WorkforceError, WorkforceErrorCode } from '../../domain/workforce-error';
import { teamFromEntity, teamMembersToEntities, teamToEntity } from './family-doctor-team.mapper';
import { FamilyDoctorTeamOrmEntity } from './family-doctor-team.orm-entity';
import { TeamMemberOrmEntity } from './team-member.orm-entity';

/** Family-doctor teams and their members in PostgreSQL; every method joins the current UnitOfWork transaction. */
@Injectable()
export class FamilyDoctorTeamTypeormRepository extends FamilyDoctorTeamRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db() {
    return this.uow.manager();
  }

  async insert(team: FamilyDoctorTeam): Promise<void> {
    const snapshot = team.snapshot();
    await mapUniqueViolations(() => this.db.insert(FamilyDoctorTeamOrmEntity, teamToEntity(snapshot)), {
      family_doctor_team_institution_name_uq: () =>
        new WorkforceError(
          WorkforceErrorCode.DuplicateTeamName,
          'the institution already has a team of this name',
          'name',
        ),
    });
    await this.insertMembers(team);
  }

  async update(team: FamilyDoctorTeam, expectedVersion: number): Promise<void> {
    const snapshot = team.snapshot();
    const result = await this.db.update(
      FamilyDoctorTeamOrmEntity,
      { id: snapshot.id, version: expectedVersion },
      teamToEntity(snapshot),
    );
    if (result.affected !== 1) {
      throw new WorkforceError(
        WorkforceErrorCode.VersionConflict,
        'the team was changed by someone else; read it again',
      );
    }
    await this.db.delete(TeamMemberOrmEntity, { teamId: snapshot.id });
    await this.insertMembers(team);
  }

  async findById(id: string, forUpdate = false): Promise<FamilyDoctorTeam | null> {
    const entity = await this.db.findOne(FamilyDoctorTeamOrmEntity, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return entity ? this.toTeam(entity, await this.membersOf([entity.id])) : null;
  }

  async listByInstitution(institutionId: string): Promise<FamilyDoctorTeam[]> {
    const entities = await this.db.find(FamilyDoctorTeamOrmEntity, {
      where: { institutionId },
      order: { name: 'ASC' },
    });
    const members = await this.membersOf(entities.map((e) => e.id));
    return entities.map((entity) => this.toTeam(entity, members));
  }

  private async insertMembers(team: FamilyDoctorTeam): Promise<void> {
    const rows = teamMembersToEntities(team.snapshot());
    if (rows.length > 0) await this.db.insert(TeamMemberOrmEntity, rows);
  }

  private async membersOf(teamIds: string[]): Promise<TeamMemberOrmEntity[]> {
    if (teamIds.length === 0) return [];
    return this.db.find(TeamMemberOrmEntity, { where: { teamId: In(teamIds) }, order: { position: 'ASC' } });
  }

  private toTeam(entity: FamilyDoctorTeamOrmEntity, members: TeamMemberOrmEntity[]): FamilyDoctorTeam {
    return FamilyDoctorTeam.restore(
      teamFromEntity(
        entity,
        members.filter((m) => m.teamId === entity.id),
      ),
    );
  }
}
