import { Module } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { ClientRequests } from '@medgrid/idempotency';
import { RegistryView, RegistryViewTypeormRepository } from '@medgrid/registry-view';

/**
 * What every context of pharmacy uses the same way: the registry's view of institutions, groups, teams and
 * contracts (kept up to date from the registry's events), the client request log and the audit trail.
 */
@Module({
  providers: [AuditTrail, ClientRequests, { provide: RegistryView, useClass: RegistryViewTypeormRepository }],
  exports: [AuditTrail, ClientRequests, RegistryView],
})
export class PharmacyCommonModule {}
