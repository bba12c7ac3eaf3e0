import { Module } from '@nestjs/common';
import { EnrolmentModule } from '../enrolment/enrolment.module';
import { GetPeriodCapitationUseCase } from './application/get-period-capitation/get-period-capitation.use-case';
import { GetCapitationRatesUseCase } from './application/get-capitation-rates/get-capitation-rates.use-case';
import { GetGlobalBudgetsUseCase } from './application/get-global-budgets/get-global-budgets.use-case';
import { PutCapitationRatesUseCase } from './application/put-capitation-rates/put-capitation-rates.use-case';
import { PutGlobalBudgetUseCase } from './application/put-global-budget/put-global-budget.use-case';
import { BudgetRepository } from './domain/budget.repository';
import { BudgetTypeormRepository } from './infrastructure/persistence/budget.typeorm-repository';

const USE_CASES = [
  PutCapitationRatesUseCase,
  GetCapitationRatesUseCase,
  PutGlobalBudgetUseCase,
  GetGlobalBudgetsUseCase,
];

/**
 * The budgets context: funds' capitation rates and groups' global budgets, and who a group manages (the registry's
 * contracts). Settlement reads a month's whole capitation (overall and per disease) through GetPeriodCapitationUseCase
 * and budgets through BudgetRepository, both exported.
 */
@Module({
  imports: [EnrolmentModule],
  providers: [
    ...USE_CASES,
    GetPeriodCapitationUseCase,
    { provide: BudgetRepository, useClass: BudgetTypeormRepository },
  ],
  exports: [...USE_CASES, GetPeriodCapitationUseCase, BudgetRepository],
})
export class BudgetsModule {}
