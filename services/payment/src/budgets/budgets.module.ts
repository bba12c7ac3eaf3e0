import { Module } from '@nestjs/common';
import { BudgetRepository } from './domain/budget.repository';
import { BudgetTypeormRepository } from './infrastructure/persistence/budget.typeorm-repository';

/**
 * The budgets context: funds' capitation rates and groups' global budgets, and who a group manages (the registry's
 * contracts). Settlement reads them through BudgetRepository, exported.
 */
@Module({
  providers: [{ provide: BudgetRepository, useClass: BudgetTypeormRepository }],
  exports: [BudgetRepository],
})
export class BudgetsModule {}
