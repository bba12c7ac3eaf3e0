import { Global, Module } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { BudgetsModule } from '../budgets/budgets.module';
import { SettledPeriods } from '../claims/domain/settled-periods';
import { RulesModule } from '../rules/rules.module';
import { GetSettlementReportUseCase } from './application/get-settlement-report/get-settlement-report.use-case';
import { GetSettlementRunUseCase } from './application/get-settlement-run/get-settlement-run.use-case';
import { CountedSettlementEvents } from './application/settlement-metrics';
import { PutSettlementPoliciesUseCase } from './application/put-settlement-policies/put-settlement-policies.use-case';
import { StartSettlementRunUseCase } from './application/start-settlement-run/start-settlement-run.use-case';
import { ClaimsToSettle } from './domain/claims-to-settle';
import { SettlementEventPublisher } from './domain/settlement-event-publisher';
import { SettlementRunRepository } from './domain/settlement-run.repository';
import { SettlementRulesRepository } from './domain/settlement-rules.repository';
import { SettlementOutboxPublisher } from './infrastructure/messaging/settlement-outbox.publisher';
import { ClaimsToSettleTypeormRepository } from './infrastructure/persistence/claims-to-settle.typeorm-repository';
import { SettledPeriodsTypeormRepository } from './infrastructure/persistence/settled-periods.typeorm-repository';
import { SettlementRulesTypeormRepository } from './infrastructure/persistence/settlement-rules.typeorm-repository';
import { SettlementRunTypeormRepository } from './infrastructure/persistence/settlement-run.typeorm-repository';

const USE_CASES = [
  PutSettlementPoliciesUseCase,
  StartSettlementRunUseCase,
  GetSettlementRunUseCase,
  GetSettlementReportUseCase,
];

/**
 * The settlement context: a group's month settled against its budgets (budgets) over its adjudicated claims. It
 * answers claims' SettledPeriods port, so the module is global: the claims context resolves the port without
 * importing a context above it.
 */
@Global()
@Module({
  imports: [BudgetsModule, RulesModule],
  providers: [
    ...USE_CASES,
    { provide: SettlementRunRepository, useClass: SettlementRunTypeormRepository },
    { provide: SettlementRulesRepository, useClass: SettlementRulesTypeormRepository },
    { provide: ClaimsToSettle, useClass: ClaimsToSettleTypeormRepository },
    SettlementOutboxPublisher,
    // A new run announces SettlementCompleted exactly once: counted there, once it commits, each month counts once.
    {
      provide: SettlementEventPublisher,
      useFactory: (outbox: SettlementOutboxPublisher, uow: UnitOfWork) =>
        new CountedSettlementEvents(outbox, uow),
      inject: [SettlementOutboxPublisher, UnitOfWork],
    },
    { provide: SettledPeriods, useClass: SettledPeriodsTypeormRepository },
  ],
  exports: [...USE_CASES, SettledPeriods],
})
export class SettlementModule {}
