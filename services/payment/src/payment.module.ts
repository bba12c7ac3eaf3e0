import { Module } from '@nestjs/common';
import { BudgetsModule } from './budgets/budgets.module';
import { ClaimsModule } from './claims/claims.module';
import { PaymentCommonModule } from './common/payment-common.module';
import { EnrolmentModule } from './enrolment/enrolment.module';
import { RulesModule } from './rules/rules.module';
import { DescribeServiceUseCase } from './service-info/application/describe-service/describe-service.use-case';
import { SchemaStateRepository } from './service-info/domain/schema-state.repository';
import { SchemaStateTypeormRepository } from './service-info/infrastructure/persistence/schema-state.typeorm-repository';
import { SettlementModule } from './settlement/settlement.module';

/**
 * The payment service's contexts: the use cases its gRPC controllers and consumers call, and the common module
 * (the registry's view, kept from the registry's topics by the consumers, client requests and the audit trail).
 */
@Module({
  imports: [PaymentCommonModule, EnrolmentModule, RulesModule, ClaimsModule, BudgetsModule, SettlementModule],
  providers: [
    DescribeServiceUseCase,
    { provide: SchemaStateRepository, useClass: SchemaStateTypeormRepository },
  ],
  exports: [
    DescribeServiceUseCase,
    PaymentCommonModule,
    EnrolmentModule,
    RulesModule,
    ClaimsModule,
    BudgetsModule,
    SettlementModule,
  ],
})
export class PaymentModule {}
