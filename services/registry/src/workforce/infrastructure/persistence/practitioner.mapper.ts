import { type PractitionerSnapshot, type PractitionerTitle } from '../../domain/practitioner';
import { type PractitionerOrmEntity } from './practitioner.orm-entity';

// Every field is spelled out in both directions (no spreads), so a column added to the entity
// or a field added to the snapshot does not compile until it is mapped.

export function practitionerToEntity(s: PractitionerSnapshot): PractitionerOrmEntity {
  return {
    id: s.id,
    licenceNumber: s.licenceNumber,
    name: s.name,
    title: s.title,
    specialtyCode: s.specialtyCode,
    homeInstitutionId: s.homeInstitutionId,
    version: s.version,
  };
}

export function practitionerFromEntity(e: PractitionerOrmEntity): PractitionerSnapshot {
  return {
    id: e.id,
    licenceNumber: e.licenceNumber,
    name: e.name,
    // Only this repository writes the column, from the domain's values.
    title: e.title as PractitionerTitle,
    specialtyCode: e.specialtyCode,
    homeInstitutionId: e.homeInstitutionId,
    version: e.version,
  };
}
