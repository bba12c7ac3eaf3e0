export { AuditLogOrmEntity } from './audit-log.orm-entity';
export { CreateAuditLog1732300000002 } from './audit-log.migration';
export { AuditTrail } from './audit-trail';
