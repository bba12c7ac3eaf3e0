import { Injectable } from '@nestjs/common';
import { budgetServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { GetCapitationRatesQuery } from '../../application/get-capitation-rates/get-capitation-rates.query';
import { GetCapitationRatesUseCase } from '../../application/get-capitation-rates/get-capitation-rates.use-case';
import { GetGlobalBudgetsQuery } from '../../application/get-global-budgets/get-global-budgets.query';
import { GetGlobalBudgetsUseCase } from '../../application/get-global-budgets/get-global-budgets.use-case';
import { PutCapitationRatesCommand } from '../../application/put-capitation-rates/put-capitation-rates.command';
import { PutCapitationRatesUseCase } from '../../application/put-capitation-rates/put-capitation-rates.use-case';
import { PutGlobalBudgetCommand } from '../../application/put-global-budget/put-global-budget.command';
import { PutGlobalBudgetUseCase } from '../../application/put-global-budget/put-global-budget.use-case';
import { globalBudgetToProto, rateFromProto, scheduleToProto } from '../../contracts/budget.proto-mapper';

/** medgrid.payment.v1.BudgetService. */
@Injectable()
export class BudgetGrpcController implements GrpcController {
  constructor(
    private readonly putRates: PutCapitationRatesUseCase,
    private readonly getRates: GetCapitationRatesUseCase,
    private readonly putBudget: PutGlobalBudgetUseCase,
    private readonly getBudgets: GetGlobalBudgetsUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.payment.v1.BudgetService', budgetServiceV1.BudgetServiceService, {
      // rpc PutCapitationRates
      putCapitationRates: async (r, { identity }) => ({
        schedule: scheduleToProto(
          await this.putRates.execute(
            identity,
            PutCapitationRatesCommand.create({ ...r, rates: r.rates.map(rateFromProto) }),
          ),
        ),
      }),
      // rpc GetCapitationRates
      getCapitationRates: async (r, { identity }) => ({
        schedule: scheduleToProto(await this.getRates.execute(identity, GetCapitationRatesQuery.create(r))),
      }),
      // rpc PutGlobalBudget
      putGlobalBudget: async (r, { identity }) => ({
        budget: globalBudgetToProto(
          await this.putBudget.execute(
            identity,
            PutGlobalBudgetCommand.create({
              clientRequestId: r.clientRequestId,
              budget: {
                groupId: r.budget?.groupId ?? '',
                month: r.budget?.month ?? '',
                amount: r.budget?.amount ?? 0,
                residents: r.budget?.residents ?? 0,
                basis: r.budget?.basis ?? '',
              },
            }),
          ),
        ),
      }),
      // rpc GetGlobalBudgets
      getGlobalBudgets: async (r, { identity }) => ({
        budgets: (await this.getBudgets.execute(identity, GetGlobalBudgetsQuery.create(r))).map(
          globalBudgetToProto,
        ),
      }),
    });
  }
}
