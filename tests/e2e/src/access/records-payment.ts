import { waitFor } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type CityGroup } from './access-city';
import { type RecordMaker } from './access-records';
import { claimContent, settledMonth } from './access-requests';

const URBAN_EMPLOYEE = 1;

/**
 * payment's records: the city's starter reimbursement table and settlement policy and its residents' coverage (the
 * city operator, as the insurance administration), then in each group a claim of the lead hospital and one of the
 * community centre submitted by their staff (and one more each for correcting), and last month settled for the group
 * (its budget set, its run started), the group's record for each of its institutions.
 */
export async function makePaymentRecords(maker: RecordMaker): Promise<void> {
  const { ours, theirs, cityId } = maker.city;
  const payment = maker.city.targets.get('payment')!;
  await waitFor(
    "payment to learn the groups' city",
    async () => {
      const { rows } = await payment.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM known_grid g JOIN known_city c ON c.id = g.city_id WHERE g.id = ANY($1)`,
        [[ours.gridId, theirs.gridId]],
      );
      return rows[0]!.n === 2 ? true : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 200 },
  );
  const operator = maker.operator;
  await maker.call('payment.v1.RuleService/LoadStarterReimbursementTable', operator, {
    regionId: cityId,
    fromVersion: 0,
    effectiveFrom: '2020-01-01',
  });
  await maker.call('payment.v1.SettlementService/PutSettlementPolicies', operator, {
    regionId: cityId,
    fromVersion: 0,
    policies: [
      {
        from: '2020-01-01',
        until: '',
        surplusRetainedBp: 6000,
        overspendFundBp: 6000,
        overspendFinanceBp: 4000,
        basis: 'surplus 60% retained, overspend 6:4 fund and finance',
      },
    ],
    schemes: [],
  });
  await maker.call('payment.v1.EnrolmentService/LoadCoverage', operator, {
    rows: [ours, theirs].map((group) => ({
      residentId: group.residentId,
      scheme: URBAN_EMPLOYEE,
      from: '2020-01-01',
      until: '',
    })),
  });
  await Promise.all([ours, theirs].map((group) => groupRecords(maker, group)));
}

async function groupRecords(maker: RecordMaker, group: CityGroup): Promise<void> {
  for (const [site, role] of [
    [group.leadId, 'hospital-staff'],
    [group.centreId, 'primary-staff'],
  ] as const) {
    const staff = maker.as(role, group, site);
    const submit = async (kind: 'claim' | 'claim-for-steps') => {
      const claim = claimContent(group.residentId);
      maker.records.set(
        kind,
        site,
        await maker.make('payment.v1.ClaimService/SubmitClaim', staff, { claim }, 'claim.id'),
      );
      return claim.claimNumber as string;
    };
    await submit('claim');
    // A correction names the claim by its number too.
    maker.records.set('claim-number-for-steps', site, await submit('claim-for-steps'));
  }
  const month = settledMonth();
  const operator = maker.operator;
  await maker.call('payment.v1.BudgetService/PutGlobalBudget', operator, {
    budget: {
      groupId: group.groupId,
      month,
      amount: 100_000n,
      residents: 1000,
      basis: 'integrated-service agreement',
    },
  });
  const run = await maker.make(
    'payment.v1.SettlementService/StartSettlementRun',
    operator,
    { groupId: group.groupId, month, clientRequestId: uuidv7() },
    'run.runId',
  );
  maker.records.set('settlement-run', [group.leadId, group.secondaryId, group.centreId], run);
}
