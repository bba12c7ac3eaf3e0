import { type Identity } from '@medgrid/auth';
import { type UnitOfWork } from '@medgrid/database';
import { AppError } from '@medgrid/errors';
import { ClientRequests } from '@medgrid/idempotency';
import { addDays, localDate } from '@medgrid/kernel';
import { OutboxWriter } from '@medgrid/messaging';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { v5 as uuidv5 } from 'uuid';
import { GetPeriodCapitationUseCase } from '../budgets/application/get-period-capitation/get-period-capitation.use-case';
import { PutCapitationRatesCommand } from '../budgets/application/put-capitation-rates/put-capitation-rates.command';
import { PutCapitationRatesUseCase } from '../budgets/application/put-capitation-rates/put-capitation-rates.use-case';
import { PutGlobalBudgetCommand } from '../budgets/application/put-global-budget/put-global-budget.command';
import { PutGlobalBudgetUseCase } from '../budgets/application/put-global-budget/put-global-budget.use-case';
import { BudgetTypeormRepository } from '../budgets/infrastructure/persistence/budget.typeorm-repository';
import { ClaimAdjudicator } from '../claims/application/claim-adjudicator';
import { ClaimIntake } from '../claims/application/claim-intake';
import {
  BATCH_CLAIMS_MAX,
  SubmitClaimsCommand,
} from '../claims/application/submit-claims/submit-claims.command';
import { SubmitClaimsUseCase } from '../claims/application/submit-claims/submit-claims.use-case';
import { ClaimOutboxPublisher } from '../claims/infrastructure/messaging/claim-outbox.publisher';
import { ClaimTypeormRepository } from '../claims/infrastructure/persistence/claim.typeorm-repository';
import { KnownReferralTypeormRepository } from '../claims/infrastructure/persistence/known-referral.typeorm-repository';
import { monthPeriod } from '../common/domain/effective-period';
import { InstitutionPlacements } from '../common/institution-placements';
import { LoadCoverageCommand } from '../enrolment/application/load-coverage/load-coverage.command';
import { LoadCoverageUseCase } from '../enrolment/application/load-coverage/load-coverage.use-case';
import { FamilyDoctorContractTypeormRepository } from '../enrolment/infrastructure/persistence/family-doctor-contract.typeorm-repository';
import { ResidentCoverageTypeormRepository } from '../enrolment/infrastructure/persistence/resident-coverage.typeorm-repository';
import { LoadStarterReimbursementTableCommand } from '../rules/application/load-starter-reimbursement-table/load-starter-reimbursement-table.command';
import { LoadStarterReimbursementTableUseCase } from '../rules/application/load-starter-reimbursement-table/load-starter-reimbursement-table.use-case';
import { TableEdit } from '../rules/application/table-edit';
import { DiseaseGroupTableTypeormRepository } from '../rules/infrastructure/persistence/disease-group-table.typeorm-repository';
import { ReimbursementTableTypeormRepository } from '../rules/infrastructure/persistence/reimbursement-table.typeorm-repository';
import { PutSettlementPoliciesCommand } from '../settlement/application/put-settlement-policies/put-settlement-policies.command';
import { PutSettlementPoliciesUseCase } from '../settlement/application/put-settlement-policies/put-settlement-policies.use-case';
import { CountedSettlementEvents } from '../settlement/application/settlement-metrics';
import { StartSettlementRunCommand } from '../settlement/application/start-settlement-run/start-settlement-run.command';
import { StartSettlementRunUseCase } from '../settlement/application/start-settlement-run/start-settlement-run.use-case';
import { SettlementOutboxPublisher } from '../settlement/infrastructure/messaging/settlement-outbox.publisher';
import { ClaimsToSettleTypeormRepository } from '../settlement/infrastructure/persistence/claims-to-settle.typeorm-repository';
import { SettledPeriodsTypeormRepository } from '../settlement/infrastructure/persistence/settled-periods.typeorm-repository';
import { SettlementRulesTypeormRepository } from '../settlement/infrastructure/persistence/settlement-rules.typeorm-repository';
import { SettlementRunTypeormRepository } from '../settlement/infrastructure/persistence/settlement-run.typeorm-repository';
import {
  DEMO_NAMESPACE,
  type DemoCity,
  type DemoContract,
  type DemoGroup,
  type PlannedClaim,
  planDemoActivity,
} from './demo-activity.plan';

/** What a run of the loader did: each count is what it added (0 on a second run). */
export interface DemoActivityReport {
  readonly rules: { table: boolean; policy: boolean; capitation: boolean };
  readonly residentsCovered: number;
  readonly claims: { received: number; refused: number; existing: number };
  readonly budgets: number;
  readonly settlements: number;
}

/** The city's insurance administration, as the demo's operator. */
const OPERATOR: Identity = {
  subject: 'demo-activity-loader',
  role: 'city-operator',
  institutionId: null,
  groupId: null,
  practitionerId: null,
};
const COVERAGE_CHUNK = 5000;
/** Claims are received one transaction each; a few institutions' batches at once keep both cores busy. */
const CLAIM_WORKERS = 3;

const requestId = (name: string): string => uuidv5(name, DEMO_NAMESPACE);
const yuan = (fen: number): string =>
  `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/**
 * Puts the demo city's insurance activity (planDemoActivity) through payment's own use cases, wired by hand as the
 * service's modules wire them (it runs as a command, not inside the service): every rule is checked and every
 * change leaves through the outbox. Each step first looks at what is there and adds only what is missing, with
 * name-based client request ids, so a second run adds nothing.
 */
export class DemoActivityLoader {
  private readonly registry: RegistryViewTypeormRepository;
  private readonly tables: ReimbursementTableTypeormRepository;
  private readonly rules: SettlementRulesTypeormRepository;
  private readonly budgets: BudgetTypeormRepository;
  private readonly runs: SettlementRunTypeormRepository;
  private readonly claimsToSettle: ClaimsToSettleTypeormRepository;
  private readonly capitation: GetPeriodCapitationUseCase;
  private readonly loadStarterTable: LoadStarterReimbursementTableUseCase;
  private readonly putPolicies: PutSettlementPoliciesUseCase;
  private readonly putRates: PutCapitationRatesUseCase;
  private readonly putBudget: PutGlobalBudgetUseCase;
  private readonly loadCoverage: LoadCoverageUseCase;
  private readonly submitClaims: SubmitClaimsUseCase;
  private readonly startRun: StartSettlementRunUseCase;

  constructor(private readonly uow: UnitOfWork) {
    this.registry = new RegistryViewTypeormRepository(uow);
    const placements = new InstitutionPlacements(this.registry);
    const requests = new ClientRequests(uow);
    const outbox = new OutboxWriter(uow, 'payment');
    const settled = new SettledPeriodsTypeormRepository(uow);
    const contracts = new FamilyDoctorContractTypeormRepository(uow);
    const coverages = new ResidentCoverageTypeormRepository(uow);
    const claims = new ClaimTypeormRepository(uow);
    this.tables = new ReimbursementTableTypeormRepository(uow);
    this.rules = new SettlementRulesTypeormRepository(uow);
    this.budgets = new BudgetTypeormRepository(uow);
    this.runs = new SettlementRunTypeormRepository(uow);
    this.claimsToSettle = new ClaimsToSettleTypeormRepository(uow);
    this.capitation = new GetPeriodCapitationUseCase(this.budgets, contracts);
    this.loadStarterTable = new LoadStarterReimbursementTableUseCase(
      new TableEdit(uow, this.tables, placements, requests),
    );
    this.putPolicies = new PutSettlementPoliciesUseCase(uow, this.rules, placements, requests);
    this.putRates = new PutCapitationRatesUseCase(uow, this.budgets, placements, requests);
    this.putBudget = new PutGlobalBudgetUseCase(uow, this.budgets, this.registry, requests, settled);
    this.loadCoverage = new LoadCoverageUseCase(uow, coverages, requests);
    this.submitClaims = new SubmitClaimsUseCase(
      new ClaimIntake(
        uow,
        claims,
        new ClaimAdjudicator(
          claims,
          coverages,
          this.tables,
          contracts,
          new KnownReferralTypeormRepository(uow),
        ),
        new ClaimOutboxPublisher(outbox),
        placements,
        requests,
        settled,
      ),
    );
    this.startRun = new StartSettlementRunUseCase(
      uow,
      this.runs,
      this.rules,
      this.claimsToSettle,
      new DiseaseGroupTableTypeormRepository(uow),
      this.budgets,
      this.capitation,
      this.registry,
      new CountedSettlementEvents(new SettlementOutboxPublisher(outbox), uow),
      requests,
    );
  }

  /**
   * The city as payment knows it: its groups (`unsettledGroupId` first, the others by id) with their institutions,
   * and the contracts of the groups' teams, each until its early end if it ended early.
   */
  async cityOf(cityId: string, today: string, unsettledGroupId: string | null = null): Promise<DemoCity> {
    const manager = this.uow.manager();
    const groupRows = await manager.query<{ id: string }[]>(
      `SELECT g.id FROM known_group g JOIN known_grid gr ON gr.id = g.grid_id WHERE gr.city_id = $1 ORDER BY g.id`,
      [cityId],
    );
    const ids = groupRows.map((g) => g.id);
    const institutions = await manager.query<{ id: string; group_id: string; level: string }[]>(
      `SELECT id, group_id, level FROM known_institution WHERE group_id = ANY($1) ORDER BY id`,
      [ids],
    );
    const contracts = await manager.query<
      { resident: string; group_id: string; start: string; last: string; diseases: string[] }[]
    >(
      `SELECT c.resident_id_number AS resident, t.group_id,
              to_char(c.start_date, 'YYYY-MM-DD') AS start,
              to_char(CASE WHEN c.ended_on IS NOT NULL AND c.ended_on <= c.end_date
                           THEN c.ended_on - 1 ELSE c.end_date END, 'YYYY-MM-DD') AS last,
              c.diseases
         FROM family_doctor_contract c JOIN known_team t ON t.id = c.team_id
        WHERE t.group_id = ANY($1) AND c.status <> 'unknown'
        ORDER BY c.id`,
      [ids],
    );
    const groups: DemoGroup[] = ids.map((id) => ({
      id,
      institutions: institutions
        .filter((i) => i.group_id === id && ['primary', 'secondary', 'tertiary'].includes(i.level))
        .map((i) => ({ id: i.id, level: i.level as DemoGroup['institutions'][number]['level'] })),
    }));
    const first = groups.findIndex((g) => g.id === unsettledGroupId);
    if (first > 0) groups.unshift(...groups.splice(first, 1));
    return {
      cityId,
      groups: groups.filter((g) => g.institutions.length > 0),
      contracts: contracts.map((c): DemoContract => ({
        residentId: c.resident,
        groupId: c.group_id,
        from: c.start,
        until: c.last,
        diseases: c.diseases,
      })),
      today,
    };
  }

  async load(city: DemoCity, say: (line: string) => void, now = new Date()): Promise<DemoActivityReport> {
    if (city.today > localDate(now)) throw new Error(`${city.today} is after today`);
    const plan = planDemoActivity(city);
    say(
      `plan: ${city.groups.length} groups, ${plan.claims.length} claims from ${plan.effectiveFrom} to ${city.today}, ` +
        `${plan.coverage.length} residents`,
    );
    let started = Date.now();
    const timed = (line: string): void => {
      say(`${line} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      started = Date.now();
    };
    const rules = await this.loadRules(city.cityId, plan, timed, now);
    const residentsCovered = await this.cover(plan, timed, now);
    const claims = await this.submit(plan.claims, timed, now);
    const budgets = await this.setBudgets(city, plan, timed, now);
    const settlements = await this.settle(plan, say, now);
    return { rules, residentsCovered, claims, budgets, settlements };
  }

  private async loadRules(
    cityId: string,
    plan: ReturnType<typeof planDemoActivity>,
    say: (line: string) => void,
    now: Date,
  ): Promise<DemoActivityReport['rules']> {
    const done = { table: false, policy: false, capitation: false };
    if ((await this.tables.load(cityId, false)).version === 0) {
      await this.loadStarterTable.execute(
        OPERATOR,
        LoadStarterReimbursementTableCommand.create({
          clientRequestId: requestId(`starter-table:${cityId}`),
          regionId: cityId,
          fromVersion: 0,
          effectiveFrom: plan.effectiveFrom,
        }),
        now,
      );
      done.table = true;
    }
    if ((await this.rules.load(cityId, false)).version === 0) {
      await this.putPolicies.execute(
        OPERATOR,
        PutSettlementPoliciesCommand.create({
          clientRequestId: requestId(`settlement-policies:${cityId}`),
          regionId: cityId,
          fromVersion: 0,
          policies: [plan.policy],
          schemes: [],
        }),
        now,
      );
      done.policy = true;
    }
    if ((await this.budgets.capitationSchedule(cityId, false)).version === 0) {
      await this.putRates.execute(
        OPERATOR,
        PutCapitationRatesCommand.create({
          clientRequestId: requestId(`capitation-rates:${cityId}`),
          regionId: cityId,
          fromVersion: 0,
          rates: [...plan.capitationRates],
        }),
        now,
      );
      done.capitation = true;
    }
    const said = [
      done.table ? `starter reimbursement table from ${plan.effectiveFrom}` : null,
      done.policy ? 'settlement policy (surplus 60% retained, overspend 6:4 fund and finance)' : null,
      done.capitation ? 'capitation rates (¥120 a year per contracted resident, diabetes ¥7,500)' : null,
    ].filter((s): s is string => s !== null);
    say(
      said.length ? `rules: ${said.join('; ')}` : 'rules: the city has its table, policy and rates already',
    );
    return done;
  }

  private async cover(
    plan: ReturnType<typeof planDemoActivity>,
    say: (line: string) => void,
    now: Date,
  ): Promise<number> {
    const covered = new Set(
      (
        await this.uow
          .manager()
          .query<{ resident_id: string }[]>(
            `SELECT DISTINCT resident_id FROM coverage_spell WHERE resident_id = ANY($1)`,
            [plan.coverage.map((r) => r.residentId)],
          )
      ).map((r) => r.resident_id),
    );
    const rows = plan.coverage.filter((row) => !covered.has(row.residentId));
    for (let start = 0; start < rows.length; start += COVERAGE_CHUNK) {
      const chunk = rows.slice(start, start + COVERAGE_CHUNK);
      await this.loadCoverage.execute(
        OPERATOR,
        LoadCoverageCommand.create({
          clientRequestId: requestId(`coverage:${chunk.map((r) => r.residentId).join(',')}`),
          rows: chunk,
        }),
        now,
      );
    }
    say(
      rows.length
        ? `coverage: ${rows.length} residents loaded (${covered.size} covered already)`
        : `coverage: all ${covered.size} residents the claims name are covered already`,
    );
    return rows.length;
  }

  private async submit(
    planned: readonly PlannedClaim[],
    say: (line: string) => void,
    now: Date,
  ): Promise<DemoActivityReport['claims']> {
    const institutions = [...new Set(planned.map((c) => c.institutionId))];
    const existing = new Set(
      (
        await this.uow
          .manager()
          .query<{ key: string }[]>(
            `SELECT institution_id || ':' || claim_number AS key FROM claim WHERE institution_id = ANY($1) AND claim_number LIKE 'DEMO-%'`,
            [institutions],
          )
      ).map((r) => r.key),
    );
    const missing = planned.filter((c) => !existing.has(`${c.institutionId}:${c.claim.claimNumber}`));
    const batches: PlannedClaim[][] = [];
    for (const institutionId of institutions) {
      const own = missing.filter((c) => c.institutionId === institutionId);
      for (let start = 0; start < own.length; start += BATCH_CLAIMS_MAX)
        batches.push(own.slice(start, start + BATCH_CLAIMS_MAX));
    }
    let received = 0;
    const refusals = new Map<string, number>();
    const work = async (): Promise<void> => {
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        const { groupId, institutionId, level } = batch[0]!;
        const staff: Identity = {
          subject: `demo-his-${institutionId}`,
          role: level === 'primary' ? 'primary-staff' : 'hospital-staff',
          institutionId,
          groupId,
          practitionerId: null,
        };
        const outcomes = await this.submitClaims.execute(
          staff,
          SubmitClaimsCommand.create({
            clientRequestId: requestId(`claims:${batch.map((c) => c.claim.claimNumber).join(',')}`),
            claims: batch.map((c) => c.claim),
          }),
          now,
        );
        for (const outcome of outcomes) {
          if ('claim' in outcome) received += 1;
          else refusals.set(outcome.refusal.code, (refusals.get(outcome.refusal.code) ?? 0) + 1);
        }
      }
    };
    await Promise.all(Array.from({ length: CLAIM_WORKERS }, work));
    const refused = [...refusals.values()].reduce((a, b) => a + b, 0);
    const why = [...refusals].map(([code, n]) => `${n} ${code}`).join(', ');
    say(
      missing.length
        ? `claims: ${received} received${refused ? `, ${refused} refused (${why})` : ''}; ${existing.size} there already`
        : `claims: all ${planned.length} there already`,
    );
    return { received, refused, existing: planned.length - missing.length };
  }

  private async setBudgets(
    city: DemoCity,
    plan: ReturnType<typeof planDemoActivity>,
    say: (line: string) => void,
    now: Date,
  ): Promise<number> {
    let set = 0;
    for (const planned of plan.budgets) {
      const period = monthPeriod(planned.month);
      if (await this.budgets.globalBudgetFor(planned.groupId, period)) continue;
      if (await this.runs.findFor(planned.groupId, period)) continue;
      const figures = await this.uow.run(() => this.claimsToSettle.figuresInForce(planned.groupId, period));
      const spend = figures.rows.reduce((total, row) => total + Number(row.fund), 0);
      // A month not over is budgeted on its spend so far, projected over its days.
      const lastDay = addDays(period.until, -1);
      const daysSoFar = city.today < lastDay ? Number(city.today.slice(8, 10)) : Number(lastDay.slice(8, 10));
      const projected = Math.round((spend * Number(lastDay.slice(8, 10))) / daysSoFar);
      const capitation = await this.capitation.execute(city.cityId, planned.groupId, planned.month);
      const amount = Math.max(
        0,
        Math.round((projected * planned.ratioBp) / 10_000) - Number(capitation.amount),
      );
      await this.putBudget.execute(
        OPERATOR,
        PutGlobalBudgetCommand.create({
          clientRequestId: requestId(`global-budget:${planned.groupId}:${planned.month}`),
          budget: {
            groupId: planned.groupId,
            month: planned.month,
            amount,
            residents: planned.residents,
            basis: planned.basis,
          },
        }),
        now,
      );
      set += 1;
    }
    say(
      set
        ? `budgets: ${set} global budgets set (${plan.months.join(', ')}), sized on the fund's spend`
        : `budgets: every group has its budgets for ${plan.months.join(', ')} already`,
    );
    return set;
  }

  private async settle(
    plan: ReturnType<typeof planDemoActivity>,
    say: (line: string) => void,
    now: Date,
  ): Promise<number> {
    let settled = 0;
    for (const { groupId, month } of plan.settlements) {
      if (await this.runs.findFor(groupId, monthPeriod(month))) continue;
      try {
        const { result } = await this.startRun.execute(
          OPERATOR,
          StartSettlementRunCommand.create({
            clientRequestId: requestId(`settlement-run:${groupId}:${month}`),
            groupId,
            month,
          }),
          now,
        );
        const balance =
          result.balance.kind === 'even'
            ? 'even'
            : `${result.balance.kind} ${yuan(Number(result.balance.amount))}`;
        say(
          `settlement: group ${groupId} ${month}: fund paid ${yuan(Number(result.fundPaid))} against ${yuan(Number(result.budget))}, ${balance}`,
        );
        settled += 1;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        say(`settlement: group ${groupId} ${month} not settled: ${error.code} ${error.message}`);
      }
    }
    if (!settled) say('settlement: every planned run is there already');
    if (plan.leftUnsettled)
      say(
        `settlement: ${plan.leftUnsettled.month} of group ${plan.leftUnsettled.groupId} is left for an operator to settle`,
      );
    return settled;
  }
}
