import { createDataSource } from '@medgrid/database';
import { CreateMessagingTables1732300000000 } from '@medgrid/messaging';
import { type DataSource } from 'typeorm';
import {
  CityOrmEntity,
  ClientRequestOrmEntity,
  DepartmentOrmEntity,
  GridOrmEntity,
  GroupMembershipOrmEntity,
  InstitutionOrmEntity,
  MedicalGroupOrmEntity,
} from '../organisation/infrastructure/persistence/organisation.orm-entities';
import {
  FamilyDoctorTeamOrmEntity,
  PractitionerOrmEntity,
  TeamMemberOrmEntity,
} from '../workforce/infrastructure/persistence/workforce.orm-entities';
import { CreateOrganisationTables1732400000001 } from './migrations/1732400000001-create-organisation-tables';
import { CreateWorkforceTables1732400000002 } from './migrations/1732400000002-create-workforce-tables';

export const REGISTRY_ENTITIES = [
  CityOrmEntity,
  GridOrmEntity,
  InstitutionOrmEntity,
  MedicalGroupOrmEntity,
  GroupMembershipOrmEntity,
  DepartmentOrmEntity,
  ClientRequestOrmEntity,
  PractitionerOrmEntity,
  FamilyDoctorTeamOrmEntity,
  TeamMemberOrmEntity,
];
export const REGISTRY_MIGRATIONS = [
  CreateMessagingTables1732300000000,
  CreateOrganisationTables1732400000001,
  CreateWorkforceTables1732400000002,
];

export function registryDataSource(url: string, poolSize?: number): DataSource {
  return createDataSource({
    url,
    applicationName: 'registry',
    poolSize,
    entities: REGISTRY_ENTITIES,
    migrations: REGISTRY_MIGRATIONS,
  });
}
