import { type InstitutionSnapshot } from '../../domain/institution';
import { type InstitutionLevel, type InstitutionType } from '../../domain/institution-classification';
import { type InstitutionOrmEntity } from './institution.orm-entity';

// Every field is spelled out in both directions (no spreads), so a column added to the entity
// or a field added to the snapshot does not compile until it is mapped.

export function institutionToEntity(s: InstitutionSnapshot): InstitutionOrmEntity {
  return {
    id: s.id,
    creditCode: s.creditCode,
    name: s.name,
    level: s.level,
    type: s.type,
    gridId: s.gridId,
    address: s.address,
    groupId: s.groupId,
    version: s.version,
  };
}

export function institutionFromEntity(e: InstitutionOrmEntity): InstitutionSnapshot {
  return {
    id: e.id,
    creditCode: e.creditCode,
    name: e.name,
    // Only this repository writes these columns, from the domain's values.
    level: e.level as InstitutionLevel,
    type: e.type as InstitutionType,
    gridId: e.gridId,
    address: e.address,
    groupId: e.groupId,
    version: e.version,
  };
}
