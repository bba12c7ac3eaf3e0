import { credentials, status } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import {
  budgetServiceV1,
  claimServiceV1,
  paymentV1,
  SettlementCompletedEvent,
  settlementServiceV1,
} from '@medgrid/contracts';
import { aResidentId, anIdentity } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { expectEveryCallRefusedForTheClaimedGroup } from './group-claim';
import { fails } from './grpc-call';
import { outboxEvents } from './outbox';
import { PaymentHarness } from './payment-harness';

const { Scheme, EncounterKind } = paymentV1;
const { LineKind } = claimServiceV1;

/** The calendar month before this one (UTC), YYYY-MM: over, so it can be settled. */
function lastMonth(): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

/**
 * Payment's budgets and settlement as a city's insurance administration and a group's administrators meet them:
 * the fund's policy and rates, a group's global budget, its institutions' claims of a month, the month settled
 * into a ledger matching the policy (a surplus retained, an overspend shared), and the month closed to new claims;
 * the registry and the service as processes.
 */
describe('payment: budgets and settlement', () => {
  const h = new PaymentHarness();
  const operator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });
  const month = lastMonth();
  const serviceDate = `${month}-10`;
  let residentSerial = 500 + Math.floor(Math.random() * 400_000);
  let budgets: budgetServiceV1.BudgetServiceClient;
  let settlement: settlementServiceV1.SettlementServiceClient;
  let regionId: string;

  beforeAll(async () => {
    await h.start('payment_settlement');
    budgets = new budgetServiceV1.BudgetServiceClient(h.process.grpcAddress, credentials.createInsecure());
    settlement = new settlementServiceV1.SettlementServiceClient(
      h.process.grpcAddress,
      credentials.createInsecure(),
    );
  });
  afterAll(async () => {
    budgets?.close();
    settlement?.close();
    await h.stop();
  });

  /** A complete group of the registry's city; the city's starter table and the study's policy loaded once. */
  async function aGroup() {
    const group = await h.completeGroup();
    if (!regionId) {
      regionId = group.regionId;
      await h.call(
        h.rules,
        h.rules.loadStarterReimbursementTable,
        { clientRequestId: uuidv7(), regionId, fromVersion: 0, effectiveFrom: '2020-01-01' },
        operator,
      );
      const put = await h.call(
        settlement,
        settlement.putSettlementPolicies,
        {
          clientRequestId: uuidv7(),
          regionId,
          fromVersion: 0,
          policies: [
            {
              from: '2020-01-01',
              until: '',
              surplusRetainedBp: 6000,
              overspendFundBp: 6000,
              overspendFinanceBp: 4000,
              basis: 'surplus 60% retained, overspend 6:4 fund and finance [First-contact study]',
            },
          ],
          // Inpatient stays with a disease group by points (DIP); outpatient visits fee-for-service.
          schemes: [
            {
              from: '2020-01-01',
              until: '',
              perCase: [],
              bedDayDiseaseGroups: [],
              bedDayPrimary: 0,
              bedDaySecondary: 0,
              bedDayTertiary: 0,
              pointsForInpatient: true,
            },
          ],
        },
        operator,
      );
      expect(put).toMatchObject({ regionId, version: 1 });
    }
    return group;
  }

  const setBudget = (groupId: string, amount: number) =>
    h.call(
      budgets,
      budgets.putGlobalBudget,
      {
        clientRequestId: uuidv7(),
        budget: {
          groupId,
          month,
          amount,
          residents: 1000,
          basis: 'integrated-service agreement',
          setAt: undefined,
        },
      },
      operator,
    );

  /** A new covered resident's ¥500 examination at the centre: the ¥200 deductible, then 70% of ¥300 (21,000 fen). */
  async function aClaimAt(centre: Identity, date = serviceDate, inpatientDays = 0) {
    const residentId = aResidentId((residentSerial += 1));
    await h.call(
      h.enrolment,
      h.enrolment.loadCoverage,
      {
        clientRequestId: uuidv7(),
        rows: [{ residentId, scheme: Scheme.SCHEME_URBAN_EMPLOYEE, from: '2020-01-01', until: '' }],
      },
      operator,
    );
    const claim = claimServiceV1.ClaimContent.fromPartial({
      claimNumber: `OP-${uuidv7()}`,
      residentId,
      serviceDate: date,
      encounter: inpatientDays
        ? EncounterKind.ENCOUNTER_KIND_INPATIENT
        : EncounterKind.ENCOUNTER_KIND_OUTPATIENT,
      inpatientDays,
      lines: [
        { code: 'LAB-HBA1C', kind: LineKind.LINE_KIND_ITEM, quantity: 1, unitPrice: 50000, amount: 50000 },
      ],
      principalDiagnosis: 'E11.900',
      diseaseGroup: 'E11',
      referralId: '',
      contracted: false,
    });
    return h.call(h.claims, h.claims.submitClaim, { clientRequestId: uuidv7(), claim }, centre);
  }

  const run = (groupId: string, clientRequestId = uuidv7(), m = month) =>
    h.call(settlement, settlement.startSettlementRun, { clientRequestId, groupId, month: m }, operator);

  /** Each account's balance over a run's ledger (debits less credits). */
  const balances = (ledger: readonly settlementServiceV1.LedgerLine[]) => {
    const result = new Map<string, number>();
    for (const line of ledger)
      result.set(line.account, (result.get(line.account) ?? 0) + line.debit - line.credit);
    return result;
  };

  it('keeps the fund’s capitation rates as versions, never changing a rate in force', async () => {
    await aGroup();
    const rate = {
      diseaseGroup: 'E11',
      annualPerResident: 750_000,
      from: '2020-01-01',
      until: '',
      basis: 'Tianjin: ¥7,500 a year per diabetic patient [Pilot work plan 2023]',
    };
    const put = await h.call(
      budgets,
      budgets.putCapitationRates,
      { clientRequestId: uuidv7(), regionId, fromVersion: 0, rates: [rate] },
      operator,
    );
    expect(put.schedule).toMatchObject({ regionId, version: 1, rates: [rate] });

    const refused = await fails(
      h.call(
        budgets,
        budgets.putCapitationRates,
        {
          clientRequestId: uuidv7(),
          regionId,
          fromVersion: 1,
          rates: [{ ...rate, annualPerResident: 720_000 }],
        },
        operator,
      ),
    );
    expect(refused).toMatchObject({ code: status.INVALID_ARGUMENT });
    expect(refused.fieldViolations.map((v) => [v.field, v.reason])).toEqual([
      ['rates[0]', 'RETROACTIVE_CHANGE'],
      ['rates', 'RETROACTIVE_CHANGE'],
    ]);
    const read = await h.call(budgets, budgets.getCapitationRates, { regionId }, operator);
    expect(read.schedule!.version).toBe(1);
  });

  it('settles a surplus: the budget less the claims, 60% of what is left retained by the group, as a balanced ledger read by the group’s administrators', async () => {
    const group = await aGroup();
    await setBudget(group.groupId, 100_000);
    const read = await h.call(budgets, budgets.getGlobalBudgets, { groupId: group.groupId }, group.admin);
    expect(read.budgets).toEqual([expect.objectContaining({ month, amount: 100_000 })]);
    const claims = [await aClaimAt(group.centre), await aClaimAt(group.centre)];
    expect(claims.map((c) => c.claim!.versions[0]!.adjudication!.fund)).toEqual([21_000, 21_000]);

    const { run: settled } = await run(group.groupId);

    expect(settled).toMatchObject({
      groupId: group.groupId,
      regionId,
      periodFrom: `${month}-01`,
      budget: 100_000,
      fundPaid: 42_000,
      patientPaid: 58_000,
      balance: { kind: 'SURPLUS', amount: 58_000, retainedByGroup: 34_800, returnedToFund: 23_200 },
    });
    expect(settled!.institutions.map((i) => [i.institutionId, i.figures!.claims])).toEqual([
      [group.centreId, 2],
    ]);
    const ledger = balances(settled!.ledger);
    expect(ledger.get(`budget:${group.groupId}`)).toBe(0);
    expect(ledger.get(`group:${group.groupId}:retained`)).toBe(-34_800);
    expect(ledger.get(`institution:${group.centreId}`)).toBe(-(42_000 + 58_000));
    expect([...ledger.values()].reduce((a, b) => a + b, 0)).toBe(0);

    const again = await h.call(
      settlement,
      settlement.getSettlementRun,
      { runId: settled!.runId },
      group.admin,
    );
    expect(again.run).toEqual(settled);
    const report = await h.call(
      settlement,
      settlement.getSettlementReport,
      { groupId: group.groupId, month },
      operator,
    );
    expect(report.run!.runId).toBe(settled!.runId);
    expect(report.csv.split('\r\n')[0]).toContain(',');
    expect(report.csv).toContain('1000.00');
    const events = await outboxEvents(h.sql, group.groupId, SettlementCompletedEvent);
    expect(events).toEqual([
      expect.objectContaining({
        runId: settled!.runId,
        claims: 2,
        balanceKind: 'SURPLUS',
        balanceAmount: 58_000,
      }),
    ]);
  });

  it('settles an overspend shared 6:4 between the fund and public finance', async () => {
    const group = await aGroup();
    await setBudget(group.groupId, 30_000);
    await aClaimAt(group.centre);
    await aClaimAt(group.centre);

    const { run: settled } = await run(group.groupId);

    expect(settled!.balance).toEqual({
      kind: 'OVERSPEND',
      amount: 12_000,
      retainedByGroup: 0,
      returnedToFund: 0,
      coveredByFund: 7_200,
      coveredByFinance: 4_800,
      borneByGroup: 0,
    });
    const ledger = balances(settled!.ledger);
    expect(ledger.get('public-finance')).toBe(4_800);
    expect(ledger.get(`budget:${group.groupId}`)).toBe(0);
  });

  it('settles inpatient stays by points: the pot is what the budget leaves after the other claims, paid at the month’s point value', async () => {
    const group = await aGroup();
    await setBudget(group.groupId, 100_000);
    await aClaimAt(group.centre); // an outpatient visit, fee-for-service: 21,000 fen
    await aClaimAt(group.centre, serviceDate, 5);
    await aClaimAt(group.centre, serviceDate, 3);

    const { run: settled } = await run(group.groupId);

    // Two diabetes stays of 120 points each (the starter disease groups) share the 79,000 fen left.
    expect(settled!.pointValue).toEqual({ pot: 79_000, totalWeight: '2400000', fenPerPoint: '329.1667' });
    expect(settled!.institutions.map((i) => [i.figures!.claims, i.figures!.fund, i.byPoints])).toEqual([
      [3, 100_000, 79_000],
    ]);
    expect(settled!.balance).toMatchObject({ kind: 'EVEN' });
  });

  it('settles a month once: a retry is answered with its run, another run is refused, and a claim of the month is then refused', async () => {
    const group = await aGroup();
    await setBudget(group.groupId, 50_000);
    await aClaimAt(group.centre);
    const requestId = uuidv7();

    const first = await run(group.groupId, requestId);
    const retry = await run(group.groupId, requestId);
    const second = await fails(run(group.groupId));

    expect(retry.run!.runId).toBe(first.run!.runId);
    expect(second).toMatchObject({ code: status.ALREADY_EXISTS, reason: 'PERIOD_ALREADY_SETTLED' });
    expect(second.fieldViolations.map((v) => v.field)).toEqual(['month']);
    const late = await fails(aClaimAt(group.centre));
    expect(late).toMatchObject({ code: status.FAILED_PRECONDITION, reason: 'PERIOD_ALREADY_SETTLED' });
    // What the month was settled against stays as it was.
    const rebudget = await fails(setBudget(group.groupId, 60_000));
    expect(rebudget).toMatchObject({ code: status.FAILED_PRECONDITION, reason: 'PERIOD_ALREADY_SETTLED' });
    expect(rebudget.fieldViolations.map((v) => v.field)).toEqual(['budget.month']);
  });

  it('refuses bad input precisely: a malformed month and group, a month not over, a share beyond the whole, a caller not the insurer', async () => {
    const group = await aGroup();

    const malformed = await fails(
      h.call(
        settlement,
        settlement.startSettlementRun,
        { clientRequestId: uuidv7(), groupId: 'not-a-group', month: '2026-13' },
        operator,
      ),
    );
    expect(malformed).toMatchObject({ code: status.INVALID_ARGUMENT });
    expect(malformed.fieldViolations.map((v) => [v.field, v.reason])).toEqual([
      ['groupId', expect.any(String)],
      ['month', 'INVALID_PERIOD'],
    ]);
    const thisMonth = new Date().toISOString().slice(0, 7);
    expect(await fails(run(group.groupId, uuidv7(), thisMonth))).toMatchObject({
      code: status.FAILED_PRECONDITION,
      reason: 'PERIOD_NOT_OVER',
    });
    const share = await fails(
      h.call(
        settlement,
        settlement.putSettlementPolicies,
        {
          clientRequestId: uuidv7(),
          regionId,
          fromVersion: 1,
          policies: [
            {
              from: '2020-01-01',
              until: '',
              surplusRetainedBp: 12_000,
              overspendFundBp: 6000,
              overspendFinanceBp: 4000,
              basis: 'too much',
            },
          ],
          schemes: [],
        },
        operator,
      ),
    );
    expect(share).toMatchObject({ code: status.INVALID_ARGUMENT });
    expect(share.fieldViolations.map((v) => [v.field, v.reason])).toEqual([
      ['policies[0].surplusRetainedBp', 'SHARE_OUT_OF_RANGE'],
    ]);
    const budget = await fails(setBudget(group.groupId, -1));
    expect(budget.fieldViolations.map((v) => v.field)).toEqual(['budget.amount']);
    const badMonth = await fails(
      h.call(
        budgets,
        budgets.putGlobalBudget,
        {
          clientRequestId: uuidv7(),
          budget: {
            groupId: group.groupId,
            month: '2026-1',
            amount: 1,
            residents: 1,
            basis: 'b',
            setAt: undefined,
          },
        },
        operator,
      ),
    );
    expect(badMonth.fieldViolations.map((v) => [v.field, v.reason])).toEqual([
      ['budget.month', 'INVALID_PERIOD'],
    ]);
    expect(
      await fails(
        h.call(
          settlement,
          settlement.startSettlementRun,
          { clientRequestId: uuidv7(), groupId: group.groupId, month },
          group.admin,
        ),
      ),
    ).toMatchObject({ code: status.PERMISSION_DENIED });
  });

  it('refuses every budget and settlement call when the institution is not in the claimed group, and audits each', async () => {
    const group = await h.newGroup();
    const other = await h.newGroup();

    await expectEveryCallRefusedForTheClaimedGroup({
      address: h.process.grpcAddress,
      services: [budgetServiceV1.BudgetServiceService, settlementServiceV1.SettlementServiceService],
      token: await h.registry.auth.token({ ...group.centre, groupId: other.groupId }),
      institutionId: group.centreId,
      claimedGroupId: other.groupId,
      sql: h.sql,
    });
  });
});
