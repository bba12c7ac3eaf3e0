import { Injectable } from '@nestjs/common';
import { mapUniqueViolations, UnitOfWork } from '@medgrid/database';
import { escapeLike, orderByNameAfter } from '../../../shared/persistence/name-keyset';
import { RegistryError, RegistryErrorCode } from '../../../shared/registry-error';
import { Contract, type ContractStatus, type PopulationTag } from '../../domain/contract';
import { Resident } from '../../domain/resident';
import { type ResidentRepository } from '../../domain/resident.ports';
import { ContractOrmEntity } from './contract.orm-entity';
import { ResidentOrmEntity } from './resident.orm-entity';

const alreadyContracted = () =>
  new RegistryError(
    RegistryErrorCode.AlreadyContracted,
    'the resident already has an active contract',
    'residentId',
  );

/** Residents and contracts in PostgreSQL; joins the current UnitOfWork transaction. */
@Injectable()
export class ResidentTypeormRepository implements ResidentRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private get db() {
    return this.uow.manager();
  }

  async insertResident(resident: Resident): Promise<void> {
    await mapUniqueViolations(() => this.db.insert(ResidentOrmEntity, { ...resident.snapshot() }), {
      resident_id_number_uq: () =>
        new RegistryError(
          RegistryErrorCode.DuplicateResident,
          'a resident with this ID number is registered',
          'residentIdNumber',
        ),
    });
  }

  async updateResident(resident: Resident, expectedVersion: number): Promise<void> {
    const row = resident.snapshot();
    const result = await this.db.update(ResidentOrmEntity, { id: row.id, version: expectedVersion }, row);
    if (result.affected !== 1) {
      throw new RegistryError(
        RegistryErrorCode.VersionConflict,
        'the resident was changed by someone else; read again',
        'expectedVersion',
      );
    }
  }

  async findResident(id: string, forUpdate = false): Promise<Resident | null> {
    const row = await this.db.findOne(ResidentOrmEntity, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ? toResident(row) : null;
  }

  async findResidentByIdNumber(residentIdNumber: string): Promise<Resident | null> {
    const row = await this.db.findOneBy(ResidentOrmEntity, { residentIdNumber });
    return row ? toResident(row) : null;
  }

  async searchResidents(search: {
    gridId: string;
    nameContains?: string;
    after?: { name: string; id: string };
    limit: number;
  }): Promise<Resident[]> {
    const query = this.db
      .createQueryBuilder(ResidentOrmEntity, 'r')
      .where('r.grid_id = :grid', { grid: search.gridId });
    if (search.nameContains)
      query.andWhere('r.name ILIKE :name', { name: `%${escapeLike(search.nameContains)}%` });
    return (await orderByNameAfter(query, 'r', search.after, search.limit).getMany()).map(toResident);
  }

  async insertContract(contract: Contract): Promise<void> {
    await mapUniqueViolations(() => this.db.insert(ContractOrmEntity, toRow(contract)), {
      contract_one_active_uq: alreadyContracted,
    });
  }

  async updateContract(contract: Contract, expectedVersion: number): Promise<void> {
    const row = toRow(contract);
    const result = await this.db.update(ContractOrmEntity, { id: row.id, version: expectedVersion }, row);
    if (result.affected !== 1) {
      throw new RegistryError(
        RegistryErrorCode.VersionConflict,
        'the contract was changed by someone else; read again',
      );
    }
  }

  async findContract(id: string, forUpdate = false): Promise<Contract | null> {
    const row = await this.db.findOne(ContractOrmEntity, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ? toContract(row) : null;
  }

  async findActiveContract(residentId: string, forUpdate = false): Promise<Contract | null> {
    const row = await this.db.findOne(ContractOrmEntity, {
      where: { residentId, status: 'active' },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ? toContract(row) : null;
  }
  async insertResidents(residents: readonly Resident[]): Promise<void> {
    if (residents.length === 0) return;
    const rows = residents.map((r) => r.snapshot());
    await mapUniqueViolations(
      () =>
        this.db.query(
          `INSERT INTO resident (id, resident_id_number, name, birth_date, sex, phone, grid_id, version)
           SELECT * FROM unnest($1::uuid[], $2::char(18)[], $3::text[], $4::date[], $5::text[], $6::text[], $7::uuid[], $8::int[])`,
          [
            rows.map((r) => r.id),
            rows.map((r) => r.residentIdNumber),
            rows.map((r) => r.name),
            rows.map((r) => r.birthDate),
            rows.map((r) => r.sex),
            rows.map((r) => r.phone),
            rows.map((r) => r.gridId),
            rows.map((r) => r.version),
          ],
        ),
      {
        resident_id_number_uq: () =>
          new RegistryError(
            RegistryErrorCode.DuplicateResident,
            'a resident with this ID number is registered',
            'residentIdNumber',
          ),
      },
    );
  }

  async insertContracts(contracts: readonly Contract[]): Promise<void> {
    if (contracts.length === 0) return;
    const rows = contracts.map((c) => c.snapshot());
    await mapUniqueViolations(
      () =>
        this.db.query(
          `INSERT INTO contract (id, resident_id, team_id, group_id, start_date, end_date, tags, status, ended_at, version)
           SELECT c.id, c.resident_id, c.team_id, c.group_id, c.start_date, c.end_date,
                  string_to_array(c.tags, ',')::text[], c.status, NULL, c.version
             FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::date[], $6::date[], $7::text[], $8::text[], $9::int[])
               AS c(id, resident_id, team_id, group_id, start_date, end_date, tags, status, version)`,
          [
            rows.map((r) => r.id),
            rows.map((r) => r.residentId),
            rows.map((r) => r.teamId),
            rows.map((r) => r.groupId),
            rows.map((r) => r.startDate),
            rows.map((r) => r.endDate),
            // text[][] cannot be ragged, so each contract's tags travel as one joined string.
            rows.map((r) => r.tags.join(',')),
            rows.map((r) => r.status),
            rows.map((r) => r.version),
          ],
        ),
      { contract_one_active_uq: alreadyContracted },
    );
  }

  async existingIdNumbers(residentIdNumbers: readonly string[]): Promise<Set<string>> {
    if (residentIdNumbers.length === 0) return new Set();
    const rows = await this.db.query<{ resident_id_number: string }[]>(
      `SELECT resident_id_number FROM resident WHERE resident_id_number = ANY($1::char(18)[])`,
      [residentIdNumbers],
    );
    return new Set(rows.map((r) => r.resident_id_number));
  }
}

function toResident(row: ResidentOrmEntity): Resident {
  return Resident.restore({ ...row, sex: row.sex as 'male' | 'female' });
}

function toRow(contract: Contract): ContractOrmEntity {
  const snapshot = contract.snapshot();
  return Object.assign(new ContractOrmEntity(), { ...snapshot, tags: [...snapshot.tags] });
}

function toContract(row: ContractOrmEntity): Contract {
  return Contract.restore({
    id: row.id,
    residentId: row.residentId,
    teamId: row.teamId,
    groupId: row.groupId,
    startDate: row.startDate,
    endDate: row.endDate,
    tags: row.tags as PopulationTag[],
    status: row.status as ContractStatus,
    endedAt: row.endedAt,
    version: row.version,
  });
}
