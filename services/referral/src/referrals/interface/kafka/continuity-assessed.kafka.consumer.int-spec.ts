import { AuditTrail } from '@medgrid/audit';
import { continuityV1 } from '@medgrid/contracts';
import { UnitOfWork } from '@medgrid/database';
import { aResidentId, anIdentity, TestDatabase } from '@medgrid/testing';
import { type DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { referralDataSource } from '../../../database/referral-data-source';
import { AttachContinuityUseCase } from '../../application/attach-continuity/attach-continuity.use-case';
import { GetReferralQuery } from '../../application/get-referral/get-referral.query';
import { GetReferralUseCase } from '../../application/get-referral/get-referral.use-case';
import { continuityToProto } from '../../contracts/referral.proto-mapper';
import { Referral } from '../../domain/referral';
import { ReferralContinuityTypeormRepository } from '../../infrastructure/persistence/referral-continuity.typeorm-repository';
import { ReferralTypeormRepository } from '../../infrastructure/persistence/referral.typeorm-repository';
import { ContinuityAssessedKafkaConsumer } from './continuity-assessed.kafka.consumer';

const { ContinuityOutcome, SupplyVerdict } = continuityV1;

/** Pharmacy's assessment attached to its downward referral, on the real PostgreSQL, and read with GetReferral. */
describe(ContinuityAssessedKafkaConsumer.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let uow: UnitOfWork;
  let referrals: ReferralTypeormRepository;
  let sut: ContinuityAssessedKafkaConsumer;
  let getReferral: GetReferralUseCase;
  const hospital = uuidv7();
  const centre = uuidv7();
  const groupId = uuidv7();

  beforeAll(async () => {
    database = await TestDatabase.create('referral_continuity');
    dataSource = referralDataSource(database.url, 4);
    await dataSource.initialize();
    await dataSource.runMigrations();
    uow = new UnitOfWork(dataSource);
    referrals = new ReferralTypeormRepository(uow);
    const continuity = new ReferralContinuityTypeormRepository(uow);
    sut = new ContinuityAssessedKafkaConsumer(new AttachContinuityUseCase(uow, referrals, continuity));
    getReferral = new GetReferralUseCase(referrals, new AuditTrail(uow), continuity);
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  async function anIssuedReferral(): Promise<string> {
    const referral = Referral.issue(
      {
        id: uuidv7(),
        groupId,
        clientRequestId: uuidv7(),
        patientResidentId: aResidentId(),
        referringInstitutionId: hospital,
        receivingInstitutionId: centre,
        icd10Code: 'I10',
        reason: 'blood pressure controlled',
        metCriteriaCodes: [],
        withoutIndication: true,
        justification: 'stable',
        results: [],
        upwardReferralId: '',
        treatmentPlan: {
          diagnosisCodes: ['I10'],
          medications: [
            {
              name: '络活喜 5mg',
              drugCode: 'XC08CAA014A001010100001',
              dose: '5 mg',
              frequency: 'qd',
              days: 60,
            },
          ],
          followUps: [],
          warningSigns: [],
          notes: '',
        },
      },
      { subject: 'dr-wang', institutionId: hospital, role: 'hospital-staff' },
      new Date(),
    );
    await uow.run(() => referrals.insert(referral));
    return referral.id;
  }

  const anAssessment = (
    referralId: string,
    assessedAt: Date,
    note = '',
  ): continuityV1.ContinuityAssessment => ({
    referralId,
    groupId,
    issuingInstitutionId: hospital,
    receivingInstitutionId: centre,
    medications: [
      {
        drugCode: 'XC08CAA014A001010100001',
        name: '络活喜 5mg',
        outcome: ContinuityOutcome.CONTINUITY_OUTCOME_SUBSTITUTE,
        suggestedCode: 'XC08CAA014A001010100535',
        actionReason: continuityV1.ContinuityActionReason.CONTINUITY_ACTION_REASON_UNSPECIFIED,
        obtainableCode: '',
        note,
        days: 60,
        supplyVerdict: SupplyVerdict.SUPPLY_VERDICT_CAPPED,
        allowedDays: 30,
        supplyBars: ['NOT_CONTRACTED'],
        supplyNote: 'at most 30 days: the patient has no family-doctor contract in force',
      },
    ],
    continuous: true,
    daysWithinRule: false,
    contractedResident: false,
    assessedAt,
  });

  const deliver = (assessment: continuityV1.ContinuityAssessment) =>
    uow.run(() => sut.handle({ assessment }));
  const rows = async (referralId: string) =>
    dataSource.query<{ note: string }[]>(
      `SELECT assessment->'medications'->0->>'note' AS note FROM referral_continuity WHERE referral_id = $1`,
      [referralId],
    );
  const read = (referralId: string) =>
    getReferral.execute(
      anIdentity({ role: 'primary-staff', institutionId: centre, groupId }),
      GetReferralQuery.create({ id: referralId, 'x-purpose': 'continuity-of-care' }),
    );

  it("attaches pharmacy's assessment to the referral, which GetReferral then shows as pharmacy wrote it", async () => {
    const referralId = await anIssuedReferral();
    const assessment = anAssessment(referralId, new Date('2027-03-01T01:00:00.123Z'));

    expect((await read(referralId)).continuity).toBeNull();
    await deliver(assessment);

    expect(continuityToProto((await read(referralId)).continuity)).toEqual(assessment);
  });

  it('attaches the same assessment delivered twice once, and never lets an older one replace a newer', async () => {
    const referralId = await anIssuedReferral();
    const newer = anAssessment(referralId, new Date('2027-03-01T02:00:00Z'), 'newer');

    await deliver(newer);
    await deliver(newer);
    await deliver(anAssessment(referralId, new Date('2027-03-01T01:00:00Z'), 'older'));

    expect(await rows(referralId)).toEqual([{ note: 'newer' }]);
  });

  it('ignores an assessment of a referral this service does not hold', async () => {
    const unknown = uuidv7();

    await deliver(anAssessment(unknown, new Date()));

    expect(await rows(unknown)).toEqual([]);
  });
});
