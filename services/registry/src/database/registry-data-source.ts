import {
  AuditLogAppendOnly1767300000001,
  AuditLogOrmEntity,
  CreateAuditLog1732300000002,
} from '@medgrid/audit';
import { createDataSource } from '@medgrid/database';
import { ClientRequestOrmEntity, CreateClientRequestLog1733500000001 } from '@medgrid/idempotency';
import { CreateMessagingTables1732300000000, InboxOrmEntity, OutboxOrmEntity } from '@medgrid/messaging';
import { type DataSource } from 'typeorm';
import { CsvImportOrmEntity } from '../imports/infrastructure/persistence/csv-import.orm-entity';
import { CityOrmEntity } from '../organisation/infrastructure/persistence/city.orm-entity';
import { DepartmentOrmEntity } from '../organisation/infrastructure/persistence/department.orm-entity';
import { GridOrmEntity } from '../organisation/infrastructure/persistence/grid.orm-entity';
import { GroupMembershipOrmEntity } from '../organisation/infrastructure/persistence/group-membership.orm-entity';
import { InstitutionOrmEntity } from '../organisation/infrastructure/persistence/institution.orm-entity';
import { MedicalGroupOrmEntity } from '../organisation/infrastructure/persistence/medical-group.orm-entity';
import { FamilyDoctorTeamOrmEntity } from '../workforce/infrastructure/persistence/family-doctor-team.orm-entity';
import { PractitionerOrmEntity } from '../workforce/infrastructure/persistence/practitioner.orm-entity';
import { TeamMemberOrmEntity } from '../workforce/infrastructure/persistence/team-member.orm-entity';
import { CreateOrganisationTables1732400000001 } from './migrations/1732400000001-create-organisation-tables';
import { CreateWorkforceTables1732400000002 } from './migrations/1732400000002-create-workforce-tables';
import { CreateResidentTables1732400000003 } from './migrations/1732400000003-create-resident-tables';
import { CreateCsvImportTable1733900000001 } from './migrations/1733900000001-create-csv-import-table';
import { ContractOrmEntity } from '../residents/infrastructure/persistence/contract.orm-entity';
import { ResidentOrmEntity } from '../residents/infrastructure/persistence/resident.orm-entity';

export const REGISTRY_ENTITIES = [
  OutboxOrmEntity,
  InboxOrmEntity,
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
  CsvImportOrmEntity,
  AuditLogOrmEntity,
];
export const REGISTRY_MIGRATIONS = [
  CreateMessagingTables1732300000000,
  CreateOrganisationTables1732400000001,
  CreateWorkforceTables1732400000002,
  CreateAuditLog1732300000002,
  CreateResidentTables1732400000003,
  CreateClientRequestLog1733500000001,
  CreateCsvImportTable1733900000001,
  AuditLogAppendOnly1767300000001,
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
