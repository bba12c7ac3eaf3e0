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
  KnownResidentOrmEntity,
  REGISTRY_VIEW_ENTITIES,
  RegistryViewCities1733300000001,
  RegistryViewPractitioners1734100000001,
  RegistryViewResidents1733100000001,
} from '@medgrid/registry-view';
import { type DataSource } from 'typeorm';
import { CriteriaCatalogueStateOrmEntity } from '../criteria/infrastructure/persistence/criteria-catalogue-state.orm-entity';
import { CriteriaEntryOrmEntity } from '../criteria/infrastructure/persistence/criteria-entry.orm-entity';
import { ReferralHistoryOrmEntity } from '../referrals/infrastructure/persistence/referral-history.orm-entity';
import { ReferralOrmEntity } from '../referrals/infrastructure/persistence/referral.orm-entity';
import { ReferralContinuityOrmEntity } from '../referrals/infrastructure/persistence/referral-continuity.orm-entity';
import { CreateReferralTables1732300000001 } from './migrations/1732300000001-create-referral-tables';
import { ReferralLifecycle1732600000001 } from './migrations/1732600000001-referral-lifecycle';
import { ClientRequestsOfReferrals1733500000002 } from './migrations/1733500000002-client-requests-of-referrals';
import { ReferralContinuity1765000000200 } from './migrations/1765000000200-referral-continuity';
import { HistoryPositionsAtCommit1767400000001 } from './migrations/1767400000001-history-positions-at-commit';

/** Referral's tables and the shared libraries', so the drift check sees each. */
export const REFERRAL_ENTITIES = [
  OutboxOrmEntity,
  InboxOrmEntity,
  ...REGISTRY_VIEW_ENTITIES,
  KnownResidentOrmEntity,
  AuditLogOrmEntity,
  ClientRequestOrmEntity,
  ReferralOrmEntity,
  ReferralHistoryOrmEntity,
  CriteriaEntryOrmEntity,
  CriteriaCatalogueStateOrmEntity,
  ReferralContinuityOrmEntity,
];
export const REFERRAL_MIGRATIONS = [
  CreateMessagingTables1732300000000,
  CreateReferralTables1732300000001,
  CreateAuditLog1732300000002,
  CreateRegistryViewTables1732600000000,
  ReferralLifecycle1732600000001,
  RegistryViewCities1733300000001,
  RegistryViewResidents1733100000001,
  CreateClientRequestLog1733500000001,
  ClientRequestsOfReferrals1733500000002,
  RegistryViewPractitioners1734100000001,
  ReferralContinuity1765000000200,
  AuditLogAppendOnly1767300000001,
  HistoryPositionsAtCommit1767400000001,
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
