import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { clientRequestOf, ClientRequests } from '@medgrid/idempotency';
import { RegistryView } from '@medgrid/registry-view';
import { v7 as uuidv7 } from 'uuid';
import { GetPeriodCapitationUseCase } from '../../../budgets/application/get-period-capitation/get-period-capitation.use-case';
import { BudgetRepository } from '../../../budgets/domain/budget.repository';
import { monthPeriod, type SettlementPeriod } from '../../../common/domain/effective-period';
import { PaymentAccess } from '../../../common/payment-access.policy';
import { type BasisPoints } from '../../../common/domain/share';
import { DiseaseGroupTable } from '../../../rules/domain/disease-group-points';
import { DiseaseGroupTableRepository } from '../../../rules/domain/disease-group-table.repository';
import { starterDiseaseGroups } from '../../../rules/domain/starter/starter-disease-groups';
import { ClaimsToSettle } from '../../domain/claims-to-settle';
import { FEE_FOR_SERVICE_ONLY } from '../../domain/payment-method';
import { periodBudget, pointsPotOf } from '../../domain/period-budget';
import { settledFiguresOf } from '../../domain/settled-claim';
import { SettlementError, SettlementErrorCode } from '../../domain/settlement-error';
import { SettlementEventPublisher } from '../../domain/settlement-event-publisher';
import { type StoredSettlement, SettlementRunRepository } from '../../domain/settlement-run.repository';
import { settle, SettlementTally } from '../../domain/settlement-run';
import { SettlementRulesRepository } from '../../domain/settlement-rules.repository';
import { timedSettlementRun } from '../settlement-metrics';
import { type StartSettlementRunCommand } from './start-settlement-run.command';

/** UTC date of an instant, YYYY-MM-DD. */
function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * StartSettlementRun: the city's insurance administration settles a group's month once it is over. The group's
 * claims of the month are counted by their versions in force, summed in the database by what their payment depends
 * on (institution, level, encounter, disease group, referral: ClaimsToSettle), each sum paid by the composite
 * scheme in force on the month's first day and weighed, when paid by points, by the fund's disease-group table in
 * force that day (the starter groups until the fund loads its own); the budget is the group's global budget for the month and its capitation (GetPeriodCapitationUseCase: every
 * rate in force on the first day, overall for its contracted residents and per disease for those managed for it); the balance is shared
 * by the policy in force on the first day. The run, the count and checksum of the claim versions it counted and its
 * ledger are written in one transaction with SettlementCompleted, so a run stopped midway leaves nothing. A period
 * is settled once: the run holds the group's month's lock alone (claims of the month share it, so the run counts
 * exactly the versions in force at its commit and the month is closed to claims after it), a retry is answered with
 * the run it made, and another request for a settled month is PERIOD_ALREADY_SETTLED. Only the group's city's
 * operators settle it: an operator acting for an institution or a group of another city is PERMISSION_DENIED.
 */
@Injectable()
export class StartSettlementRunUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly runs: SettlementRunRepository,
    private readonly rules: SettlementRulesRepository,
    private readonly claims: ClaimsToSettle,
    private readonly diseaseGroups: DiseaseGroupTableRepository,
    private readonly budgets: BudgetRepository,
    private readonly capitation: GetPeriodCapitationUseCase,
    private readonly registry: RegistryView,
    private readonly events: SettlementEventPublisher,
    private readonly requests: ClientRequests,
  ) {}

  execute(
    identity: Identity,
    command: StartSettlementRunCommand,
    now = new Date(),
  ): Promise<StoredSettlement> {
    return timedSettlementRun(() => this.run(identity, command, now));
  }

  private async run(
    identity: Identity,
    command: StartSettlementRunCommand,
    now: Date,
  ): Promise<StoredSettlement> {
    PaymentAccess.require(PaymentAccess.administersInsurance(identity), "settle a group's period");
    const period = monthPeriod(command.month);
    if (period.until > dayOf(now)) {
      throw new SettlementError(
        SettlementErrorCode.PeriodNotOver,
        `${command.month} is not over yet: a month is settled from its last day's end on`,
        'month',
      );
    }
    const regionId = await this.regionOf(command.groupId);
    await this.requireSameCity(identity, regionId);
    return this.uow.run(async () => {
      await this.runs.lockPeriod(command.groupId, period);
      return this.requests.createOnce(clientRequestOf('start-settlement-run', command), {
        load: (id) => this.runs.find(id),
        create: async () => {
          if (await this.runs.findFor(command.groupId, period)) {
            throw new SettlementError(
              SettlementErrorCode.PeriodAlreadySettled,
              `${command.month} of group ${command.groupId} is already settled`,
              'month',
            );
          }
          const settlement = await this.settle(identity, command, period, regionId, now);
          return { id: settlement.id, result: settlement };
        },
      });
    });
  }

  private async settle(
    identity: Identity,
    command: StartSettlementRunCommand,
    period: SettlementPeriod,
    regionId: string,
    now: Date,
  ): Promise<StoredSettlement> {
    const rules = await this.rules.load(regionId, false);
    const policy = rules.policyOn(period.from);
    const scheme = rules.snapshot().schemes.length ? rules.schemeOn(period.from) : FEE_FOR_SERVICE_ONLY;
    const diseaseGroups = await this.diseaseGroupsOn(regionId, period.from);
    const figures = await this.claims.figuresInForce(command.groupId, period);
    const settled = figures.rows.map((row) => settledFiguresOf(row, scheme, diseaseGroups, period.from));
    const budget = periodBudget(
      await this.budgets.globalBudgetFor(command.groupId, period),
      await this.capitation.execute(regionId, command.groupId, command.month),
    );
    const tally = new SettlementTally(period);
    tally.addFigures(settled);
    const result = settle(
      {
        groupId: command.groupId,
        period,
        budget: budget.amount,
        budgetBasis: budget.basis,
        pointsPot: pointsPotOf(budget.amount, settled),
        policy,
      },
      tally,
    );
    const settlement: StoredSettlement = {
      id: uuidv7(),
      regionId,
      settledAt: now,
      settledBy: identity.subject,
      result,
    };
    await this.runs.save(settlement, figures.counted);
    await this.events.settlementCompleted(settlement);
    return settlement;
  }

  /**
   * The fund's disease-group points in force on the day; until a fund loads its first table, the platform's starter
   * groups (every level weighed alike, as for primary-level groups), so a fund settling by points before it has a
   * table of its own is not left with every stay unweighed.
   */
  private async diseaseGroupsOn(regionId: string, day: string): Promise<DiseaseGroupTable> {
    const own = await this.diseaseGroups.tableOn(regionId, day);
    if (own.version > 0) return own;
    const starter = DiseaseGroupTable.empty(regionId);
    const whole = 10_000 as BasisPoints;
    starter.load(
      starterDiseaseGroups('2000-01-01'),
      { primary: whole, secondary: whole, tertiary: whole },
      0,
    );
    return starter;
  }

  /**
   * An operator acting for an institution or a group is of its city, and settles only that city's groups (the
   * registry's word for both); an operator acting for neither stands for the platform's administration.
   */
  private async requireSameCity(identity: Identity, regionId: string): Promise<void> {
    let callerCity: string | null = null;
    if (identity.institutionId) {
      callerCity = await this.registry.cityOfInstitution(identity.institutionId);
    } else if (identity.groupId) {
      const group = await this.registry.group(identity.groupId);
      callerCity = group?.leadInstitutionId
        ? await this.registry.cityOfInstitution(group.leadInstitutionId)
        : null;
    } else {
      return;
    }
    PaymentAccess.require(callerCity === regionId, "settle a group of another city's fund");
  }

  /** The fund of the group's city: the region of its lead institution, as the registry has it. */
  private async regionOf(groupId: string): Promise<string> {
    const group = await this.registry.group(groupId);
    const regionId = group?.leadInstitutionId
      ? await this.registry.cityOfInstitution(group.leadInstitutionId)
      : null;
    if (!group || !regionId) {
      throw new SettlementError(
        SettlementErrorCode.GroupNotKnown,
        'no group with this id is known with a city: a group is settled by its city’s fund',
        'groupId',
      );
    }
    return regionId;
  }
}
