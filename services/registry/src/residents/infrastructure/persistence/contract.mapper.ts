import { type ContractSnapshot, type ContractStatus, type PopulationTag } from '../../domain/contract';
import { type ContractOrmEntity } from './contract.orm-entity';

// Every field is spelled out in both directions (no spreads), so a column added to the entity
// or a field added to the snapshot does not compile until it is mapped.

export function contractToEntity(s: ContractSnapshot): ContractOrmEntity {
  return {
    id: s.id,
    residentId: s.residentId,
    teamId: s.teamId,
    groupId: s.groupId,
    startDate: s.startDate,
    endDate: s.endDate,
    tags: [...s.tags],
    status: s.status,
    endedAt: s.endedAt,
    version: s.version,
  };
}

export function contractFromEntity(e: ContractOrmEntity): ContractSnapshot {
  return {
    id: e.id,
    residentId: e.residentId,
    teamId: e.teamId,
    groupId: e.groupId,
    startDate: e.startDate,
    endDate: e.endDate,
    // Only this repository writes these columns, from the domain's values.
    tags: e.tags as PopulationTag[],
    status: e.status as ContractStatus,
    endedAt: e.endedAt,
    version: e.version,
  };
}
