import { Module } from '@nestjs/common';
import { CatalogueModule } from './catalogue/catalogue.module';
import { PharmacyCommonModule } from './common/pharmacy-common.module';
import { ContinuityModule } from './continuity/continuity.module';
import { FormularyModule } from './formulary/formulary.module';
import { PrescribingModule } from './prescribing/prescribing.module';
import { PurchasingModule } from './purchasing/purchasing.module';
import { DescribeServiceUseCase } from './service-info/application/describe-service/describe-service.use-case';
import { SchemaStateRepository } from './service-info/domain/schema-state.repository';
import { SchemaStateTypeormRepository } from './service-info/infrastructure/persistence/schema-state.typeorm-repository';

/**
 * The pharmacy service's contexts: the use cases its gRPC controllers and consumers call, and the common module
 * (the registry's view, kept from the registry's topics by the consumers, client requests and the audit trail).
 */
@Module({
  imports: [
    PharmacyCommonModule,
    CatalogueModule,
    FormularyModule,
    PrescribingModule,
    PurchasingModule,
    ContinuityModule,
  ],
  providers: [
    DescribeServiceUseCase,
    { provide: SchemaStateRepository, useClass: SchemaStateTypeormRepository },
  ],
  exports: [
    DescribeServiceUseCase,
    PharmacyCommonModule,
    CatalogueModule,
    FormularyModule,
    PrescribingModule,
    PurchasingModule,
    ContinuityModule,
  ],
})
export class PharmacyModule {}
