import { Injectable } from '@nestjs/common';
import { mapUniqueViolations, UnitOfWork } from '@medgrid/database';
import { In } from 'typeorm';
import { escapeLike, orderByNameAfter } from '../../../shared/persistence/name-keyset';
import { type City, type Department, type Grid } from '../../domain/geography';
import { Institution } from '../../domain/institution';
import { type InstitutionLevel, type InstitutionType } from '../../domain/institution-classification';
import { MedicalGroup, type MembershipRole } from '../../domain/medical-group';
import { type InstitutionSearch, type OrganisationRepository } from '../../domain/organisation.ports';
import { RegistryError, RegistryErrorCode } from '../../../shared/registry-error';
import { CityOrmEntity } from './city.orm-entity';
import { DepartmentOrmEntity } from './department.orm-entity';
import { GridOrmEntity } from './grid.orm-entity';
import { GroupMembershipOrmEntity } from './group-membership.orm-entity';
import { InstitutionOrmEntity } from './institution.orm-entity';
import { MedicalGroupOrmEntity } from './medical-group.orm-entity';

const conflict = (what: string) => () =>
  new RegistryError(RegistryErrorCode.VersionConflict, `${what} was changed by someone else; read it again`);

/** The organisation tables; every method joins the current UnitOfWork transaction. */
@Injectable()
export class OrganisationTypeormRepository implements OrganisationRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private get db() {
    return this.uow.manager();
  }

  async insertCity(city: City): Promise<void> {
    await mapUniqueViolations(() => this.db.insert(CityOrmEntity, { ...city }), {
      city_division_code_uq: () =>
        new RegistryError(
          RegistryErrorCode.DuplicateDivisionCode,
          'a city with this division code exists',
          'divisionCode',
        ),
    });
  }

  findCity(id: string): Promise<City | null> {
    return this.db.findOneBy(CityOrmEntity, { id });
  }

  async insertGrid(grid: Grid): Promise<void> {
    await mapUniqueViolations(() => this.db.insert(GridOrmEntity, { ...grid }), {
      grid_city_code_uq: () =>
        new RegistryError(
          RegistryErrorCode.DuplicateGridCode,
          'the city already has a grid with this code',
          'code',
        ),
    });
  }

  findGrid(id: string): Promise<Grid | null> {
    return this.db.findOneBy(GridOrmEntity, { id });
  }

  listGrids(cityId: string): Promise<Grid[]> {
    return this.db.find(GridOrmEntity, { where: { cityId }, order: { code: 'ASC' } });
  }

  async insertInstitution(institution: Institution): Promise<void> {
    await mapUniqueViolations(() => this.db.insert(InstitutionOrmEntity, { ...institution.snapshot() }), {
      institution_credit_code_uq: () =>
        new RegistryError(
          RegistryErrorCode.DuplicateCreditCode,
          'an institution with this unified social credit code exists',
          'creditCode',
        ),
    });
  }

  async updateInstitution(institution: Institution, expectedVersion: number): Promise<void> {
    const result = await this.db.update(
      InstitutionOrmEntity,
      { id: institution.snapshot().id, version: expectedVersion },
      { ...institution.snapshot() },
    );
    if (result.affected !== 1) throw conflict('the institution')();
  }

  async findInstitution(id: string, forUpdate = false): Promise<Institution | null> {
    const row = await this.db.findOne(InstitutionOrmEntity, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ? toInstitution(row) : null;
  }

  async findInstitutions(ids: readonly string[]): Promise<Institution[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.findBy(InstitutionOrmEntity, { id: In([...ids]) });
    return rows.map(toInstitution);
  }

  async findStanding(
    institutionId: string,
  ): Promise<{ belongsTo: string[]; collaboratesWith: string[] } | null> {
    const institution = await this.db.findOne(InstitutionOrmEntity, {
      where: { id: institutionId },
      select: { id: true, groupId: true },
    });
    if (!institution) return null;
    const collaborations = await this.db.find(GroupMembershipOrmEntity, {
      where: { institutionId, role: 'collaborating' },
      select: { groupId: true },
    });
    return {
      belongsTo: institution.groupId ? [institution.groupId] : [],
      collaboratesWith: collaborations.map((c) => c.groupId),
    };
  }

  async searchInstitutions(search: InstitutionSearch): Promise<Institution[]> {
    const query = this.db.createQueryBuilder(InstitutionOrmEntity, 'i');
    if (search.nameContains)
      query.andWhere('i.name ILIKE :name', { name: `%${escapeLike(search.nameContains)}%` });
    if (search.creditCode) query.andWhere('i.credit_code = :code', { code: search.creditCode });
    if (search.gridId) query.andWhere('i.grid_id = :grid', { grid: search.gridId });
    if (search.groupId) query.andWhere('i.group_id = :group', { group: search.groupId });
    if (search.level) query.andWhere('i.level = :level', { level: search.level });
    if (search.type) query.andWhere('i.type = :type', { type: search.type });
    const rows = await orderByNameAfter(query, 'i', search.after, search.limit).getMany();
    return rows.map(toInstitution);
  }

  async insertGroup(group: MedicalGroup): Promise<void> {
    const { memberships, ...row } = group.snapshot();
    await mapUniqueViolations(() => this.db.insert(MedicalGroupOrmEntity, row), {
      medical_group_grid_uq: () =>
        new RegistryError(
          RegistryErrorCode.GridAlreadyHasGroup,
          'each grid has exactly one medical group',
          'gridId',
        ),
    });
    if (memberships.length)
      await this.db.insert(
        GroupMembershipOrmEntity,
        memberships.map((m) => ({ ...m, groupId: row.id })),
      );
  }

  async updateGroup(group: MedicalGroup, expectedVersion: number): Promise<void> {
    const { memberships, ...row } = group.snapshot();
    const result = await this.db.update(MedicalGroupOrmEntity, { id: row.id, version: expectedVersion }, row);
    if (result.affected !== 1) throw conflict('the medical group')();
    await this.db.delete(GroupMembershipOrmEntity, { groupId: row.id });
    if (memberships.length === 0) return;
    await mapUniqueViolations(
      () =>
        this.db.insert(
          GroupMembershipOrmEntity,
          memberships.map((m) => ({ ...m, groupId: row.id })),
        ),
      {
        group_membership_one_group_uq: () =>
          new RegistryError(
            RegistryErrorCode.AlreadyInAnotherGroup,
            'an institution can be a member of at most one medical group',
            'institutionId',
          ),
        group_membership_one_lead_uq: () =>
          new RegistryError(
            RegistryErrorCode.SecondLeadHospital,
            'a medical group has exactly one lead hospital',
            'role',
          ),
      },
    );
  }

  async findGroup(id: string, forUpdate = false): Promise<MedicalGroup | null> {
    const row = await this.db.findOne(MedicalGroupOrmEntity, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!row) return null;
    const memberships = await this.db.find(GroupMembershipOrmEntity, {
      where: { groupId: id },
      order: { joinedAt: 'ASC', institutionId: 'ASC' },
    });
    return MedicalGroup.restore({
      id: row.id,
      gridId: row.gridId,
      name: row.name,
      version: row.version,
      memberships: memberships.map((m) => ({
        institutionId: m.institutionId,
        role: m.role as MembershipRole,
        joinedAt: m.joinedAt,
      })),
    });
  }

  async findGroupIdByGrid(gridId: string): Promise<string | null> {
    const row = await this.db.findOne(MedicalGroupOrmEntity, { where: { gridId }, select: { id: true } });
    return row?.id ?? null;
  }

  async insertDepartment(department: Department): Promise<void> {
    await mapUniqueViolations(() => this.db.insert(DepartmentOrmEntity, { ...department }), {
      department_institution_name_uq: () =>
        new RegistryError(
          RegistryErrorCode.DuplicateDepartment,
          'the institution already has a department of this name',
          'name',
        ),
    });
  }

  listDepartments(institutionId: string): Promise<Department[]> {
    return this.db.find(DepartmentOrmEntity, {
      where: { institutionId },
      order: { specialtyCode: 'ASC', name: 'ASC' },
    });
  }
}

function toInstitution(row: InstitutionOrmEntity): Institution {
  return Institution.restore({
    id: row.id,
    creditCode: row.creditCode,
    name: row.name,
    level: row.level as InstitutionLevel,
    type: row.type as InstitutionType,
    gridId: row.gridId,
    address: row.address,
    groupId: row.groupId,
    version: row.version,
  });
}
