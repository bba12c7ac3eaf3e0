import { Injectable } from '@nestjs/common';
import { type InstitutionStanding } from '@medgrid/auth';
import { mapUniqueViolations, UnitOfWork } from '@medgrid/database';
import { In } from 'typeorm';
import { escapeLike, orderByNameAfter } from '../../../common/persistence/name-keyset';
import { Institution } from '../../domain/institution';
import { InstitutionRepository, type InstitutionSearch } from '../../domain/institution.repository';
import { OrganisationError, OrganisationErrorCode } from '../../domain/organisation-error';
import { GroupMembershipOrmEntity } from './group-membership.orm-entity';
import { institutionFromEntity, institutionToEntity } from './institution.mapper';
import { InstitutionOrmEntity } from './institution.orm-entity';

const toInstitution = (entity: InstitutionOrmEntity) => Institution.restore(institutionFromEntity(entity));

/** Institutions in PostgreSQL; every method joins the current UnitOfWork transaction. */
@Injectable()
export class InstitutionTypeormRepository extends InstitutionRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db() {
    return this.uow.manager();
  }

  async insert(institution: Institution): Promise<void> {
    await mapUniqueViolations(
      () => this.db.insert(InstitutionOrmEntity, institutionToEntity(institution.snapshot())),
      {
        institution_credit_code_uq: () =>
          new OrganisationError(
            OrganisationErrorCode.DuplicateCreditCode,
            'an institution with this unified social credit code exists',
            'creditCode',
          ),
      },
    );
  }

  async update(institution: Institution, expectedVersion: number): Promise<void> {
    const entity = institutionToEntity(institution.snapshot());
    const result = await this.db.update(
      InstitutionOrmEntity,
      { id: entity.id, version: expectedVersion },
      entity,
    );
    if (result.affected !== 1) {
      throw new OrganisationError(
        OrganisationErrorCode.VersionConflict,
        'the institution was changed by someone else; read it again',
      );
    }
  }

  async findById(id: string, forUpdate = false): Promise<Institution | null> {
    const entity = await this.db.findOne(InstitutionOrmEntity, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return entity ? toInstitution(entity) : null;
  }

  async findByIds(ids: readonly string[]): Promise<Institution[]> {
    if (ids.length === 0) return [];
    const entities = await this.db.findBy(InstitutionOrmEntity, { id: In([...ids]) });
    return entities.map(toInstitution);
  }

  async findStanding(institutionId: string): Promise<InstitutionStanding | null> {
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

  async search(search: InstitutionSearch): Promise<Institution[]> {
    const query = this.db.createQueryBuilder(InstitutionOrmEntity, 'i');
    if (search.nameContains)
      query.andWhere('i.name ILIKE :name', { name: `%${escapeLike(search.nameContains)}%` });
    if (search.creditCode) query.andWhere('i.credit_code = :code', { code: search.creditCode });
    if (search.gridId) query.andWhere('i.grid_id = :grid', { grid: search.gridId });
    if (search.groupId) query.andWhere('i.group_id = :group', { group: search.groupId });
    if (search.level) query.andWhere('i.level = :level', { level: search.level });
    if (search.type) query.andWhere('i.type = :type', { type: search.type });
    const entities = await orderByNameAfter(query, 'i', search.after, search.limit).getMany();
    return entities.map(toInstitution);
  }
}
