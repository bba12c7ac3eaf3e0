import { type Identity } from '@medgrid/auth';
import { ClaimAdjudicatedEvent } from '@medgrid/contracts';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { OutboxWriter } from '@medgrid/messaging';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { metricsRegistry } from '@medgrid/telemetry';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { InstitutionPlacements } from '../../../common/institution-placements';
import { paymentDataSource } from '../../../database/payment-data-source';
import { ResidentCoverageTypeormRepository } from '../../../enrolment/infrastructure/persistence/resident-coverage.typeorm-repository';
import { aResidentId, now } from '../../../enrolment/test/enrolment.factory';
import { ReimbursementTableTypeormRepository } from '../../../rules/infrastructure/persistence/reimbursement-table.typeorm-repository';
import { PaymentFixtures } from '../../../test/payment-fixtures';
import { ClaimErrorCode } from '../../domain/claim-error';
import { ClaimOutboxPublisher } from '../../infrastructure/messaging/claim-outbox.publisher';
import { ClaimTypeormRepository } from '../../infrastructure/persistence/claim.typeorm-repository';
import { aClaim, NO_PERIOD_SETTLED } from '../../test/claim.factory';
import { ClaimAdjudicator } from '../claim-adjudicator';
import { type ClaimContent } from '../claim-content';
import { ClaimIntake } from '../claim-intake';
import { SubmitClaimCommand } from './submit-claim.command';
import { SubmitClaimUseCase } from './submit-claim.use-case';

/** Claims received through the real store, the registry's view, the outbox and the locks. */
describe(SubmitClaimUseCase.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let fixtures: PaymentFixtures;
  let sut: SubmitClaimUseCase;
  let serial = 300;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('payment_submit_claim', (url) => paymentDataSource(url, 6));
    uow = new UnitOfWork(database.dataSource);
    fixtures = new PaymentFixtures(uow);
    const registry = new RegistryViewTypeormRepository(uow);
    const coverages = new ResidentCoverageTypeormRepository(uow);
    const claims = new ClaimTypeormRepository(uow);
    const tables = new ReimbursementTableTypeormRepository(uow);
    sut = new SubmitClaimUseCase(
      new ClaimIntake(
        uow,
        claims,
        new ClaimAdjudicator(claims, coverages, tables),
        new ClaimOutboxPublisher(new OutboxWriter(uow, 'payment')),
        new InstitutionPlacements(registry),
        new ClientRequests(uow),
        NO_PERIOD_SETTLED,
      ),
    );
  });

  afterAll(() => database?.close());

  const aCentre = () => fixtures.anInstitution('primary');
  const aCoveredResident = () => fixtures.cover(aResidentId((serial += 1)));

  /** A ¥300 examination of an uncontracted resident come without referral, changed as asked. */
  const content = (overrides: Partial<ClaimContent>): ClaimContent => {
    const {
      institutionId: _i,
      institutionLevel: _l,
      ...claim
    } = aClaim({
      claimNumber: `OP-${uuidv7()}`,
      lines: [aClaim().lines[1]!],
      referralId: null,
      contracted: false,
      ...overrides,
    });
    return claim;
  };
  const submit = (identity: Identity, claim: ClaimContent) =>
    sut.execute(identity, SubmitClaimCommand.create({ clientRequestId: uuidv7(), claim }), now);

  const eventsOf = async (claimId: string) =>
    (
      await database.dataSource.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM outbox WHERE message_key = $1 AND event_type = $2`,
        [claimId, ClaimAdjudicatedEvent.type],
      )
    )[0]!.n;

  /** What the service counted for the institution (claim-metrics), as label set without it → value. */
  const counted = async (name: string, institutionId: string) =>
    Object.fromEntries(
      (await metricsRegistry.getSingleMetric(name)!.get()).values
        .filter((v) => v.labels.institution === institutionId)
        .map(({ labels: { institution: _, ...labels }, value }) => [JSON.stringify(labels), value]),
    );

  it('takes two attempts of one claim racing each other as one claim, one event, both answered with it', async () => {
    const centre = await aCentre();
    const claim = content({ residentId: await aCoveredResident() });

    const [first, second] = await Promise.all([submit(centre, claim), submit(centre, claim)]);

    expect(second.record.id).toBe(first.record.id);
    expect(second.adjudications).toEqual(first.adjudications);
    expect(await eventsOf(first.record.id)).toBe('1');
    // Counted once, as adjudicated, the retry answered with the claim counting nothing.
    expect(await counted('medgrid_payment_claims_adjudicated_total', centre.institutionId!)).toEqual({
      '{"encounter":"outpatient","referral":"unreferred","overruled":"false"}': 1,
    });
  });

  it('measures two claims of one resident one after the other: the yearly deductible is paid once', async () => {
    const centre = await aCentre();
    const residentId = await aCoveredResident();

    const claims = await Promise.all([
      submit(centre, content({ residentId })),
      submit(centre, content({ residentId })),
    ]);

    // The employees' outpatient deductible is ¥200 a year: one claim pays it (70% of the ¥100 above it from the
    // fund), the other none (70% of its ¥300).
    expect(claims.map((c) => c.adjudications[0]!.deductible).sort((a, b) => a - b)).toEqual([0, 20000]);
    expect(claims.map((c) => c.adjudications[0]!.fund).sort((a, b) => a - b)).toEqual([7000, 21000]);
  });

  it('stores nothing of a claim it refuses, and names the field as the request carried it', async () => {
    const centre = await aCentre();
    const claim = content({ residentId: aResidentId((serial += 1)) });

    await expect(submit(centre, claim)).rejects.toMatchObject({
      code: 'NOT_COVERED',
      violations: [expect.objectContaining({ field: 'claim.serviceDate' })],
    });
    await expect(submit(centre, { ...claim, principalDiagnosis: 'E1' })).rejects.toMatchObject({
      code: ClaimErrorCode.InvalidClaim,
      violations: [expect.objectContaining({ field: 'claim.principalDiagnosis' })],
    });
    const rows = await database.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM claim WHERE claim_number = $1`,
      [claim.claimNumber],
    );
    expect(rows).toEqual([{ n: '0' }]);
    expect(await counted('medgrid_payment_claims_refused_total', centre.institutionId!)).toEqual({
      '{"reason":"NOT_COVERED"}': 1,
      '{"reason":"INVALID_CLAIM"}': 1,
    });
    expect(await counted('medgrid_payment_claims_adjudicated_total', centre.institutionId!)).toEqual({});
  });
});
