import { credentials } from '@grpc/grpc-js';
import { anIdentity, type TestDatabase, uniqueSuffix, waitFor } from '@medgrid/testing';
import { claimServiceV1, enrolmentServiceV1, paymentV1, ruleServiceV1 } from '@medgrid/contracts';
import { localDate } from '@medgrid/kernel';
import { Client as PgClient } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { waitUntilCaughtUp } from './consumer-lag';
import { PAYMENT_INPUT_TOPICS } from './payment-harness';
import { ReferralHarness } from './referral-harness';
import { type GroupFixture } from './scheduling-fixtures';
import { ServiceProcess, serviceEnv } from './service-process';
import { migratedDatabase } from './migrated-database';

const { LineKind } = claimServiceV1;

/**
 * A claim's referral and contract as the platform knows them, with the registry, scheduling, referral and payment
 * as processes over Kafka: a hospital's claim for a patient the group's centre referred (accepted by the hospital)
 * and who has a contract with the group's team is paid the referred rate with the consultation fee waived, both
 * from referral's and the registry's real events; the same patient's claim naming a referral that does not exist
 * gets the 10-point reduction of an unreferred visit, with the reason in the adjudication, and is the group's one
 * first contact of the day (GetFirstContactStatistics) beside the one referred visit.
 */
describe('payment ⇄ referral: a claim’s referral and contract verified from the platform’s events', () => {
  const h = new ReferralHarness();
  const operator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });
  let paymentDb: TestDatabase;
  let payment: ServiceProcess;
  let paymentSql: PgClient;
  let claims: claimServiceV1.ClaimServiceClient;
  let rules: ruleServiceV1.RuleServiceClient;
  let enrolment: enrolmentServiceV1.EnrolmentServiceClient;
  let group: GroupFixture;

  beforeAll(async () => {
    await h.start('e2e_payment_referred');
    paymentDb = await migratedDatabase('payment', 'e2e_payment_referred_payment');
    const consumerGroup = `payment-referred-${uniqueSuffix()}`;
    payment = await ServiceProcess.onFreePorts(
      'payment',
      serviceEnv(paymentDb.url, h.registry.auth.publicKeyFile, { KAFKA_CONSUMER_GROUP: consumerGroup }),
    );
    await payment.start();
    await waitUntilCaughtUp(consumerGroup, PAYMENT_INPUT_TOPICS);
    const address = payment.grpcAddress;
    claims = new claimServiceV1.ClaimServiceClient(address, credentials.createInsecure());
    rules = new ruleServiceV1.RuleServiceClient(address, credentials.createInsecure());
    enrolment = new enrolmentServiceV1.EnrolmentServiceClient(address, credentials.createInsecure());
    paymentSql = new PgClient({ connectionString: paymentDb.url });
    await paymentSql.connect();
    group = await h.newGroup('03.04');
    await waitForPayment(
      'the group, its hospital, its team and its city',
      `SELECT (SELECT count(*) FROM known_institution WHERE id = $1 AND level = 'tertiary')
            + (SELECT count(*) FROM known_team WHERE id = $2)
            + (SELECT count(*) FROM known_grid g JOIN known_city c ON c.id = g.city_id WHERE g.id = $3) AS n`,
      [group.hospitalId, group.teamId, group.gridId],
      3,
    );
    await h.call(
      rules,
      rules.loadStarterReimbursementTable,
      { clientRequestId: uuidv7(), regionId: group.cityId, fromVersion: 0, effectiveFrom: '2020-01-01' },
      operator,
    );
  }, 300_000);

  afterAll(async () => {
    claims?.close();
    rules?.close();
    enrolment?.close();
    await paymentSql?.end();
    await payment?.stop();
    await paymentDb?.drop();
    await h.stop();
  }, 120_000);

  async function waitForPayment(what: string, sql: string, params: unknown[], wanted: number): Promise<void> {
    await waitFor(
      `payment to learn ${what}`,
      async () => {
        const { rows } = await paymentSql.query<{ n: string }>(sql, params);
        return Number(rows[0]!.n) === wanted ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
  }

  it('pays a referred contracted patient’s visit the referred rate with the fee waived, and a false referral 10 points less', async () => {
    const patient = await h.contractedResident(group);
    await h.call(
      enrolment,
      enrolment.loadCoverage,
      {
        clientRequestId: uuidv7(),
        rows: [
          {
            residentId: patient,
            scheme: paymentV1.Scheme.SCHEME_URBAN_EMPLOYEE,
            from: '2020-01-01',
            until: '',
          },
        ],
      },
      operator,
    );
    const { referral } = await h.call(
      h.referrals,
      h.referrals.createReferral,
      h.upward(group, patient),
      group.centre,
    );
    await h.call(h.referrals, h.referrals.acceptReferral, h.step(referral!.id), group.manager);
    await waitForPayment(
      'the accepted referral and the patient’s contract',
      `SELECT (SELECT count(*) FROM known_referral
                WHERE id = $1 AND status = 'accepted' AND accepted_at IS NOT NULL AND receiving_institution_id = $2)
            + (SELECT count(*) FROM family_doctor_contract WHERE resident_id_number = $3 AND version > 0) AS n`,
      [referral!.id, group.hospitalId, patient],
      2,
    );

    const hospital = anIdentity({
      role: 'hospital-staff',
      institutionId: group.hospitalId,
      groupId: group.groupId,
    });
    const claim = (referralId: string) =>
      claimServiceV1.ClaimContent.fromPartial({
        claimNumber: `OP-${uuidv7()}`,
        residentId: patient,
        serviceDate: localDate(new Date()),
        encounter: paymentV1.EncounterKind.ENCOUNTER_KIND_OUTPATIENT,
        lines: [
          {
            code: 'CONSULT-T',
            kind: LineKind.LINE_KIND_CONSULTATION,
            quantity: 1,
            unitPrice: 5000,
            amount: 5000,
          },
          { code: 'LAB-HBA1C', kind: LineKind.LINE_KIND_ITEM, quantity: 1, unitPrice: 45000, amount: 45000 },
        ],
        principalDiagnosis: 'I10.x00',
        diseaseGroup: 'I10',
        referralId,
        // The claim's word is not what counts: the contract is read from the registry's events.
        contracted: false,
      });
    const submit = async (content: claimServiceV1.ClaimContent) =>
      (await h.call(claims, claims.submitClaim, { clientRequestId: uuidv7(), claim: content }, hospital))
        .claim!.versions[0]!.adjudication!;

    const referred = await submit(claim(referral!.id));
    const unreferred = await submit(claim(uuidv7()));

    expect(referred).toMatchObject({
      referral: paymentV1.ReferralStatus.REFERRAL_STATUS_REFERRED,
      contract: paymentV1.ContractStatus.CONTRACT_STATUS_CONTRACTED,
      waived: 5000,
    });
    expect(referred.ruleId).toMatch(/\/tertiary\/outpatient\/referred\/contracted@/);
    expect(unreferred).toMatchObject({
      referral: paymentV1.ReferralStatus.REFERRAL_STATUS_UNREFERRED,
      contract: paymentV1.ContractStatus.CONTRACT_STATUS_CONTRACTED,
      waived: 0,
    });
    expect(referred.rateBp - unreferred.rateBp).toBe(1000);
    expect(
      unreferred.reasons
        .filter((r) => r.code === claimServiceV1.AdjudicationReasonCode.ADJUDICATION_REASON_CODE_VERIFIED)
        .map((r) => r.detail),
    ).toEqual([
      expect.stringMatching(/is not known to the platform: adjudicated as unreferred$/),
      expect.stringMatching(
        /has a family-doctor contract with the group in force on .*: adjudicated as contracted$/,
      ),
    ]);

    // Where the patient went first: the verified referral's visit is not a first contact, the false one's is.
    const today = localDate(new Date());
    const firstContacts = await h.call(
      claims,
      claims.getFirstContactStatistics,
      { from: today, until: today, groupId: group.groupId },
      operator,
    );
    expect(firstContacts.total).toMatchObject({
      firstContacts: 1,
      referredVisits: 1,
      primaryFirstContacts: 0,
      primaryShareBp: 0,
    });
    expect(firstContacts.targetShareBp).toBe(7000);
  });
});
