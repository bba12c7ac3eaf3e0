import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { clientRequestOf, ClientRequests } from '@medgrid/idempotency';
import { RegistryView } from '@medgrid/registry-view';
import { SettledPeriods } from '../../../claims/domain/settled-periods';
import { monthPeriod } from '../../../common/domain/effective-period';
import { PaymentAccess } from '../../../common/payment-access.policy';
import { BudgetError, BudgetErrorCode } from '../../domain/budget-error';
import { BudgetRepository } from '../../domain/budget.repository';
import { type GlobalBudget, GlobalBudgetBook } from '../../domain/global-budget';
import { type PutGlobalBudgetCommand } from './put-global-budget.command';

/**
 * PutGlobalBudget: the city's insurance administration sets a group's global budget (总额预付) for a month, for the
 * residents under the group's integration agreement; a new budget for the month replaces the one before, and one
 * overlapping another period of the group is refused, and so is one for a month the group has settled
 * (PERIOD_ALREADY_SETTLED: what a month was settled against stays as it was). Every bad field is named
 * (budget.amount). A retry is answered with the budget as it stands.
 */
@Injectable()
export class PutGlobalBudgetUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly budgets: BudgetRepository,
    private readonly registry: RegistryView,
    private readonly requests: ClientRequests,
    private readonly settled: SettledPeriods,
  ) {}

  async execute(
    identity: Identity,
    command: PutGlobalBudgetCommand,
    now = new Date(),
  ): Promise<GlobalBudget> {
    PaymentAccess.require(PaymentAccess.administersInsurance(identity), "set a group's global budget");
    if (!(await this.registry.group(command.groupId))) {
      throw new BudgetError(
        BudgetErrorCode.InvalidBudget,
        'no group with this id is known',
        'budget.groupId',
      );
    }
    const budget: GlobalBudget = {
      groupId: command.groupId,
      period: monthPeriod(command.month),
      amount: command.amount,
      residents: command.residents,
      basis: command.basis,
    };
    return this.uow.run(async () => {
      const book = GlobalBudgetBook.of(await this.budgets.globalBudgets(command.groupId, true));
      return this.requests.createOnce(clientRequestOf('put-global-budget', command), {
        load: () => this.budgets.globalBudgetFor(command.groupId, budget.period),
        create: async () => {
          book.set(budget);
          if (await this.settled.isSettled(command.groupId, budget.period.from)) {
            throw new BudgetError(
              BudgetErrorCode.PeriodAlreadySettled,
              `${command.month} of this group is already settled`,
              'budget.month',
            );
          }
          await this.budgets.saveGlobalBudget(budget, now);
          return { id: `${command.groupId}:${command.month}`, result: budget };
        },
      });
    });
  }
}
