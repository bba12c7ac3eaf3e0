import {
  AuditLogAppendOnly1767300000001,
  AuditLogOrmEntity,
  CreateAuditLog1732300000002,
} from '@medgrid/audit';
import { createDataSource } from '@medgrid/database';
import { ClientRequestOrmEntity, CreateClientRequestLog1733500000001 } from '@medgrid/idempotency';
import { CreateMessagingTables1732300000000, InboxOrmEntity, OutboxOrmEntity } from '@medgrid/messaging';
import {
  CreateRegistryViewTables1732600000000,
  REGISTRY_VIEW_ENTITIES,
  RegistryViewCities1733300000001,
  RegistryViewPractitioners1734100000001,
} from '@medgrid/registry-view';
import { type DataSource } from 'typeorm';
import { AdmissionOrmEntity } from '../beds/infrastructure/persistence/admission.orm-entity';
import { BedOrmEntity } from '../beds/infrastructure/persistence/bed.orm-entity';
import { WardOrmEntity } from '../beds/infrastructure/persistence/ward.orm-entity';
import { BookingOrmEntity } from '../booking/infrastructure/persistence/booking.orm-entity';
import { WaitlistEntryOrmEntity } from '../booking/infrastructure/persistence/waitlist-entry.orm-entity';
import { CityReserveFloorOrmEntity } from '../capacity/infrastructure/persistence/city-reserve-floor.orm-entity';
import { ReservePolicyOrmEntity } from '../capacity/infrastructure/persistence/reserve-policy.orm-entity';
import { SlotHoldRequestOrmEntity } from '../holds/infrastructure/persistence/slot-hold-request.orm-entity';
import { ClinicSessionOrmEntity } from '../schedules/infrastructure/persistence/clinic-session.orm-entity';
import { ScheduleTemplateOrmEntity } from '../schedules/infrastructure/persistence/schedule-template.orm-entity';
import { SeatOrmEntity } from '../schedules/infrastructure/persistence/seat.orm-entity';
import { CreateSlotHoldRequest1732300000001 } from './migrations/1732300000001-create-slot-hold-request';
import { CreateSchedulingTables1732500000001 } from './migrations/1732500000001-create-scheduling-tables';
import { SessionPlannedDate1732700000001 } from './migrations/1732700000001-session-planned-date';
import { AdmissionQueue1732700000002 } from './migrations/1732700000002-admission-queue';
import { CityReserveFloor1733300000002 } from './migrations/1733300000002-city-reserve-floor';
import { HoldReferringInstitution1733400000001 } from './migrations/1733400000001-hold-referring-institution';
import { ClientRequestsOfClaims1733500000003 } from './migrations/1733500000003-client-requests-of-claims';

/**
 * Every table of scheduling has an entity here, so `migrate check` compares each with the
 * migrations: scheduling's own, and those of the libraries whose migrations are listed (the outbox
 * and inbox, the audit log, the client request log and the registry projections).
 */
export const SCHEDULING_ENTITIES = [
  OutboxOrmEntity,
  InboxOrmEntity,
  ...REGISTRY_VIEW_ENTITIES,
  AuditLogOrmEntity,
  ClientRequestOrmEntity,
  ReservePolicyOrmEntity,
  CityReserveFloorOrmEntity,
  ScheduleTemplateOrmEntity,
  ClinicSessionOrmEntity,
  SeatOrmEntity,
  BookingOrmEntity,
  WaitlistEntryOrmEntity,
  WardOrmEntity,
  BedOrmEntity,
  AdmissionOrmEntity,
  SlotHoldRequestOrmEntity,
];
export const SCHEDULING_MIGRATIONS = [
  CreateMessagingTables1732300000000,
  CreateSlotHoldRequest1732300000001,
  CreateAuditLog1732300000002,
  CreateSchedulingTables1732500000001,
  CreateRegistryViewTables1732600000000,
  SessionPlannedDate1732700000001,
  AdmissionQueue1732700000002,
  RegistryViewCities1733300000001,
  CityReserveFloor1733300000002,
  HoldReferringInstitution1733400000001,
  CreateClientRequestLog1733500000001,
  ClientRequestsOfClaims1733500000003,
  RegistryViewPractitioners1734100000001,
  AuditLogAppendOnly1767300000001,
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
