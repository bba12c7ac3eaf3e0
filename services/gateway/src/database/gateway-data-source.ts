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
import { PortalSessionOrmEntity } from '../accounts/infrastructure/persistence/portal-session.orm-entity';
import { PortalUserOrmEntity } from '../accounts/infrastructure/persistence/portal-user.orm-entity';
import { PortalAccounts1767100000001 } from './migrations/1767100000001-portal-accounts';

/**
 * The gateway database: the platform's outbox/inbox tables, the audit
 * trail (reads of patient data, refused group claims), the registry
 * projection the group-claim check reads and the client request log (every
 * write answers its retries with ClientRequests) come first. The service's own tables
 * follow, each change a new migration under migrations/ named
 * <timestamp>-<what>.ts and listed here after these.
 */
export const GATEWAY_ENTITIES = [
  OutboxOrmEntity,
  InboxOrmEntity,
  ...REGISTRY_VIEW_ENTITIES,
  AuditLogOrmEntity,
  ClientRequestOrmEntity,
  PortalUserOrmEntity,
  PortalSessionOrmEntity,
];
export const GATEWAY_MIGRATIONS = [
  CreateMessagingTables1732300000000,
  CreateAuditLog1732300000002,
  CreateRegistryViewTables1732600000000,
  RegistryViewCities1733300000001,
  CreateClientRequestLog1733500000001,
  RegistryViewPractitioners1734100000001,
  PortalAccounts1767100000001,
  AuditLogAppendOnly1767300000001,
];

export function gatewayDataSource(url: string, poolSize?: number): DataSource {
  return createDataSource({
    url,
    applicationName: 'gateway',
    poolSize,
    entities: GATEWAY_ENTITIES,
    migrations: GATEWAY_MIGRATIONS,
  });
}
