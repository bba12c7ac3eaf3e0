export { AuditLogOrmEntity } from './audit-log.orm-entity';
export { CreateAuditLog1732300000002 } from './audit-log.migration';
export { AuditLogAppendOnly1767300000001 } from './audit-log-append-only.migration';
export { AuditTrail } from './audit-trail';
