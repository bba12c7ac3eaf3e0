import { claimServiceV1, paymentV1 } from '@medgrid/contracts';
import { aFreshResidentId } from '../scheduling-fixtures';
import { type Flow, type FlowContext } from './flows';

const { Scheme, EncounterKind } = paymentV1;
const { LineKind } = claimServiceV1;

/**
 * Claims to settlement (payment): the city's insurance administration covers `size` residents, the run's group's
 * community centre submits a claim for each (a ¥500 HbA1c in the flow's own month) in one SubmitClaims batch, the
 * administration sets the group's global budget for the month and settles it. A month is settled once per group, so
 * each claims flow of a run has a month of its own (ctx.months) in a group of the run's own.
 */
export async function claimsSettled(flow: Flow, ctx: FlowContext): Promise<void> {
  const c = ctx.city.side.clients;
  const r = flow.requestIds;
  const operator = ctx.city.h.registry.operator;
  const { groupId, centre } = ctx.payment;
  const month = ctx.months.get(flow.index)!;
  flow.month = month;
  const residents = Array.from({ length: flow.size }, () => aFreshResidentId());
  flow.residents = residents;
  const coverage = {
    clientRequestId: r.coverage!,
    rows: residents.map((residentId) => ({
      residentId,
      scheme: Scheme.SCHEME_URBAN_EMPLOYEE,
      from: '2020-01-01',
      until: '',
    })),
  };
  await ctx.call(c.enrolment, c.enrolment.loadCoverage, coverage, operator);

  flow.claimNumbers = residents.map((_, i) => `OP-${r.claims!}-${i}`);
  const batch = {
    clientRequestId: r.claims!,
    claims: residents.map((residentId, i) =>
      claimServiceV1.ClaimContent.fromPartial({
        claimNumber: flow.claimNumbers![i]!,
        residentId,
        serviceDate: `${month}-${String(10 + i).padStart(2, '0')}`,
        encounter: EncounterKind.ENCOUNTER_KIND_OUTPATIENT,
        lines: [
          { code: 'LAB-HBA1C', kind: LineKind.LINE_KIND_ITEM, quantity: 1, unitPrice: 50000, amount: 50000 },
        ],
        principalDiagnosis: 'E11.900',
        diseaseGroup: 'E11',
        referralId: '',
        contracted: false,
      }),
    ),
  };
  const { outcomes } = await ctx.call(c.claims, c.claims.submitClaims, batch, centre);
  const refused = outcomes.filter((o) => o.refusal);
  if (refused.length > 0)
    throw new Error(
      `claims refused: ${refused.map((o) => `claims[${o.index}] ${o.refusal!.status} ${o.refusal!.reason}`).join(', ')}`,
    );
  flow.claimIds = outcomes.map((o) => o.claim!.id);

  const budget = {
    clientRequestId: r.budget!,
    budget: {
      groupId,
      month,
      amount: 100_000,
      residents: 1000,
      basis: 'integrated-service agreement',
      setAt: undefined,
    },
  };
  await ctx.call(c.budgets, c.budgets.putGlobalBudget, budget, operator);
  const settling = { clientRequestId: r.settle!, groupId, month };
  const { run } = await ctx.call(c.settlement, c.settlement.startSettlementRun, settling, operator);
  flow.runId = run!.runId;
  const counted = run!.institutions.reduce((n, i) => n + (i.figures?.claims ?? 0), 0);
  if (counted !== flow.size)
    throw new Error(`the settlement of ${month} counted ${counted} of ${flow.size} claims`);
  flow.outcome = 'SETTLED';
}
