import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { clientRequestOf, ClientRequests } from '@medgrid/idempotency';
import { pastChangeViolations } from '../../../common/domain/unchanged-past';
import { InstitutionPlacements } from '../../../common/institution-placements';
import { PaymentAccess } from '../../../common/payment-access.policy';
import { BudgetError } from '../../domain/budget-error';
import { BudgetRepository } from '../../domain/budget.repository';
import { type CapitationSchedule } from '../../domain/capitation-rate';
import { type PutCapitationRatesCommand } from './put-capitation-rates.command';

/**
 * PutCapitationRates: the city's insurance administration puts its fund's capitation rates as the next version,
 * from the version it read, refused whole with every bad rate named; after the first version no rate in force on
 * or before today changes (RETROACTIVE_CHANGE). A retry is answered with the schedule as it stands.
 */
@Injectable()
export class PutCapitationRatesUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly budgets: BudgetRepository,
    private readonly placements: InstitutionPlacements,
    private readonly requests: ClientRequests,
  ) {}

  async execute(
    identity: Identity,
    command: PutCapitationRatesCommand,
    now = new Date(),
  ): Promise<CapitationSchedule> {
    PaymentAccess.require(PaymentAccess.administersInsurance(identity), "put a fund's capitation rates");
    await this.placements.requireRegion(command.regionId);
    return this.uow.run(async () => {
      const schedule = await this.budgets.capitationSchedule(command.regionId, true);
      return this.requests.createOnce(clientRequestOf('put-capitation-rates', command), {
        load: () => this.budgets.capitationSchedule(command.regionId, false),
        create: async () => {
          const before = schedule.snapshot();
          schedule.load(command.rates, command.fromVersion);
          if (before.version > 0) {
            const retroactive = pastChangeViolations(
              before.rates,
              command.rates,
              now.toISOString().slice(0, 10),
              'rates',
            );
            if (retroactive.length) throw BudgetError.invalid(retroactive);
          }
          await this.budgets.saveCapitationSchedule(schedule, identity.subject, now);
          return { id: `${command.regionId}:${schedule.version}`, result: schedule };
        },
      });
    });
  }
}
