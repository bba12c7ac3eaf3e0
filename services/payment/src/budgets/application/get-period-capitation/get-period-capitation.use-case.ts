import { Injectable } from '@nestjs/common';
import { FamilyDoctorContractRepository } from '../../../enrolment/domain/family-doctor-contract.repository';
import { BudgetRepository } from '../../domain/budget.repository';
import { capitationForPeriod, type PeriodCapitation } from '../../domain/capitation';

/**
 * What settlement asks budgets for a group's month: its whole capitation, overall and per disease, at the fund's
 * rates in force on the month's first day for the residents the group manages that day (the registry's contracts
 * with the group's teams, and the diseases they manage), with the basis of each line. Reads inside the caller's
 * transaction when there is one.
 */
@Injectable()
export class GetPeriodCapitationUseCase {
  constructor(
    private readonly budgets: BudgetRepository,
    private readonly contracts: FamilyDoctorContractRepository,
  ) {}

  async execute(fundId: string, groupId: string, month: string): Promise<PeriodCapitation> {
    const schedule = await this.budgets.capitationSchedule(fundId, false);
    const managed = await this.contracts.managedResidents(groupId, `${month}-01`);
    return capitationForPeriod(schedule, month, managed);
  }
}
