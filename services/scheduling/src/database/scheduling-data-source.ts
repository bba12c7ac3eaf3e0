import { AuditLogOrmEntity, CreateAuditLog1732300000002 } from '@medgrid/audit';
import { createDataSource } from '@medgrid/database';
import { CreateMessagingTables1732300000000 } from '@medgrid/messaging';
import { RegistryViewCities1733300000001 } from '@medgrid/registry-view';
import { type DataSource } from 'typeorm';
import { CreateSlotHoldRequest1732300000001 } from './migrations/1732300000001-create-slot-hold-request';
import { CreateSchedulingTables1732500000001 } from './migrations/1732500000001-create-scheduling-tables';
import { SessionPlannedDate1732700000001 } from './migrations/1732700000001-session-planned-date';
import { AdmissionQueue1732700000002 } from './migrations/1732700000002-admission-queue';
import { CityReserveFloor1733300000002 } from './migrations/1733300000002-city-reserve-floor';
import { HoldReferringInstitution1733400000001 } from './migrations/1733400000001-hold-referring-institution';

/**
 * Scheduling's repositories speak SQL directly (seat claims must be exact
 * statements), so the only ORM entity is the shared audit log's.
 */
export const SCHEDULING_ENTITIES = [AuditLogOrmEntity];
export const SCHEDULING_MIGRATIONS = [
  CreateMessagingTables1732300000000,
  CreateSlotHoldRequest1732300000001,
  CreateAuditLog1732300000002,
  CreateSchedulingTables1732500000001,
  SessionPlannedDate1732700000001,
  AdmissionQueue1732700000002,
  RegistryViewCities1733300000001,
  CityReserveFloor1733300000002,
  HoldReferringInstitution1733400000001,
];

export function schedulingDataSource(url: string, poolSize?: number): DataSource {
  return createDataSource({
    url,
    applicationName: 'scheduling',
    poolSize,
    entities: SCHEDULING_ENTITIES,
    migrations: SCHEDULING_MIGRATIONS,
  });
}
