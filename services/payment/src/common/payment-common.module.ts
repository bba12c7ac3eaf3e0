import { Global, Module } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { ClientRequests } from '@medgrid/idempotency';
import { RegistryView, RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { InstitutionPlacements } from './institution-placements';

/**
 * What every context of payment uses the same way: the registry's view of institutions, groups and cities (kept up
 * to date from the registry's events), institutions' placements read from it, the client request log and the
 * audit trail.
 */
@Global()
@Module({
  providers: [
    AuditTrail,
    ClientRequests,
    { provide: RegistryView, useClass: RegistryViewTypeormRepository },
    InstitutionPlacements,
  ],
  exports: [AuditTrail, ClientRequests, RegistryView, InstitutionPlacements],
})
export class PaymentCommonModule {}
