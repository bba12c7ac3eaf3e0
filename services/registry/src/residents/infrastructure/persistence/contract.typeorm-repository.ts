import { Injectable } from '@nestjs/common';
import { mapUniqueViolations, queryNamed, UnitOfWork } from '@medgrid/database';
import { Contract } from '../../domain/contract';
import { ContractRepository } from '../../domain/contract.repository';
import { ResidentError, ResidentErrorCode } from '../../domain/resident-error';
import { contractFromEntity, contractToEntity } from './contract.mapper';
import { ContractOrmEntity } from './contract.orm-entity';

const alreadyContracted = () =>
  new ResidentError(
    ResidentErrorCode.AlreadyContracted,
    'the resident already has an active contract',
    'residentId',
  );

const toContract = (entity: ContractOrmEntity) => Contract.restore(contractFromEntity(entity));

/** Family-doctor contracts in PostgreSQL; every method joins the current UnitOfWork transaction. */
@Injectable()
export class ContractTypeormRepository extends ContractRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db() {
    return this.uow.manager();
  }

  async insert(contract: Contract): Promise<void> {
    await mapUniqueViolations(
      () => this.db.insert(ContractOrmEntity, contractToEntity(contract.snapshot())),
      {
        contract_one_active_uq: alreadyContracted,
      },
    );
  }

  /** One statement for the whole batch: an import of many thousand rows stays one round trip. */
  async insertMany(contracts: readonly Contract[]): Promise<void> {
    if (contracts.length === 0) return;
    const rows = contracts.map((c) => contractToEntity(c.snapshot()));
    await mapUniqueViolations(
      () =>
        queryNamed(
          this.db,
          `INSERT INTO contract (id, resident_id, team_id, group_id, start_date, end_date, tags, status, ended_at, version)
           SELECT c.id, c.resident_id, c.team_id, c.group_id, c.start_date, c.end_date,
                  string_to_array(c.tags, ',')::text[], c.status, c.ended_at, c.version
             FROM unnest(:ids::uuid[], :residentIds::uuid[], :teamIds::uuid[], :groupIds::uuid[],
                         :startDates::date[], :endDates::date[], :tags::text[], :statuses::text[],
                         :endedAts::timestamptz[], :versions::int[])
               AS c(id, resident_id, team_id, group_id, start_date, end_date, tags, status, ended_at, version)`,
          {
            ids: rows.map((r) => r.id),
            residentIds: rows.map((r) => r.residentId),
            teamIds: rows.map((r) => r.teamId),
            groupIds: rows.map((r) => r.groupId),
            startDates: rows.map((r) => r.startDate),
            endDates: rows.map((r) => r.endDate),
            // text[][] cannot be ragged, so each contract's tags travel as one joined string.
            tags: rows.map((r) => r.tags.join(',')),
            statuses: rows.map((r) => r.status),
            endedAts: rows.map((r) => r.endedAt),
            versions: rows.map((r) => r.version),
          },
        ),
      { contract_one_active_uq: alreadyContracted },
    );
  }

  async update(contract: Contract, expectedVersion: number): Promise<void> {
    const entity = contractToEntity(contract.snapshot());
    const result = await this.db.update(
      ContractOrmEntity,
      { id: entity.id, version: expectedVersion },
      entity,
    );
    if (result.affected !== 1) {
      throw new ResidentError(
        ResidentErrorCode.VersionConflict,
        'the contract was changed by someone else; read again',
      );
    }
  }

  async findById(id: string, forUpdate = false): Promise<Contract | null> {
    const entity = await this.db.findOne(ContractOrmEntity, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return entity ? toContract(entity) : null;
  }

  async findActive(residentId: string, forUpdate = false): Promise<Contract | null> {
    const entity = await this.db.findOne(ContractOrmEntity, {
      where: { residentId, status: 'active' },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return entity ? toContract(entity) : null;
  }
}
