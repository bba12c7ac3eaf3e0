import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { OutboxWriter } from '@medgrid/messaging';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { InstitutionPlacements } from '../../common/institution-placements';
import { paymentDataSource } from '../../database/payment-data-source';
import { FamilyDoctorContractTypeormRepository } from '../../enrolment/infrastructure/persistence/family-doctor-contract.typeorm-repository';
import { ResidentCoverageTypeormRepository } from '../../enrolment/infrastructure/persistence/resident-coverage.typeorm-repository';
import { aResidentId, now } from '../../enrolment/test/enrolment.factory';
import { ReimbursementTableTypeormRepository } from '../../rules/infrastructure/persistence/reimbursement-table.typeorm-repository';
import { PaymentFixtures } from '../../test/payment-fixtures';
import { ClaimOutboxPublisher } from '../infrastructure/messaging/claim-outbox.publisher';
import { ClaimTypeormRepository } from '../infrastructure/persistence/claim.typeorm-repository';
import { KnownReferralTypeormRepository } from '../infrastructure/persistence/known-referral.typeorm-repository';
import { aClaim } from '../test/claim.factory';
import { ClaimAdjudicator } from './claim-adjudicator';
import { type ClaimContent } from './claim-content';
import { ClaimIntake } from './claim-intake';
import { SubmitClaimCommand } from './submit-claim/submit-claim.command';
import { SubmitClaimUseCase } from './submit-claim/submit-claim.use-case';

/**
 * Claims adjudicated by the platform's facts through the real store: a stated referral as referral announced it
 * (known_referral) and the resident's contracts on the service date (family_doctor_contract), whatever the claim says.
 */
describe(ClaimAdjudicator.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let fixtures: PaymentFixtures;
  let referrals: KnownReferralTypeormRepository;
  let contracts: FamilyDoctorContractTypeormRepository;
  let registry: RegistryViewTypeormRepository;
  let sut: SubmitClaimUseCase;
  let serial = 700;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('payment_claim_standing', (url) =>
      paymentDataSource(url, 4),
    );
    uow = new UnitOfWork(database.dataSource);
    fixtures = new PaymentFixtures(uow);
    registry = new RegistryViewTypeormRepository(uow);
    referrals = new KnownReferralTypeormRepository(uow);
    contracts = new FamilyDoctorContractTypeormRepository(uow);
    const claims = new ClaimTypeormRepository(uow);
    const adjudicator = new ClaimAdjudicator(
      claims,
      new ResidentCoverageTypeormRepository(uow),
      new ReimbursementTableTypeormRepository(uow),
      contracts,
      referrals,
    );
    sut = new SubmitClaimUseCase(
      new ClaimIntake(
        uow,
        claims,
        adjudicator,
        new ClaimOutboxPublisher(new OutboxWriter(uow, 'payment')),
        new InstitutionPlacements(registry),
        new ClientRequests(uow),
        { isSettled: () => Promise.resolve(false) },
      ),
    );
  });

  afterAll(() => database?.close());

  /** A referred contracted resident's ¥500 visit to the hospital on 2026-11-10, as the claim states it. */
  function content(residentId: string, referralId: string | null): ClaimContent {
    const {
      institutionId: _i,
      institutionLevel: _l,
      ...claim
    } = aClaim({
      claimNumber: `OP-${uuidv7()}`,
      residentId,
      referralId,
      contracted: true,
    });
    return claim;
  }
  const submit = (identity: Identity, claim: ClaimContent) =>
    sut.execute(identity, SubmitClaimCommand.create({ clientRequestId: uuidv7(), claim }), now);

  async function contractWithGroup(residentId: string, groupId: string): Promise<void> {
    const teamId = uuidv7();
    await registry.upsertTeam({ id: teamId, institutionId: uuidv7(), groupId, version: 1 });
    await contracts.upsert({
      id: uuidv7(),
      residentIdNumber: residentId,
      teamId,
      status: 'active',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      endedOn: null,
      diseases: [],
      version: 1,
    });
  }

  it('adjudicates a referral accepted before the visit and a contract with the group as stated, saying nothing more', async () => {
    const hospital = await fixtures.anInstitution('tertiary');
    const residentId = await fixtures.cover(aResidentId((serial += 1)));
    await contractWithGroup(residentId, hospital.groupId!);
    const referralId = uuidv7();
    await referrals.upsert({
      id: referralId,
      patientResidentId: residentId,
      referringInstitutionId: uuidv7(),
      receivingInstitutionId: hospital.institutionId!,
      status: 'accepted',
      acceptedAt: new Date('2026-11-08T02:00:00Z'),
      version: 2,
    });

    const stored = await submit(hospital, content(residentId, referralId));

    expect(stored.adjudications[0]).toMatchObject({
      referral: 'referred',
      contract: 'contracted',
      waived: 5000,
    });
    expect(stored.adjudications[0]!.reasons.filter((r) => r.code === 'VERIFIED')).toEqual([]);
  });

  it('adjudicates an unknown referral as unreferred and a contract with another group as uncontracted, with why', async () => {
    const hospital = await fixtures.anInstitution('tertiary');
    const residentId = await fixtures.cover(aResidentId((serial += 1)));
    await contractWithGroup(residentId, uuidv7());

    const stored = await submit(hospital, content(residentId, uuidv7()));

    const adjudication = stored.adjudications[0]!;
    expect(adjudication).toMatchObject({ referral: 'unreferred', contract: 'uncontracted', waived: 0 });
    expect(adjudication.ruleId).toMatch(/\/unreferred\/uncontracted@/);
    expect(adjudication.reasons.filter((r) => r.code === 'VERIFIED').map((r) => r.detail)).toEqual([
      expect.stringMatching(/is not known to the platform: adjudicated as unreferred$/),
      expect.stringMatching(/no family-doctor contract with the group in force on 2026-11-10/),
    ]);
  });
});
