import { createDataSource } from '@medgrid/database';
import { CreateMessagingTables1732300000000 } from '@medgrid/messaging';
import { type DataSource } from 'typeorm';
import { AuditLogOrmEntity } from '@medgrid/audit';
import { ReferralOrmEntity } from '../referrals/infrastructure/persistence/referral.orm-entity';
import { CreateReferralTables1732300000001 } from './migrations/1732300000001-create-referral-tables';

export const REFERRAL_ENTITIES = [ReferralOrmEntity, AuditLogOrmEntity];
export const REFERRAL_MIGRATIONS = [CreateMessagingTables1732300000000, CreateReferralTables1732300000001];

export function referralDataSource(url: string, poolSize?: number): DataSource {
  return createDataSource({
    url,
    applicationName: 'referral',
    poolSize,
    entities: REFERRAL_ENTITIES,
    migrations: REFERRAL_MIGRATIONS,
  });
}
