import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { PaymentAccess } from '../../../common/payment-access.policy';
import { BudgetRepository } from '../../domain/budget.repository';
import { type CapitationSchedule } from '../../domain/capitation-rate';
import { type GetCapitationRatesQuery } from './get-capitation-rates.query';

/** GetCapitationRates: a fund's published rates, for city operators and group administrators (no patient data). */
@Injectable()
export class GetCapitationRatesUseCase {
  constructor(private readonly budgets: BudgetRepository) {}

  async execute(identity: Identity, query: GetCapitationRatesQuery): Promise<CapitationSchedule> {
    PaymentAccess.require(
      PaymentAccess.administersInsurance(identity) || identity.role === 'group-admin',
      "read a fund's capitation rates",
    );
    return this.budgets.capitationSchedule(query.regionId, false);
  }
}
