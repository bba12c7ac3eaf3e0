import { Injectable } from '@nestjs/common';
import { mapUniqueViolations, UnitOfWork } from '@medgrid/database';
import { In } from 'typeorm';
import { escapeLike, orderByNameAfter } from '../../../common/persistence/name-keyset';
import { type PractitionerSnapshot } from '../../domain/practitioner';
import { PractitionerRepository, type PractitionerSearch } from '../../domain/practitioner.repository';
import { WorkforceError, WorkforceErrorCode } from '../../domain/workforce-error';
import { practitionerFromEntity, practitionerToEntity } from './practitioner.mapper';
import { PractitionerOrmEntity } from './practitioner.orm-entity';

/** Practitioners in PostgreSQL; every method joins the current UnitOfWork transaction. */
@Injectable()
export class PractitionerTypeormRepository extends PractitionerRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db() {
    return this.uow.manager();
  }

  async insert(practitioner: PractitionerSnapshot): Promise<void> {
    await mapUniqueViolations(
      () => this.db.insert(PractitionerOrmEntity, practitionerToEntity(practitioner)),
      {
        practitioner_licence_number_uq: () =>
          new WorkforceError(
            WorkforceErrorCode.DuplicateLicenceNumber,
            'a practitioner with this licence number is registered',
            'licenceNumber',
          ),
      },
    );
  }

  async update(practitioner: PractitionerSnapshot, expectedVersion: number): Promise<void> {
    const result = await this.db.update(
      PractitionerOrmEntity,
      { id: practitioner.id, version: expectedVersion },
      practitionerToEntity(practitioner),
    );
    if (result.affected !== 1) {
      throw new WorkforceError(
        WorkforceErrorCode.VersionConflict,
        'the practitioner was changed by someone else; read it again',
      );
    }
  }

  async findById(id: string, forUpdate = false): Promise<PractitionerSnapshot | null> {
    const entity = await this.db.findOne(PractitionerOrmEntity, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return entity ? practitionerFromEntity(entity) : null;
  }

  async findByIds(ids: readonly string[]): Promise<PractitionerSnapshot[]> {
    if (ids.length === 0) return [];
    return (await this.db.findBy(PractitionerOrmEntity, { id: In([...ids]) })).map(practitionerFromEntity);
  }

  async search(search: PractitionerSearch): Promise<PractitionerSnapshot[]> {
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
    const entities = await orderByNameAfter(query, 'p', search.after, search.limit).getMany();
    return entities.map(practitionerFromEntity);
  }
}
