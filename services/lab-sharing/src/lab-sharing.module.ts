import { Global, Module } from '@nestjs/common';
import { CentresModule } from './centres/centres.module';
import { LabSharingCommonModule } from './common/lab-sharing-common.module';
import { OrderReporting } from './orders/application/order-reporting';
import { OrdersModule } from './orders/orders.module';
import { SterilisationModule } from './orders/sterilisation.module';
import { RecognisableResults } from './recognition/application/recognisable-results';
import { RecognitionModule } from './recognition/recognition.module';
import { ReportsOfOrders } from './reporting/application/reports-of-orders';
import { SignedResults } from './reporting/domain/signed-results';
import { ReportingModule } from './reporting/reporting.module';
import { RecordedRecognisableResults } from './results/application/recorded-recognisable-results';
import { RegistrySignedResults } from './results/application/registry-signed-results';
import { ResultsModule } from './results/results.module';
import { DescribeServiceUseCase } from './service-info/application/describe-service/describe-service.use-case';
import { SchemaStateRepository } from './service-info/domain/schema-state.repository';
import { SchemaStateTypeormRepository } from './service-info/infrastructure/persistence/schema-state.typeorm-repository';

/**
 * The ports a lower context owns and the result registry implements: recognition's RecognisableResults (what
 * "already done?" reads) and reporting's SignedResults (a signed or amended report becomes a result in its
 * transaction). A lower module may not import a higher one, so the bindings are global, made here.
 */
@Global()
@Module({
  imports: [ResultsModule],
  providers: [
    { provide: RecognisableResults, useExisting: RecordedRecognisableResults },
    { provide: SignedResults, useExisting: RegistrySignedResults },
  ],
  exports: [RecognisableResults, SignedResults],
})
class ResultPorts {}

/**
 * The port orders owns and reporting implements: a performed order's report opens on its centre's worklist and a
 * cancelled one's leaves it (ReportsOfOrders). Global for the same reason as ResultPorts.
 */
@Global()
@Module({
  imports: [ReportingModule],
  providers: [{ provide: OrderReporting, useExisting: ReportsOfOrders }],
  exports: [OrderReporting],
})
class OrderPorts {}

/**
 * The lab-sharing service's contexts: the use cases its gRPC controllers and consumers call, and the common module
 * (the registry's view, kept from the registry's topics by the consumers, client requests and the audit trail).
 */
@Module({
  imports: [
    LabSharingCommonModule,
    CentresModule,
    SterilisationModule,
    RecognitionModule,
    ResultsModule,
    ResultPorts,
    OrdersModule,
    ReportingModule,
    OrderPorts,
  ],
  providers: [
    DescribeServiceUseCase,
    { provide: SchemaStateRepository, useClass: SchemaStateTypeormRepository },
  ],
  exports: [
    DescribeServiceUseCase,
    LabSharingCommonModule,
    CentresModule,
    SterilisationModule,
    RecognitionModule,
    ResultsModule,
    OrdersModule,
    ReportingModule,
  ],
})
export class LabSharingModule {}
