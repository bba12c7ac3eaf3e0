import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { PaymentAccess } from '../../../common/payment-access.policy';
import { BudgetRepository } from '../../domain/budget.repository';
import { type GlobalBudget } from '../../domain/global-budget';
import { type GetGlobalBudgetsQuery } from './get-global-budgets.query';

/** GetGlobalBudgets: a group's global budgets, for city operators and the group's administrators. */
@Injectable()
export class GetGlobalBudgetsUseCase {
  constructor(private readonly budgets: BudgetRepository) {}

  async execute(identity: Identity, query: GetGlobalBudgetsQuery): Promise<readonly GlobalBudget[]> {
    PaymentAccess.require(
      PaymentAccess.readsSettlement(identity, query.groupId),
      "read this group's budgets",
    );
    return this.budgets.globalBudgets(query.groupId, false);
  }
}
