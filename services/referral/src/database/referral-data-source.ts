import { AuditLogOrmEntity } from '@medgrid/audit';
import { createDataSource } from '@medgrid/database';
import { CreateMessagingTables1732300000000 } from '@medgrid/messaging';
import {
  CreateRegistryViewTables1732600000000,
  RegistryViewCities1733300000001,
  RegistryViewResidents1733100000001,
} from '@medgrid/registry-view';
import { type DataSource } from 'typeorm';
import { CreateReferralTables1732300000001 } from './migrations/1732300000001-create-referral-tables';
import { ReferralLifecycle1732600000001 } from './migrations/1732600000001-referral-lifecycle';

/**
 * Referral's repositories speak SQL directly (arrays, JSON documents, locking
 * reads), so the only ORM entity is the shared audit log's.
 */
export const REFERRAL_ENTITIES = [AuditLogOrmEntity];
export const REFERRAL_MIGRATIONS = [
  CreateMessagingTables1732300000000,
  CreateReferralTables1732300000001,
  CreateRegistryViewTables1732600000000,
  ReferralLifecycle1732600000001,
  RegistryViewCities1733300000001,
  RegistryViewResidents1733100000001,
];

export function referralDataSource(url: string, poolSize?: number): DataSource {
  return createDataSource({
    url,
    applicationName: 'referral',
    poolSize,
    entities: REFERRAL_ENTITIES,
    migrations: REFERRAL_MIGRATIONS,
  });
}
