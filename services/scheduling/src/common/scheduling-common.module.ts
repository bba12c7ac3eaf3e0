import { Module } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { ClientRequests } from '@medgrid/idempotency';
import { RegistryView, RegistryViewTypeormRepository } from '@medgrid/registry-view';

/**
 * What every context of scheduling uses the same way: the registry's view of hospitals (which the
 * registry's events keep up to date), the client request log and the audit trail.
 */
@Module({
  providers: [AuditTrail, ClientRequests, { provide: RegistryView, useClass: RegistryViewTypeormRepository }],
  exports: [AuditTrail, ClientRequests, RegistryView],
})
export class SchedulingCommonModule {}
