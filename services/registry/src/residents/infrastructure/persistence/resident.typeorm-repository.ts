import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { mapUniqueViolations } from '../../../shared/persistence/unique-violation';
import { RegistryError, RegistryErrorCode } from '../../../shared/registry-error';
import { Contract, type ContractStatus, type PopulationTag } from '../../domain/contract';
import { Resident } from '../../domain/resident';
import { type ResidentRepository } from '../../domain/resident.ports';
import { ContractOrmEntity, ResidentOrmEntity } from './resident.orm-entities';

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
