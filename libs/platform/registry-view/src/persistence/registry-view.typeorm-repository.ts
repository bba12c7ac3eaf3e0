import { Injectable } from '@nestjs/common';
import { queryNamed, UnitOfWork } from '@medgrid/database';
import { In, type EntityTarget, type ObjectLiteral } from 'typeorm';
import {
  RegistryView,
  type KnownCity,
  type KnownContract,
  type KnownDepartment,
  type KnownGrid,
  type KnownGroup,
  type KnownInstitution,
  type KnownPractitioner,
  type KnownResident,
  type KnownTeam,
} from '../registry-view';
import { KnownCityOrmEntity } from './known-city.orm-entity';
import { KnownContractOrmEntity } from './known-contract.orm-entity';
import { KnownDepartmentOrmEntity } from './known-department.orm-entity';
import { KnownGridOrmEntity } from './known-grid.orm-entity';
import { KnownGroupOrmEntity } from './known-group.orm-entity';
import { KnownInstitutionOrmEntity } from './known-institution.orm-entity';
import { KnownPractitionerOrmEntity } from './known-practitioner.orm-entity';
import { KnownResidentOrmEntity } from './known-resident.orm-entity';
import { KnownTeamOrmEntity } from './known-team.orm-entity';
import {
  cityFromEntity,
  cityToEntity,
  contractToEntity,
  departmentFromEntity,
  departmentToEntity,
  groupFromEntity,
  groupToEntity,
  gridToEntity,
  institutionFromEntity,
  institutionToEntity,
  practitionerFromEntity,
  practitionerToEntity,
  residentToEntity,
  teamToEntity,
} from './registry-view.mapper';

/** The registry projection tables (known_*), through their entities. */
@Injectable()
export class RegistryViewTypeormRepository extends RegistryView {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  upsertInstitution(value: KnownInstitution): Promise<void> {
    return this.upsertNewer(KnownInstitutionOrmEntity, institutionToEntity(value));
  }

  upsertGroup(value: KnownGroup): Promise<void> {
    return this.upsertNewer(KnownGroupOrmEntity, groupToEntity(value));
  }

  upsertTeam(value: KnownTeam): Promise<void> {
    return this.upsertNewer(KnownTeamOrmEntity, teamToEntity(value));
  }

  upsertContract(value: KnownContract): Promise<void> {
    return this.upsertNewer(KnownContractOrmEntity, contractToEntity(value));
  }

  upsertResident(value: KnownResident): Promise<void> {
    return this.upsertNewer(KnownResidentOrmEntity, residentToEntity(value));
  }

  upsertPractitioner(value: KnownPractitioner): Promise<void> {
    return this.upsertNewer(KnownPractitionerOrmEntity, practitionerToEntity(value));
  }

  // Departments, grids and cities carry no version: the last event read wins.
  async upsertDepartment(value: KnownDepartment): Promise<void> {
    await this.uow.manager().upsert(KnownDepartmentOrmEntity, departmentToEntity(value), ['id']);
  }

  async upsertGrid(value: KnownGrid): Promise<void> {
    await this.uow.manager().upsert(KnownGridOrmEntity, gridToEntity(value), ['id']);
  }

  async upsertCity(value: KnownCity): Promise<void> {
    await this.uow.manager().upsert(KnownCityOrmEntity, cityToEntity(value), ['id']);
  }

  async institution(id: string): Promise<KnownInstitution | null> {
    const entity = await this.uow.manager().findOneBy(KnownInstitutionOrmEntity, { id });
    return entity ? institutionFromEntity(entity) : null;
  }

  async department(id: string): Promise<KnownDepartment | null> {
    const entity = await this.uow.manager().findOneBy(KnownDepartmentOrmEntity, { id });
    return entity ? departmentFromEntity(entity) : null;
  }

  async group(id: string): Promise<KnownGroup | null> {
    const entity = await this.uow.manager().findOneBy(KnownGroupOrmEntity, { id });
    return entity ? groupFromEntity(entity) : null;
  }

  async city(id: string): Promise<KnownCity | null> {
    const entity = await this.uow.manager().findOneBy(KnownCityOrmEntity, { id });
    return entity ? cityFromEntity(entity) : null;
  }

  async practitioner(id: string): Promise<KnownPractitioner | null> {
    const entity = await this.uow.manager().findOneBy(KnownPractitionerOrmEntity, { id });
    return entity ? practitionerFromEntity(entity) : null;
  }

  async practitionersAt(institutionId: string): Promise<KnownPractitioner[]> {
    const entities = await this.uow.manager().find(KnownPractitionerOrmEntity, {
      where: { homeInstitutionId: institutionId },
      order: { name: 'ASC', id: 'ASC' },
    });
    return entities.map(practitionerFromEntity);
  }

  async cityOfInstitution(institutionId: string): Promise<string | null> {
    const row = await this.uow
      .manager()
      .createQueryBuilder(KnownInstitutionOrmEntity, 'institution')
      .innerJoin(KnownGroupOrmEntity, 'medicalGroup', 'medicalGroup.id = institution.groupId')
      .innerJoin(KnownGridOrmEntity, 'grid', 'grid.id = medicalGroup.gridId')
      .select('grid.cityId', 'cityId')
      .where('institution.id = :institutionId', { institutionId })
      .getRawOne<{ cityId: string }>();
    return row?.cityId ?? null;
  }

  async standingOf(
    institutionId: string,
  ): Promise<{ belongsTo: string[]; collaboratesWith: string[] } | null> {
    // One statement over the jsonb member lists, which the entity API does not read into.
    // known_group is small (a city has a few dozen groups), so scanning its member lists is cheap.
    const [row] = await queryNamed<{
      known: boolean;
      institution_group: string | null;
      belongs_to: string[];
      collaborates_with: string[];
    }>(
      this.uow.manager(),
      `WITH listed AS (
         SELECT g.id::text AS group_id, m->>'role' AS role
           FROM known_group g CROSS JOIN LATERAL jsonb_array_elements(g.members) m
          WHERE m->>'institutionId' = :institutionId::text)
       SELECT EXISTS (SELECT 1 FROM known_institution WHERE id = :institutionId::uuid)
                OR EXISTS (SELECT 1 FROM listed) AS known,
              (SELECT group_id::text FROM known_institution WHERE id = :institutionId::uuid) AS institution_group,
              ARRAY(SELECT group_id FROM listed WHERE role IN ('lead', 'member')) AS belongs_to,
              ARRAY(SELECT group_id FROM listed WHERE role = 'collaborating') AS collaborates_with`,
      { institutionId },
    );
    if (!row?.known) return null;
    const belongsTo = new Set(row.belongs_to);
    if (row.institution_group) belongsTo.add(row.institution_group);
    return { belongsTo: [...belongsTo], collaboratesWith: row.collaborates_with };
  }

  async departmentsOf(institutionIds: readonly string[]): Promise<KnownDepartment[]> {
    if (institutionIds.length === 0) return [];
    const entities = await this.uow
      .manager()
      .findBy(KnownDepartmentOrmEntity, { institutionId: In([...institutionIds]) });
    return entities.map(departmentFromEntity);
  }

  isRegisteredResident(residentIdNumber: string): Promise<boolean> {
    return this.uow.manager().existsBy(KnownResidentOrmEntity, { residentIdNumber });
  }

  async contractedInstitutions(residentIdNumber: string, date: string): Promise<string[]> {
    const rows = await this.uow
      .manager()
      .createQueryBuilder(KnownContractOrmEntity, 'contract')
      .innerJoin(KnownTeamOrmEntity, 'team', 'team.id = contract.teamId')
      .select('team.institutionId', 'institutionId')
      .distinct(true)
      .where('contract.residentIdNumber = :residentIdNumber', { residentIdNumber })
      .andWhere('contract.status = :active', { active: 'active' satisfies KnownContract['status'] })
      .andWhere('contract.startDate <= :date AND :date <= contract.endDate', { date })
      .getRawMany<{ institutionId: string }>();
    return rows.map((row) => row.institutionId);
  }

  /**
   * Inserts the row, or overwrites the one kept only when this one carries a newer version, so
   * a replay from offset 0 or an out-of-order duplicate changes nothing (one statement: no race
   * between reading the kept version and writing).
   */
  private async upsertNewer<Entity extends ObjectLiteral & { version: string }>(
    target: EntityTarget<Entity>,
    entity: Entity,
  ): Promise<void> {
    const manager = this.uow.manager();
    const { tableName, columns } = manager.getRepository(target).metadata;
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(entity)
      .orUpdate(
        columns.filter((column) => !column.isPrimary).map((column) => column.databaseName),
        ['id'],
        { overwriteCondition: { where: `${tableName}.version < EXCLUDED.version` } },
      )
      .updateEntity(false)
      .execute();
  }
}
