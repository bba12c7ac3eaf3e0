import { AuditLogOrmEntity, CreateAuditLog1732300000002 } from '@medgrid/audit';
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
import { CreateResidentTables1732400000003 } from './migrations/1732400000003-create-resident-tables';
import {
  ContractOrmEntity,
  ResidentOrmEntity,
} from '../residents/infrastructure/persistence/resident.orm-entities';

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
  ResidentOrmEntity,
  ContractOrmEntity,
  AuditLogOrmEntity,
];
export const REGISTRY_MIGRATIONS = [
  CreateMessagingTables1732300000000,
  CreateOrganisationTables1732400000001,
  CreateWorkforceTables1732400000002,
  CreateAuditLog1732300000002,
  CreateResidentTables1732400000003,
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
