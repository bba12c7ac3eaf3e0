import { Injectable } from '@nestjs/common';
import { lockForTransaction, UnitOfWork } from '@medgrid/database';
import { type SettlementPeriod } from '../../../common/domain/effective-period';
import { type Fen } from '../../../common/domain/money';
import { CapitationSchedule } from '../../domain/capitation-rate';
import { BudgetRepository } from '../../domain/budget.repository';
import { type GlobalBudget } from '../../domain/global-budget';
import { CapitationScheduleVersionOrmEntity } from './capitation-schedule-version.orm-entity';
import { GlobalBudgetOrmEntity } from './global-budget.orm-entity';

function budgetFromEntity(e: GlobalBudgetOrmEntity): GlobalBudget {
  return {
    groupId: e.groupId,
    period: { from: e.periodFrom, until: e.periodUntil },
    amount: e.amount as Fen,
    residents: e.residents,
    basis: e.basis,
  };
}

/**
 * capitation_schedule_version (every version of a fund's rates, whole) and global_budget (one per group and
 * period); who a group manages is enrolment's (FamilyDoctorContractRepository).
 */
@Injectable()
export class BudgetTypeormRepository extends BudgetRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async capitationSchedule(fundId: string, lock: boolean): Promise<CapitationSchedule> {
    if (lock) await lockForTransaction(this.uow.transactionalManager(), `payment-capitation:${fundId}`);
    const row = await this.uow
      .manager()
      .findOne(CapitationScheduleVersionOrmEntity, { where: { fundId }, order: { version: 'DESC' } });
    if (!row) return CapitationSchedule.empty(fundId);
    return CapitationSchedule.restore({
      fundId,
      version: row.version,
      rates: row.rates.map((r) => ({ ...r, annualPerResident: r.annualPerResident as Fen })),
    });
  }

  async saveCapitationSchedule(schedule: CapitationSchedule, loadedBy: string, at: Date): Promise<void> {
    const snapshot = schedule.snapshot();
    await this.uow.transactionalManager().insert(CapitationScheduleVersionOrmEntity, {
      fundId: snapshot.fundId,
      version: snapshot.version,
      rates: snapshot.rates.map((r) => ({
        diseaseGroup: r.diseaseGroup,
        annualPerResident: r.annualPerResident,
        from: r.from,
        until: r.until,
        basis: r.basis,
      })),
      loadedAt: at,
      loadedBy,
    });
  }

  async globalBudgets(groupId: string, lock: boolean): Promise<readonly GlobalBudget[]> {
    if (lock) await lockForTransaction(this.uow.transactionalManager(), `payment-global-budget:${groupId}`);
    const rows = await this.uow
      .manager()
      .find(GlobalBudgetOrmEntity, { where: { groupId }, order: { periodFrom: 'ASC' } });
    return rows.map(budgetFromEntity);
  }

  async saveGlobalBudget(budget: GlobalBudget, at: Date): Promise<void> {
    await this.uow.transactionalManager().upsert(
      GlobalBudgetOrmEntity,
      {
        groupId: budget.groupId,
        periodFrom: budget.period.from,
        periodUntil: budget.period.until,
        amount: budget.amount,
        residents: budget.residents,
        basis: budget.basis,
        setAt: at,
      },
      ['groupId', 'periodFrom'],
    );
  }

  async globalBudgetFor(groupId: string, period: SettlementPeriod): Promise<GlobalBudget | null> {
    const row = await this.uow.manager().findOneBy(GlobalBudgetOrmEntity, {
      groupId,
      periodFrom: period.from,
      periodUntil: period.until,
    });
    return row ? budgetFromEntity(row) : null;
  }
}
