import { Module } from '@nestjs/common';
import { ClientRequests } from '@medgrid/idempotency';
import { RegistryView, RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { AccountsModule } from './accounts/accounts.module';
import { AdministrationModule } from './administration/administration.module';
import { portalStaticModules } from './common/portal-static';
import { PortalModule } from './portal/portal.module';
import { DescribeServiceUseCase } from './service-info/application/describe-service/describe-service.use-case';
import { SchemaStateRepository } from './service-info/domain/schema-state.repository';
import { SchemaStateTypeormRepository } from './service-info/infrastructure/persistence/schema-state.typeorm-repository';

/**
 * The gateway service's contexts: the portal's accounts and API, the built portal itself at `/`, and the use
 * cases its gRPC controllers and consumers call.
 */
@Module({
  imports: [AccountsModule, PortalModule, AdministrationModule, ...portalStaticModules()],
  providers: [
    DescribeServiceUseCase,
    { provide: SchemaStateRepository, useClass: SchemaStateTypeormRepository },
    // Which institution belongs to which group, kept from the registry's topics.
    { provide: RegistryView, useClass: RegistryViewTypeormRepository },
    // Every write use case answers retries through it (createOnce, isRetry).
    ClientRequests,
  ],
  exports: [DescribeServiceUseCase, RegistryView],
})
export class GatewayModule {}
