import { UnitOfWork } from '@medgrid/database';
import { aResidentId, MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { pharmacyDataSource } from '../../../database/pharmacy-data-source';
import { type ReferralContinuity } from '../../domain/referral-continuity';
import { ContinuityAssessmentTypeormRepository } from './continuity-assessment.typeorm-repository';

/** continuity_assessment on the real PostgreSQL: one per referral, read back as written. */
describe(ContinuityAssessmentTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: ContinuityAssessmentTypeormRepository;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('pharmacy_continuity_repository', (url) =>
      pharmacyDataSource(url, 2),
    );
    uow = new UnitOfWork(database.dataSource);
    sut = new ContinuityAssessmentTypeormRepository(uow);
  });

  afterAll(() => database?.close());

  const anAssessment = (overrides: Partial<ReferralContinuity> = {}): ReferralContinuity => ({
    referralId: uuidv7(),
    groupId: uuidv7(),
    issuingInstitutionId: uuidv7(),
    receivingInstitutionId: uuidv7(),
    patientResidentId: aResidentId(),
    medications: [
      {
        drugCode: 'XC08CAA014A001010100001',
        name: '络活喜 5mg',
        outcome: 'substitute',
        suggestedCode: 'XC08CAA014A001010100535',
        reason: null,
        obtainableCode: null,
        note: null,
        days: 84,
        supply: { kind: 'capped', requestedDays: 84, allowedDays: 30, bars: ['NOT_CONTRACTED'] },
        supplyNote: 'at most 30 days: the patient has no family-doctor contract in force',
      },
      {
        drugCode: 'XB01ACA056A001010100222',
        name: '波立维 75mg',
        outcome: 'action-needed',
        suggestedCode: null,
        reason: 'NOT_ALLOWED_AT_LEVEL',
        obtainableCode: null,
        note: 'the hospital should reconsider',
        days: 28,
        supply: { kind: 'ordinary', requestedDays: 28, allowedDays: 28, bars: [] },
        supplyNote: null,
      },
    ],
    continuous: false,
    daysWithinRule: false,
    contractedResident: false,
    assessedAt: new Date('2027-02-01T09:00:00.123Z'),
    ...overrides,
  });

  it('reads an assessment back as it was stored, every line in order', async () => {
    const assessment = anAssessment();

    expect(await uow.run(() => sut.add(assessment))).toBe(true);

    expect(await sut.findByReferral(assessment.referralId)).toEqual(assessment);
  });

  it('keeps the first assessment of a referral: a second is not stored', async () => {
    const first = anAssessment();

    await uow.run(() => sut.add(first));
    const stored = await uow.run(() => sut.add({ ...first, continuous: true, assessedAt: new Date() }));

    expect(stored).toBe(false);
    expect(await sut.findByReferral(first.referralId)).toEqual(first);
  });

  it('finds nothing for a referral not assessed', async () => {
    expect(await sut.findByReferral(uuidv7())).toBeNull();
  });
});
