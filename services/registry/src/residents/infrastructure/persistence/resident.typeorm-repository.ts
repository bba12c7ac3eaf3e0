import { Injectable } from '@nestjs/common';
import { mapUniqueViolations, queryNamed, UnitOfWork } from '@medgrid/database';
import { escapeLike, orderByNameAfter } from '../../../common/persistence/name-keyset';
import { Resident } from '../../domain/resident';
import { ResidentError, ResidentErrorCode } from '../../domain/resident-error';
import { ResidentRepository, type ResidentSearch } from '../../domain/resident.repository';
import { residentFromEntity, residentToEntity } from './resident.mapper';
import { ResidentOrmEntity } from './resident.orm-entity';

const duplicateResident = () =>
  new ResidentError(
    ResidentErrorCode.DuplicateResident,
    'a resident with this ID number is registered',
    'residentIdNumber',
  );

const toResident = (entity: ResidentOrmEntity) => Resident.restore(residentFromEntity(entity));

/** Residents in PostgreSQL; every method joins the current UnitOfWork transaction. */
@Injectable()
export class ResidentTypeormRepository extends ResidentRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db() {
    return this.uow.manager();
  }

  async insert(resident: Resident): Promise<void> {
    await mapUniqueViolations(
      () => this.db.insert(ResidentOrmEntity, residentToEntity(resident.snapshot())),
      {
        resident_id_number_uq: duplicateResident,
      },
    );
  }

  /** One statement for the whole batch: an import of many thousand rows stays one round trip. */
  async insertMany(residents: readonly Resident[]): Promise<void> {
    if (residents.length === 0) return;
    const rows = residents.map((r) => residentToEntity(r.snapshot()));
    await mapUniqueViolations(
      () =>
        queryNamed(
          this.db,
          `INSERT INTO resident (id, resident_id_number, name, birth_date, sex, phone, grid_id, version)
           SELECT * FROM unnest(:ids::uuid[], :idNumbers::char(18)[], :names::text[], :birthDates::date[],
                                :sexes::text[], :phones::text[], :gridIds::uuid[], :versions::int[])`,
          {
            ids: rows.map((r) => r.id),
            idNumbers: rows.map((r) => r.residentIdNumber),
            names: rows.map((r) => r.name),
            birthDates: rows.map((r) => r.birthDate),
            sexes: rows.map((r) => r.sex),
            phones: rows.map((r) => r.phone),
            gridIds: rows.map((r) => r.gridId),
            versions: rows.map((r) => r.version),
          },
        ),
      { resident_id_number_uq: duplicateResident },
    );
  }

  async update(resident: Resident, expectedVersion: number): Promise<void> {
    const entity = residentToEntity(resident.snapshot());
    const result = await this.db.update(
      ResidentOrmEntity,
      { id: entity.id, version: expectedVersion },
      entity,
    );
    if (result.affected !== 1) {
      throw new ResidentError(
        ResidentErrorCode.VersionConflict,
        'the resident was changed by someone else; read again',
        'expectedVersion',
      );
    }
  }

  async findById(id: string, forUpdate = false): Promise<Resident | null> {
    const entity = await this.db.findOne(ResidentOrmEntity, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return entity ? toResident(entity) : null;
  }

  async findByIdNumber(residentIdNumber: string): Promise<Resident | null> {
    const entity = await this.db.findOneBy(ResidentOrmEntity, { residentIdNumber });
    return entity ? toResident(entity) : null;
  }

  async search(search: ResidentSearch): Promise<Resident[]> {
    const query = this.db
      .createQueryBuilder(ResidentOrmEntity, 'r')
      .where('r.grid_id = :grid', { grid: search.gridId });
    if (search.nameContains)
      query.andWhere('r.name ILIKE :name', { name: `%${escapeLike(search.nameContains)}%` });
    return (await orderByNameAfter(query, 'r', search.after, search.limit).getMany()).map(toResident);
  }

  async existingIdNumbers(residentIdNumbers: readonly string[]): Promise<Set<string>> {
    if (residentIdNumbers.length === 0) return new Set();
    // One array parameter, however many numbers an import brings (a list has at most 65535).
    const rows = await queryNamed<{ resident_id_number: string }>(
      this.db,
      `SELECT resident_id_number FROM resident WHERE resident_id_number = ANY(:idNumbers::char(18)[])`,
      { idNumbers: [...residentIdNumbers] },
    );
    return new Set(rows.map((r) => r.resident_id_number));
  }
}
