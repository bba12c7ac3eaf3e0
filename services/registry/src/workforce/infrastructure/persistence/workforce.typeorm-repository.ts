import { Injectable } from '@nestjs/common';
import { mapUniqueViolations, UnitOfWork } from '@medgrid/database';
import { In } from 'typeorm';
import { escapeLike, orderByNameAfter } from '../../../shared/persistence/name-keyset';
import { RegistryError, RegistryErrorCode } from '../../../shared/registry-error';
import { FamilyDoctorTeam, type TeamMemberRole } from '../../domain/family-doctor-team';
import { type PractitionerSnapshot, type PractitionerTitle } from '../../domain/practitioner';
import { type PractitionerSearch, type WorkforceRepository } from '../../domain/workforce.ports';
import { FamilyDoctorTeamOrmEntity } from './family-doctor-team.orm-entity';
import { PractitionerOrmEntity } from './practitioner.orm-entity';
import { TeamMemberOrmEntity } from './team-member.orm-entity';

/** Practitioners and teams in PostgreSQL; joins the current UnitOfWork transaction. */
@Injectable()
export class WorkforceTypeormRepository implements WorkforceRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private get db() {
    return this.uow.manager();
  }

  async insertPractitioner(practitioner: PractitionerSnapshot): Promise<void> {
    await mapUniqueViolations(() => this.db.insert(PractitionerOrmEntity, { ...practitioner }), {
      practitioner_licence_number_uq: () =>
        new RegistryError(
          RegistryErrorCode.DuplicateLicenceNumber,
          'a practitioner with this licence number is registered',
          'licenceNumber',
        ),
    });
  }

  async findPractitioner(id: string, forUpdate = false): Promise<PractitionerSnapshot | null> {
    const row = await this.db.findOne(PractitionerOrmEntity, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ? toPractitioner(row) : null;
  }

  async updatePractitioner(practitioner: PractitionerSnapshot, expectedVersion: number): Promise<void> {
    const result = await this.db.update(
      PractitionerOrmEntity,
      { id: practitioner.id, version: expectedVersion },
      { ...practitioner },
    );
    if (result.affected !== 1) {
      throw new RegistryError(
        RegistryErrorCode.VersionConflict,
        'the practitioner was changed by someone else; read it again',
      );
    }
  }

  async findPractitioners(ids: readonly string[]): Promise<PractitionerSnapshot[]> {
    if (ids.length === 0) return [];
    return (await this.db.findBy(PractitionerOrmEntity, { id: In([...ids]) })).map(toPractitioner);
  }

  async searchPractitioners(search: PractitionerSearch): Promise<PractitionerSnapshot[]> {
    const query = this.db.createQueryBuilder(PractitionerOrmEntity, 'p');
    if (search.nameContains)
      query.andWhere('p.name ILIKE :name', { name: `%${escapeLike(search.nameContains)}%` });
    if (search.institutionId) query.andWhere('p.home_institution_id = :inst', { inst: search.institutionId });
    if (search.specialtyCode) {
      query.andWhere('(p.specialty_code = :code OR p.specialty_code LIKE :prefix)', {
        code: search.specialtyCode,
        prefix: `${escapeLike(search.specialtyCode)}.%`,
      });
    }
    return (await orderByNameAfter(query, 'p', search.after, search.limit).getMany()).map(toPractitioner);
  }

  async insertTeam(team: FamilyDoctorTeam): Promise<void> {
    const { members: _members, ...row } = team.snapshot();
    await mapUniqueViolations(() => this.db.insert(FamilyDoctorTeamOrmEntity, row), {
      family_doctor_team_institution_name_uq: () =>
        new RegistryError(
          RegistryErrorCode.DuplicateTeamName,
          'the institution already has a team of this name',
          'name',
        ),
    });
    await this.insertMembers(team);
  }

  async updateTeam(team: FamilyDoctorTeam, expectedVersion: number): Promise<void> {
    const { members: _members, ...row } = team.snapshot();
    const result = await this.db.update(
      FamilyDoctorTeamOrmEntity,
      { id: row.id, version: expectedVersion },
      row,
    );
    if (result.affected !== 1) {
      throw new RegistryError(
        RegistryErrorCode.VersionConflict,
        'the team was changed by someone else; read it again',
      );
    }
    await this.db.delete(TeamMemberOrmEntity, { teamId: row.id });
    await this.insertMembers(team);
  }

  async findTeam(id: string, forUpdate = false): Promise<FamilyDoctorTeam | null> {
    const row = await this.db.findOne(FamilyDoctorTeamOrmEntity, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ? this.toTeam(row, await this.membersOf([row.id])) : null;
  }

  async listTeams(institutionId: string): Promise<FamilyDoctorTeam[]> {
    const rows = await this.db.find(FamilyDoctorTeamOrmEntity, {
      where: { institutionId },
      order: { name: 'ASC' },
    });
    const members = await this.membersOf(rows.map((r) => r.id));
    return rows.map((row) => this.toTeam(row, members));
  }

  private async insertMembers(team: FamilyDoctorTeam): Promise<void> {
    const { id, members } = team.snapshot();
    if (members.length === 0) return;
    await this.db.insert(
      TeamMemberOrmEntity,
      members.map((m, position) => ({
        teamId: id,
        practitionerId: m.practitionerId,
        role: m.role,
        position,
      })),
    );
  }

  private async membersOf(teamIds: string[]): Promise<TeamMemberOrmEntity[]> {
    if (teamIds.length === 0) return [];
    return this.db.find(TeamMemberOrmEntity, { where: { teamId: In(teamIds) }, order: { position: 'ASC' } });
  }

  private toTeam(row: FamilyDoctorTeamOrmEntity, members: TeamMemberOrmEntity[]): FamilyDoctorTeam {
    return FamilyDoctorTeam.restore({
      id: row.id,
      institutionId: row.institutionId,
      groupId: row.groupId,
      name: row.name,
      version: row.version,
      members: members
        .filter((m) => m.teamId === row.id)
        .map((m) => ({ practitionerId: m.practitionerId, role: m.role as TeamMemberRole })),
    });
  }
}

function toPractitioner(row: PractitionerOrmEntity): PractitionerSnapshot {
  return {
    id: row.id,
    licenceNumber: row.licenceNumber,
    name: row.name,
    title: row.title as PractitionerTitle,
    specialtyCode: row.specialtyCode,
    homeInstitutionId: row.homeInstitutionId,
    version: row.version,
  };
}
