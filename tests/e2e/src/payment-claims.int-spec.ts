import { status } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import {
  ClaimAdjudicatedEvent,
  claimEventsV1,
  claimServiceV1,
  paymentV1,
  type ruleServiceV1,
} from '@medgrid/contracts';
import { localDate } from '@medgrid/kernel';
import { aResidentId, anIdentity } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { fails } from './grpc-call';
import { outboxEvents } from './outbox';
import { PaymentHarness } from './payment-harness';

const { Scheme, EncounterKind } = paymentV1;
const { LineKind } = claimServiceV1;
const DAY = 86_400_000;

/**
 * Payment's coverage, reimbursement tables and claims as an insurer, a city's insurance administration and a
 * group's institutions meet them, with the service running as a process learning the group from the registry.
 */
describe('payment: coverage, the reimbursement table and claims', () => {
  const h = new PaymentHarness();
  const operator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });
  let group: Awaited<ReturnType<PaymentHarness['completeGroup']>>;
  /** A week ago, in Asia/Shanghai: a visit's date, after the starter table and the coverage took effect. */
  const serviceDate = localDate(new Date(Date.now() - 7 * DAY));
  let residentSerial = 500 + Math.floor(Math.random() * 400_000);
  const aResident = () => aResidentId((residentSerial += 1));

  beforeAll(async () => {
    await h.start('payment_claims');
    group = await h.completeGroup();
    await h.call(
      h.rules,
      h.rules.loadStarterReimbursementTable,
      { clientRequestId: uuidv7(), regionId: group.regionId, fromVersion: 0, effectiveFrom: '2020-01-01' },
      operator,
    );
  });
  afterAll(() => h.stop());

  const cover = (residentId: string, scheme = Scheme.SCHEME_URBAN_EMPLOYEE) =>
    h.call(
      h.enrolment,
      h.enrolment.loadCoverage,
      { clientRequestId: uuidv7(), rows: [{ residentId, scheme, from: '2020-01-01', until: '' }] },
      operator,
    );

  /** An uncontracted resident's outpatient visit without a referral: a ¥500 examination, changed as asked. */
  const aClaim = (overrides: Partial<claimServiceV1.ClaimContent> = {}): claimServiceV1.ClaimContent =>
    claimServiceV1.ClaimContent.fromPartial({
      claimNumber: `OP-${uuidv7()}`,
      serviceDate,
      encounter: EncounterKind.ENCOUNTER_KIND_OUTPATIENT,
      lines: [
        { code: 'LAB-HBA1C', kind: LineKind.LINE_KIND_ITEM, quantity: 1, unitPrice: 50000, amount: 50000 },
      ],
      principalDiagnosis: 'E11.900',
      diseaseGroup: 'E11',
      referralId: '',
      contracted: false,
      ...overrides,
    });

  const submit = (identity: Identity, claim: claimServiceV1.ClaimContent, clientRequestId = uuidv7()) =>
    h.call(h.claims, h.claims.submitClaim, { clientRequestId, claim }, identity).then((r) => r.claim!);

  it('loads the starter table for the group’s city and answers the table in force at an instant, every version kept', async () => {
    const before = new Date();
    const { table } = await h.call(
      h.rules,
      h.rules.getReimbursementTable,
      { regionId: group.regionId, at: before },
      operator,
    );
    expect(table).toMatchObject({ regionId: group.regionId, version: 1, on: localDate(before) });
    expect(table!.rules).toHaveLength(48);

    // A new version may not change what was in force today or before: the rate of a row in force is refused.
    const changed: ruleServiceV1.ReimbursementRule[] = table!.rules.map((rule, i) =>
      i === 3 ? { ...rule, rateBp: rule.rateBp + 500 } : rule,
    );
    const refused = await fails(
      h.call(
        h.rules,
        h.rules.putReimbursementTable,
        { clientRequestId: uuidv7(), regionId: group.regionId, fromVersion: 1, rules: changed },
        operator,
      ),
    );
    expect(refused).toMatchObject({ code: status.INVALID_ARGUMENT, reason: 'RETROACTIVE_CHANGE' });
    expect(refused.fieldViolations.map((v) => v.field)).toEqual(['rules[3]', 'rules']);

    // The same rows ending tomorrow, and a new rate for one of them from tomorrow, are a new version.
    const tomorrow = localDate(new Date(Date.now() + DAY));
    const next = await h.call(
      h.rules,
      h.rules.putReimbursementTable,
      {
        clientRequestId: uuidv7(),
        regionId: group.regionId,
        fromVersion: 1,
        rules: [
          ...table!.rules.map((rule, i) => (i === 3 ? { ...rule, until: tomorrow } : rule)),
          { ...table!.rules[3]!, from: tomorrow, rateBp: table!.rules[3]!.rateBp + 500 },
        ],
      },
      operator,
    );
    expect(next.table).toMatchObject({ version: 2 });
    expect(next.table!.rules).toHaveLength(49);
    const then = await h.call(
      h.rules,
      h.rules.getReimbursementTable,
      { regionId: group.regionId, at: before },
      operator,
    );
    expect(then.table!.version).toBe(1);
  });

  it('loads the insurer’s roll all or nothing, reporting every row, and answers a resident’s coverage, audited', async () => {
    const [employee, villager, refusedOne] = [aResident(), aResident(), aResident()];

    const refused = await fails(
      h.call(
        h.enrolment,
        h.enrolment.loadCoverage,
        {
          clientRequestId: uuidv7(),
          rows: [
            { residentId: refusedOne, scheme: Scheme.SCHEME_URBAN_EMPLOYEE, from: '2020-01-01', until: '' },
            {
              residentId: '44010619600512001',
              scheme: Scheme.SCHEME_URBAN_EMPLOYEE,
              from: '2020-01-01',
              until: '',
            },
            { residentId: villager, scheme: Scheme.SCHEME_UNSPECIFIED, from: '2020-01-01', until: '' },
          ],
        },
        operator,
      ),
    );
    expect(refused.code).toBe(status.INVALID_ARGUMENT);
    expect(refused.fieldViolations.map((v) => [v.field, v.reason])).toEqual([
      ['rows[1].residentId', 'INVALID_RESIDENT_ID'],
      ['rows[2].scheme', 'UNKNOWN_SCHEME'],
    ]);

    const loaded = await h.call(
      h.enrolment,
      h.enrolment.loadCoverage,
      {
        clientRequestId: uuidv7(),
        rows: [
          { residentId: villager, scheme: Scheme.SCHEME_URBAN_RURAL_RESIDENT, from: '2020-01-01', until: '' },
          { residentId: employee, scheme: Scheme.SCHEME_URBAN_RURAL_RESIDENT, from: '2020-01-01', until: '' },
        ],
      },
      operator,
    );
    expect(loaded.residentCount).toBe(2);
    // The next roll finds the villager in work: the employees' scheme from the visit on ends the residents' one.
    const next = await h.call(
      h.enrolment,
      h.enrolment.loadCoverage,
      {
        clientRequestId: uuidv7(),
        rows: [{ residentId: employee, scheme: Scheme.SCHEME_URBAN_EMPLOYEE, from: serviceDate, until: '' }],
      },
      operator,
    );
    expect(next.rows).toEqual([{ index: 0, residentId: employee, endedSpellFrom: '2020-01-01' }]);
    expect(loaded.rows).toEqual([
      { index: 0, residentId: villager, endedSpellFrom: '' },
      { index: 1, residentId: employee, endedSpellFrom: '' },
    ]);

    const coverage = await h.call(
      h.enrolment,
      h.enrolment.getCoverage,
      { residentId: employee, at: new Date() },
      group.centre,
      { 'x-purpose': 'billing' },
    );
    expect(coverage).toMatchObject({
      covered: true,
      spell: { scheme: Scheme.SCHEME_URBAN_EMPLOYEE, from: serviceDate, until: '' },
    });
    expect(coverage.spells).toHaveLength(2);
    const none = await h.call(
      h.enrolment,
      h.enrolment.getCoverage,
      { residentId: refusedOne, at: undefined },
      operator,
    );
    expect(none).toMatchObject({ covered: false, spells: [] });
    expect(await h.readsOf('resident', employee)).toEqual([
      { actor_role: 'primary-staff', purpose: 'billing' },
    ]);
  });

  it('pays more at the primary centre than at the tertiary hospital visited without a referral: the 10-point cut', async () => {
    const [atPrimary, atTertiary] = [aResident(), aResident()];
    await cover(atPrimary);
    await cover(atTertiary);

    const primary = await submit(group.centre, aClaim({ residentId: atPrimary }));
    const tertiary = await submit(group.lead, aClaim({ residentId: atTertiary }));

    // ¥500 billed, the yearly deductible of ¥200 first; then 70% of ¥300 at primary, 50% - 10 points at tertiary.
    expect(primary.versions[0]!.adjudication).toMatchObject({
      ruleId: 'urban-employee/primary/outpatient/unreferred/uncontracted@2020-01-01',
      tableVersion: 2,
      rateBp: 7000,
      total: 50000,
      waived: 0,
      deductible: 20000,
      fund: 21000,
      patient: 29000,
    });
    expect(tertiary.versions[0]!.adjudication).toMatchObject({
      ruleId: 'urban-employee/tertiary/outpatient/unreferred/uncontracted@2020-01-01',
      rateBp: 4000,
      total: 50000,
      deductible: 20000,
      fund: 12000,
      patient: 38000,
    });
    expect(tertiary.versions[0]!.adjudication!.reasons.map((r) => r.detail)).toContainEqual(
      expect.stringMatching(/10 points less: a higher level visited without a referral/),
    );
    expect(tertiary.versions[0]!.institutionLevel).toBe(
      paymentV1.InstitutionLevel.INSTITUTION_LEVEL_TERTIARY,
    );
    const [event] = await outboxEvents(h.sql, tertiary.id, ClaimAdjudicatedEvent);
    expect(event).toMatchObject({
      change: claimEventsV1.ClaimChange.CLAIM_CHANGE_RECEIVED,
      claimId: tertiary.id,
      institutionId: group.leadId,
      groupId: group.groupId,
      regionId: group.regionId,
      version: 1,
      adjudication: { fund: 12000, patient: 38000 },
    });

    // The year's deductible is paid: the resident's next visit pays none.
    const again = await submit(group.centre, aClaim({ residentId: atPrimary }));
    expect(again.versions[0]!.adjudication).toMatchObject({ deductible: 0, fund: 35000, patient: 15000 });
  });

  it('answers a retried claim the same and refuses its number with other content, naming the field', async () => {
    const residentId = aResident();
    await cover(residentId);
    const claim = aClaim({ residentId });
    const clientRequestId = uuidv7();

    const first = await submit(group.centre, claim, clientRequestId);
    const retried = await submit(group.centre, claim, clientRequestId);
    const resent = await submit(group.centre, claim);
    const reused = await fails(submit(group.centre, { ...claim, contracted: true }));

    expect(retried).toEqual(first);
    expect(resent).toEqual(first);
    expect(reused).toMatchObject({ code: status.INVALID_ARGUMENT, reason: 'CLAIM_NUMBER_REUSED' });
    expect(reused.fieldViolations.map((v) => v.field)).toEqual(['claim.claimNumber']);
    expect(await outboxEvents(h.sql, first.id, ClaimAdjudicatedEvent)).toHaveLength(1);
  });

  it('corrects a claim as a new version, keeping the old one, and lets the group’s administrator read both, audited', async () => {
    const residentId = aResident();
    await cover(residentId);
    const claim = aClaim({
      residentId,
      lines: [
        {
          code: 'CONSULT-P',
          kind: LineKind.LINE_KIND_CONSULTATION,
          quantity: 1,
          unitPrice: 1000,
          amount: 1000,
        },
        { code: 'LAB-HBA1C', kind: LineKind.LINE_KIND_ITEM, quantity: 1, unitPrice: 50000, amount: 50000 },
      ],
    });
    const received = await submit(group.centre, claim);

    const { claim: corrected } = await h.call(
      h.claims,
      h.claims.correctClaim,
      {
        clientRequestId: uuidv7(),
        claimId: received.id,
        fromVersion: 1,
        claim: { ...claim, lines: claim.lines.slice(1) },
        reason: 'consultation billed in error',
      },
      group.centre,
    );

    expect(corrected!.version).toBe(2);
    expect(corrected!.versions[0]).toEqual(received.versions[0]);
    expect(corrected!.versions[1]).toMatchObject({
      version: 2,
      correctionReason: 'consultation billed in error',
      adjudication: { total: 50000, deductible: 20000, fund: 21000, patient: 29000 },
    });
    const { claim: read } = await h.call(h.claims, h.claims.getClaim, { claimId: received.id }, group.admin, {
      'x-purpose': 'settlement review',
    });
    expect(read).toEqual(corrected);
    expect(await h.readsOf('claim', received.id)).toEqual([
      { actor_role: 'group-admin', purpose: 'settlement review' },
    ]);
    expect(
      (await outboxEvents(h.sql, received.id, ClaimAdjudicatedEvent)).map((e) => [e.change, e.version]),
    ).toEqual([
      [claimEventsV1.ClaimChange.CLAIM_CHANGE_RECEIVED, 1],
      [claimEventsV1.ClaimChange.CLAIM_CHANGE_CORRECTED, 2],
    ]);
    const other = await h.completeGroup();
    const hidden = await fails(h.call(h.claims, h.claims.getClaim, { claimId: received.id }, other.admin));
    expect(hidden).toMatchObject({ code: status.NOT_FOUND, reason: 'CLAIM_NOT_FOUND' });
  });

  it('refuses bad input precisely: every bad field of a claim named as the request carried it, one by one in a batch', async () => {
    const residentId = aResident();
    await cover(residentId);

    const refused = await fails(
      submit(
        group.centre,
        aClaim({
          residentId,
          encounter: EncounterKind.ENCOUNTER_KIND_UNSPECIFIED,
          lines: [
            {
              code: 'LAB-HBA1C',
              kind: LineKind.LINE_KIND_ITEM,
              quantity: 2,
              unitPrice: 50000,
              amount: 50000,
            },
          ],
          principalDiagnosis: 'diabetes',
        }),
      ),
    );
    expect(refused.code).toBe(status.INVALID_ARGUMENT);
    expect(refused.fieldViolations.map((v) => [v.field, v.reason])).toEqual([
      ['claim.encounter', 'INVALID_CLAIM'],
      ['claim.lines[0].amount', 'AMOUNT_MISMATCH'],
      ['claim.principalDiagnosis', 'INVALID_DIAGNOSIS'],
    ]);
    const uncovered = await fails(submit(group.centre, aClaim({ residentId: aResident() })));
    expect(uncovered).toMatchObject({ code: status.FAILED_PRECONDITION, reason: 'NOT_COVERED' });
    expect(uncovered.fieldViolations.map((v) => v.field)).toEqual(['claim.serviceDate']);

    const batch = {
      clientRequestId: uuidv7(),
      claims: [
        aClaim({ residentId }),
        aClaim({
          residentId,
          lines: [{ code: 'X', kind: LineKind.LINE_KIND_DRUG, quantity: 1, unitPrice: 100, amount: 101 }],
        }),
      ],
    };
    const { outcomes } = await h.call(h.claims, h.claims.submitClaims, batch, group.centre);
    expect(outcomes[0]!.claim?.versions[0]!.adjudication).toMatchObject({ total: 50000 });
    expect(outcomes[1]).toMatchObject({
      index: 1,
      refusal: {
        status: 'INVALID_ARGUMENT',
        reason: 'INVALID_CLAIM',
        fields: [expect.objectContaining({ field: 'claims[1].lines[0].amount', reason: 'AMOUNT_MISMATCH' })],
      },
    });
    const retried = await h.call(h.claims, h.claims.submitClaims, batch, group.centre);
    expect(retried.outcomes[0]!.claim).toEqual(outcomes[0]!.claim);
  });
});
