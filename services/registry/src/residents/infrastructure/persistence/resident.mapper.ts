import { type ResidentSnapshot } from '../../domain/resident';
import { type ResidentOrmEntity } from './resident.orm-entity';

// Every field is spelled out in both directions (no spreads), so a column added to the entity
// or a field added to the snapshot does not compile until it is mapped.

export function residentToEntity(s: ResidentSnapshot): ResidentOrmEntity {
  return {
    id: s.id,
    residentIdNumber: s.residentIdNumber,
    name: s.name,
    birthDate: s.birthDate,
    sex: s.sex,
    phone: s.phone,
    gridId: s.gridId,
    version: s.version,
  };
}

export function residentFromEntity(e: ResidentOrmEntity): ResidentSnapshot {
  return {
    id: e.id,
    residentIdNumber: e.residentIdNumber,
    name: e.name,
    birthDate: e.birthDate,
    // Only this repository writes the column, from the domain's values.
    sex: e.sex as ResidentSnapshot['sex'],
    phone: e.phone,
    gridId: e.gridId,
    version: e.version,
  };
}
