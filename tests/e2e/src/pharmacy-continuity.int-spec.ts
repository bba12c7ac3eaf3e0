import { credentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import {
  continuityServiceV1,
  continuityV1,
  MedicationContinuityAssessedEvent,
  referralServiceV1,
  type referralV1,
  registryV1,
  TOPICS,
} from '@medgrid/contracts';
import { aResidentId, anIdentity, type TestDatabase, uniqueSuffix, waitFor } from '@medgrid/testing';
import { Client as PgClient } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { REFERRAL_INPUT_TOPICS, waitUntilCaughtUp } from './consumer-lag';
import { fails } from './grpc-call';
import { outboxEventCount } from './outbox';
import { PharmacyHarness } from './pharmacy-harness';
import { ServiceProcess, serviceEnv } from './service-process';
import { migratedDatabase } from './migrated-database';

const { ContinuityOutcome: O, ContinuityActionReason: R, SupplyVerdict: V } = continuityV1;

/**
 * Continuity of medication after a downward referral, with the registry, referral and pharmacy as real processes
 * over Kafka: the hospital issues the referral with its medication list (referral), pharmacy assesses each drug at
 * the receiving centre and each line's days by its days-of-supply rule and announces it, and referral attaches the
 * assessment to the referral, which both sides read with GetReferral.
 */
describe('pharmacy ⇄ referral: continuity of medication after a downward referral', () => {
  const h = new PharmacyHarness();
  let referralDb: TestDatabase;
  let referralProcess: ServiceProcess;
  let referralSql: PgClient;
  let referrals: referralServiceV1.ReferralServiceClient;
  let continuity: continuityServiceV1.ContinuityServiceClient;
  let group: Awaited<ReturnType<PharmacyHarness['groupWithHospital']>>;
  let hospitalStaff: Identity;
  let drugs: { stocked: string; substituted: string; hospitalOnly: string };

  beforeAll(async () => {
    await h.start('pharmacy_continuity');
    referralDb = await migratedDatabase('referral', 'pharmacy_continuity_referral');
    const consumerGroup = `referral-pharmacy-continuity-${uniqueSuffix()}`;
    referralProcess = await ServiceProcess.onFreePorts(
      'referral',
      serviceEnv(referralDb.url, h.registry.auth.publicKeyFile, { KAFKA_CONSUMER_GROUP: consumerGroup }),
    );
    await referralProcess.start();
    await waitUntilCaughtUp(consumerGroup, [...REFERRAL_INPUT_TOPICS, TOPICS.pharmacyContinuity.name]);
    referrals = new referralServiceV1.ReferralServiceClient(
      referralProcess.grpcAddress,
      credentials.createInsecure(),
    );
    continuity = new continuityServiceV1.ContinuityServiceClient(
      h.process.grpcAddress,
      credentials.createInsecure(),
    );
    referralSql = new PgClient({ connectionString: referralDb.url });
    await referralSql.connect();

    group = await h.groupWithHospital();
    hospitalStaff = anIdentity({
      role: 'hospital-staff',
      institutionId: group.hospitalId,
      groupId: group.groupId,
    });
    await h.call(
      h.catalogue,
      h.catalogue.loadStarterDrugCatalogue,
      { clientRequestId: uuidv7(), fromVersion: 0, effectiveFrom: undefined },
      group.admin,
    );
    const search = async (genericName: string) =>
      (
        await h.call(
          h.catalogue,
          h.catalogue.searchDrugs,
          { genericName, at: undefined, groupId: '' },
          group.centre,
        )
      ).drugs;
    const amlodipine = (await search('苯磺酸氨氯地平')).filter((d) => d.strength === '5mg');
    drugs = {
      // The volume-based winner, every level: the centre stocks it.
      stocked: amlodipine.find((d) => d.levels.includes('primary'))!.code,
      // The originator, hospitals only: the winner is its substitute at the centre.
      substituted: amlodipine.find((d) => !d.levels.includes('primary'))!.code,
      // Olanzapine: no product of it may be stocked at a primary institution.
      hospitalOnly: (await search('奥氮平')).find((d) => !d.levels.includes('primary'))!.code,
    };
    await h.call(
      h.formulary,
      h.formulary.stockDrug,
      { clientRequestId: uuidv7(), drugCode: drugs.stocked },
      group.centre,
    );
    await waitFor(
      'referral to learn the group',
      async () => {
        const { rows } = await referralSql.query<{ n: string }>(
          `SELECT count(*) AS n FROM known_institution WHERE id IN ($1, $2) AND group_id = $3`,
          [group.hospitalId, group.centreId, group.groupId],
        );
        return rows[0]!.n === '2' ? true : undefined;
      },
      { timeoutMs: 30_000 },
    );
  });

  afterAll(async () => {
    referrals?.close();
    continuity?.close();
    await referralSql?.end();
    await referralProcess?.stop();
    await referralDb?.drop();
    await h.stop();
  });

  /** A resident registered in the group's grid, without a family-doctor contract, known to referral. */
  async function aPatient(): Promise<string> {
    const r = h.registry;
    const residentIdNumber = aResidentId(1 + Math.floor(Math.random() * 12_000_000));
    await r.call(r.residents, r.residents.registerResident, {
      clientRequestId: uuidv7(),
      residentIdNumber,
      name: '王下转',
      phone: '13800138001',
      gridId: group.gridId,
    });
    await waitFor(
      'referral to learn the resident',
      async () => {
        const { rows } = await referralSql.query<{ n: string }>(
          `SELECT count(*) AS n FROM known_resident WHERE resident_id_number = $1`,
          [residentIdNumber],
        );
        return rows[0]!.n === '1' ? true : undefined;
      },
      { timeoutMs: 30_000 },
    );
    return residentIdNumber;
  }

  const issue = (patientResidentId: string, medications: referralV1.PlannedMedication[]) =>
    h.call(
      referrals,
      referrals.issueDownwardReferral,
      {
        clientRequestId: uuidv7(),
        patientResidentId,
        referringInstitutionId: group.hospitalId,
        receivingInstitutionId: group.centreId,
        icd10Code: 'I10',
        reason: 'blood pressure controlled on amlodipine',
        metCriteriaCodes: [],
        justification: '血压已稳定两周，可回社区随访管理',
        treatmentPlan: {
          diagnosisCodes: ['I10'],
          medications,
          followUps: [{ dueDate: '2027-01-15', item: 'blood pressure' }],
          warningSigns: ['BP ≥180/110'],
          notes: '',
        },
        results: [],
        upwardReferralId: '',
      },
      hospitalStaff,
    );

  const getReferral = (id: string, identity: Identity) =>
    h.call(referrals, referrals.getReferral, { id }, identity, { 'x-purpose': 'continuity-of-care' });

  /** The referral as GetReferral answers it once referral has attached pharmacy's assessment. */
  const withContinuity = (id: string, identity: Identity) =>
    waitFor(
      `referral ${id} to show its continuity assessment`,
      async () => {
        const { referral } = await getReferral(id, identity);
        return referral?.continuity ? referral : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );

  const line = (drugCode: string, name: string, days: number): referralV1.PlannedMedication => ({
    name,
    drugCode,
    dose: '',
    frequency: 'qd',
    days,
  });

  it('assesses three drugs at the centre (continue, substitute, action needed), flags 60 days for a resident without a contract, and shows it on the referral to both sides', async () => {
    const patient = await aPatient();
    const { referral: issued } = await issue(patient, [
      line(drugs.stocked, '苯磺酸氨氯地平片 5mg', 28),
      line(drugs.substituted, '络活喜 5mg', 60),
      line(drugs.hospitalOnly, '奥氮平片', 28),
    ]);

    const seenByCentre = await withContinuity(issued!.id, group.centre);
    const { referral: seenByHospital } = await getReferral(issued!.id, hospitalStaff);
    const { assessment } = await h.call(
      continuity,
      continuity.getContinuityAssessment,
      { referralId: issued!.id },
      group.hospital,
      { 'x-purpose': 'continuity-of-care' },
    );

    expect(seenByCentre.continuity).toMatchObject({
      referralId: issued!.id,
      groupId: group.groupId,
      issuingInstitutionId: group.hospitalId,
      receivingInstitutionId: group.centreId,
      continuous: false,
      daysWithinRule: false,
      contractedResident: false,
    });
    expect(
      seenByCentre.continuity!.medications.map((m) => ({
        drugCode: m.drugCode,
        outcome: m.outcome,
        suggestedCode: m.suggestedCode,
        actionReason: m.actionReason,
        supplyVerdict: m.supplyVerdict,
        allowedDays: m.allowedDays,
        supplyBars: m.supplyBars,
      })),
    ).toEqual([
      {
        drugCode: drugs.stocked,
        outcome: O.CONTINUITY_OUTCOME_CONTINUE,
        suggestedCode: '',
        actionReason: R.CONTINUITY_ACTION_REASON_UNSPECIFIED,
        supplyVerdict: V.SUPPLY_VERDICT_ORDINARY,
        allowedDays: 28,
        supplyBars: [],
      },
      {
        drugCode: drugs.substituted,
        outcome: O.CONTINUITY_OUTCOME_SUBSTITUTE,
        suggestedCode: drugs.stocked,
        actionReason: R.CONTINUITY_ACTION_REASON_UNSPECIFIED,
        supplyVerdict: V.SUPPLY_VERDICT_CAPPED,
        allowedDays: 30,
        supplyBars: ['NOT_CONTRACTED'],
      },
      {
        drugCode: drugs.hospitalOnly,
        outcome: O.CONTINUITY_OUTCOME_ACTION_NEEDED,
        suggestedCode: '',
        actionReason: R.CONTINUITY_ACTION_REASON_NOT_ALLOWED_AT_LEVEL,
        supplyVerdict: V.SUPPLY_VERDICT_ORDINARY,
        allowedDays: 28,
        supplyBars: [],
      },
    ]);
    expect(seenByCentre.continuity!.medications[1]!.supplyNote).toBe(
      'at most 30 days: the patient has no family-doctor contract in force',
    );
    expect(seenByHospital?.continuity).toEqual(seenByCentre.continuity);
    expect(assessment).toEqual(seenByCentre.continuity);
    expect(await outboxEventCount(h.sql, issued!.id, MedicationContinuityAssessedEvent)).toBe(1);
    expect(await h.readsOf('resident', patient)).toEqual([
      { actor_role: 'partner-system', purpose: 'continuity-of-care' },
    ]);
  });

  it("accepts any whole number of days on referral's side: 90 days is issued, and pharmacy's rule says it is over the maximum", async () => {
    const patient = await aPatient();
    const { referral: issued } = await issue(patient, [line(drugs.stocked, '苯磺酸氨氯地平片 5mg', 90)]);

    const { continuity: assessed } = await withContinuity(issued!.id, hospitalStaff);

    expect(assessed!.medications[0]).toMatchObject({
      outcome: O.CONTINUITY_OUTCOME_CONTINUE,
      days: 90,
      supplyVerdict: V.SUPPLY_VERDICT_OVER_MAXIMUM,
      allowedDays: 30,
    });
    expect(assessed).toMatchObject({ continuous: true, daysWithinRule: false });
  });

  it('tells another institution of the group, which neither issued nor receives the referral, that there is no assessment', async () => {
    const patient = await aPatient();
    const { referral: issued } = await issue(patient, [line(drugs.stocked, '苯磺酸氨氯地平片 5mg', 28)]);
    await withContinuity(issued!.id, group.centre);
    const r = h.registry;
    const otherCentre = await r.newCentre(group.gridId);
    await r.join(group.groupId, otherCentre.id, registryV1.MembershipRole.MEMBERSHIP_ROLE_MEMBER);
    await waitFor(
      'pharmacy to learn the other centre',
      async () => {
        const { rows } = await h.sql.query<{ n: string }>(
          `SELECT count(*) AS n FROM known_institution WHERE id = $1 AND group_id = $2`,
          [otherCentre.id, group.groupId],
        );
        return rows[0]!.n === '1' ? true : undefined;
      },
      { timeoutMs: 30_000 },
    );

    expect(
      await fails(
        h.call(
          continuity,
          continuity.getContinuityAssessment,
          { referralId: issued!.id },
          anIdentity({ role: 'primary-staff', institutionId: otherCentre.id, groupId: group.groupId }),
          { 'x-purpose': 'continuity-of-care' },
        ),
      ),
    ).toMatchObject({ reason: 'CONTINUITY_ASSESSMENT_NOT_FOUND' });
  });
});
