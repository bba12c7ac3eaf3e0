import {
  CityRegistered,
  DepartmentRegistered,
  GridRegistered,
  InstitutionChanged,
  MedicalGroupChanged,
} from '../../generated/medgrid/registry/v1/organisation_events.pb';
import { defineEvent } from '../../event-contract';
import { TOPICS } from '../../topics';

/** An institution changed; the payload is its whole new state. */
export const InstitutionChangedEvent = defineEvent<InstitutionChanged>({
  type: 'medgrid.registry.v1.InstitutionChanged',
  schemaVersion: 1,
  topic: TOPICS.registryInstitution,
  codec: InstitutionChanged,
});

/** A medical group changed; the payload is its whole new state. */
export const MedicalGroupChangedEvent = defineEvent<MedicalGroupChanged>({
  type: 'medgrid.registry.v1.MedicalGroupChanged',
  schemaVersion: 1,
  topic: TOPICS.registryMedicalGroup,
  codec: MedicalGroupChanged,
});

/** A city was registered. */
export const CityRegisteredEvent = defineEvent<CityRegistered>({
  type: 'medgrid.registry.v1.CityRegistered',
  schemaVersion: 1,
  topic: TOPICS.registryGrid,
  codec: CityRegistered,
});

/** A grid was registered. */
export const GridRegisteredEvent = defineEvent<GridRegistered>({
  type: 'medgrid.registry.v1.GridRegistered',
  schemaVersion: 1,
  topic: TOPICS.registryGrid,
  codec: GridRegistered,
});

/** A department was registered. */
export const DepartmentRegisteredEvent = defineEvent<DepartmentRegistered>({
  type: 'medgrid.registry.v1.DepartmentRegistered',
  schemaVersion: 1,
  topic: TOPICS.registryDepartment,
  codec: DepartmentRegistered,
});
