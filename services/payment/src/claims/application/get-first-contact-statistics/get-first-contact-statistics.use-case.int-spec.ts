import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { OutboxWriter } from '@medgrid/messaging';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { anIdentity, MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { InstitutionPlacements } from '../../../common/institution-placements';
import { paymentDataSource } from '../../../database/payment-data-source';
import { FamilyDoctorContractTypeormRepository } from '../../../enrolment/infrastructure/persistence/family-doctor-contract.typeorm-repository';
import { ResidentCoverageTypeormRepository } from '../../../enrolment/infrastructure/persistence/resident-coverage.typeorm-repository';
import { aResidentId, now } from '../../../enrolment/test/enrolment.factory';
import { ReimbursementTableTypeormRepository } from '../../../rules/infrastructure/persistence/reimbursement-table.typeorm-repository';
import { PaymentFixtures } from '../../../test/payment-fixtures';
import { ClaimOutboxPublisher } from '../../infrastructure/messaging/claim-outbox.publisher';
import { ClaimTypeormRepository } from '../../infrastructure/persistence/claim.typeorm-repository';
import { KnownReferralTypeormRepository } from '../../infrastructure/persistence/known-referral.typeorm-repository';
import { aClaim } from '../../test/claim.factory';
import { ClaimAdjudicator } from '../claim-adjudicator';
import { type ClaimContent } from '../claim-content';
import { ClaimIntake } from '../claim-intake';
import { SubmitClaimCommand } from '../submit-claim/submit-claim.command';
import { SubmitClaimUseCase } from '../submit-claim/submit-claim.use-case';
import { GetFirstContactStatisticsQuery } from './get-first-contact-statistics.query';
import { GetFirstContactStatisticsUseCase } from './get-first-contact-statistics.use-case';

/**
 * First contacts counted from claims received through the real intake: a visit counts as referred only when
 * referral announced the referral (known_referral), whatever the claim states.
 */
describe(GetFirstContactStatisticsUseCase.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let fixtures: PaymentFixtures;
  let referrals: KnownReferralTypeormRepository;
  let submitClaim: SubmitClaimUseCase;
  let sut: GetFirstContactStatisticsUseCase;
  let serial = 900;
  let centre: Identity;
  let hospital: Identity;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('payment_first_contact', (url) => paymentDataSource(url, 4));
    uow = new UnitOfWork(database.dataSource);
    fixtures = new PaymentFixtures(uow);
    referrals = new KnownReferralTypeormRepository(uow);
    const claims = new ClaimTypeormRepository(uow);
    submitClaim = new SubmitClaimUseCase(
      new ClaimIntake(
        uow,
        claims,
        new ClaimAdjudicator(
          claims,
          new ResidentCoverageTypeormRepository(uow),
          new ReimbursementTableTypeormRepository(uow),
          new FamilyDoctorContractTypeormRepository(uow),
          referrals,
        ),
        new ClaimOutboxPublisher(new OutboxWriter(uow, 'payment')),
        new InstitutionPlacements(new RegistryViewTypeormRepository(uow)),
        new ClientRequests(uow),
        { isSettled: () => Promise.resolve(false) },
      ),
    );
    sut = new GetFirstContactStatisticsUseCase(claims);

    centre = await fixtures.anInstitution('primary');
    hospital = await fixtures.anInstitution('tertiary');
    // November: three first contacts at the centre, one at the hospital, one referred visit to the hospital, an
    // admission (not an outpatient visit) and a visit in October (outside the range).
    for (let i = 0; i < 3; i += 1) await submit(centre, {});
    await submit(hospital, { referralId: uuidv7() }); // stated, but referral never announced it
    await submit(hospital, { referralId: await anAcceptedReferral(hospital) });
    await submit(hospital, { encounter: { kind: 'inpatient', days: 3 } });
    await submit(centre, { serviceDate: '2026-10-31' });
  });

  afterAll(() => database?.close());

  async function anAcceptedReferral(to: Identity): Promise<string> {
    const id = uuidv7();
    await referrals.upsert({
      id,
      patientResidentId: aResidentId(serial + 1),
      referringInstitutionId: uuidv7(),
      receivingInstitutionId: to.institutionId!,
      status: 'accepted',
      acceptedAt: new Date('2026-11-08T02:00:00Z'),
      version: 2,
    });
    return id;
  }

  async function submit(at: Identity, overrides: Partial<ClaimContent>): Promise<void> {
    const residentId = await fixtures.cover(aResidentId((serial += 1)));
    const {
      institutionId: _i,
      institutionLevel: _l,
      ...claim
    } = aClaim({ claimNumber: `OP-${uuidv7()}`, residentId, referralId: null, contracted: false });
    await submitClaim.execute(
      at,
      SubmitClaimCommand.create({ clientRequestId: uuidv7(), claim: { ...claim, ...overrides } }),
      now,
    );
  }

  const november = (groupId = '') =>
    GetFirstContactStatisticsQuery.create({ from: '2026-11-01', until: '2026-11-30', groupId });
  const refusalOf = (from: string, until: string): unknown => {
    try {
      GetFirstContactStatisticsQuery.create({ from, until, groupId: '' });
    } catch (error) {
      return error;
    }
    throw new Error(`${from} to ${until} was accepted`);
  };
  const cityOperator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });

  it("counts the city's outpatient visits of the range without a referral, and the share of them at primary level", async () => {
    const statistics = await sut.execute(cityOperator, november());

    expect(statistics.total).toMatchObject({
      firstContacts: 4,
      referredVisits: 1,
      primaryFirstContacts: 3,
      primaryShareBp: 7_500,
    });
    expect(statistics.targetShareBp).toBe(7_000);
    expect(
      statistics.figures.map((f) => ({ id: f.institutionId, level: f.level, first: f.firstContacts })),
    ).toEqual(
      expect.arrayContaining([
        { id: centre.institutionId, level: 'primary', first: 3 },
        { id: hospital.institutionId, level: 'tertiary', first: 1 },
      ]),
    );
  });

  it("gives a group's administrator their own group's figures, and refuses another group's", async () => {
    const admin = anIdentity({ role: 'group-admin', institutionId: null, groupId: hospital.groupId });

    const own = await sut.execute(admin, november());
    expect(own.figures.map((f) => f.institutionId)).toEqual([hospital.institutionId]);
    expect(own.total).toMatchObject({ firstContacts: 1, referredVisits: 1, primaryShareBp: 0 });

    await expect(sut.execute(admin, november(centre.groupId!))).rejects.toMatchObject({
      code: 'PAYMENT_ACCESS_DENIED',
    });
  });

  it("refuses an institution's staff, whose claims are not the city's statistics", async () => {
    await expect(sut.execute(centre, november())).rejects.toMatchObject({ code: 'PAYMENT_ACCESS_DENIED' });
  });

  it('refuses a range that ends before it starts, or is longer than a year, naming until', () => {
    const namingUntil = {
      code: 'INVALID_PERIOD',
      violations: [expect.objectContaining({ field: 'until' })],
    };
    expect(refusalOf('2026-11-30', '2026-11-01')).toMatchObject(namingUntil);
    expect(refusalOf('2025-01-01', '2026-01-02')).toMatchObject(namingUntil);
    expect(refusalOf('2026-11', '2026-11-30')).toMatchObject({
      violations: [expect.objectContaining({ field: 'from' })],
    });
  });
});
