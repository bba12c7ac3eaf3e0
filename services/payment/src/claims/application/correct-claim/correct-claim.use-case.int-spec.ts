import { type Identity } from '@medgrid/auth';
import { ClaimAdjudicatedEvent } from '@medgrid/contracts';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { OutboxWriter } from '@medgrid/messaging';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { anIdentity, MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type Fen } from '../../../common/domain/money';
import { InstitutionPlacements } from '../../../common/institution-placements';
import { paymentDataSource } from '../../../database/payment-data-source';
import { ResidentCoverageTypeormRepository } from '../../../enrolment/infrastructure/persistence/resident-coverage.typeorm-repository';
import { aResidentId, now } from '../../../enrolment/test/enrolment.factory';
import { ReimbursementTableTypeormRepository } from '../../../rules/infrastructure/persistence/reimbursement-table.typeorm-repository';
import { PaymentFixtures } from '../../../test/payment-fixtures';
import { ClaimErrorCode } from '../../domain/claim-error';
import { ClaimOutboxPublisher } from '../../infrastructure/messaging/claim-outbox.publisher';
import { ClaimTypeormRepository } from '../../infrastructure/persistence/claim.typeorm-repository';
import { aClaim, aLine, NO_PERIOD_SETTLED } from '../../test/claim.factory';
import { ClaimAdjudicator } from '../claim-adjudicator';
import { type ClaimContent } from '../claim-content';
import { ClaimIntake } from '../claim-intake';
import { SubmitClaimCommand } from '../submit-claim/submit-claim.command';
import { SubmitClaimUseCase } from '../submit-claim/submit-claim.use-case';
import { CorrectClaimCommand } from './correct-claim.command';
import { CorrectClaimUseCase } from './correct-claim.use-case';

/** Corrections through the real store: versions added beside the old ones, retries, stale versions, other callers. */
describe(CorrectClaimUseCase.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let fixtures: PaymentFixtures;
  let submit: SubmitClaimUseCase;
  let sut: CorrectClaimUseCase;
  let serial = 600;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('payment_correct_claim', (url) => paymentDataSource(url, 4));
    uow = new UnitOfWork(database.dataSource);
    fixtures = new PaymentFixtures(uow);
    const claims = new ClaimTypeormRepository(uow);
    const adjudicator = new ClaimAdjudicator(
      claims,
      new ResidentCoverageTypeormRepository(uow),
      new ReimbursementTableTypeormRepository(uow),
    );
    const events = new ClaimOutboxPublisher(new OutboxWriter(uow, 'payment'));
    const placements = new InstitutionPlacements(new RegistryViewTypeormRepository(uow));
    const requests = new ClientRequests(uow);
    submit = new SubmitClaimUseCase(
      new ClaimIntake(uow, claims, adjudicator, events, placements, requests, NO_PERIOD_SETTLED),
    );
    sut = new CorrectClaimUseCase(uow, claims, adjudicator, events, placements, requests, NO_PERIOD_SETTLED);
  });

  afterAll(() => database?.close());

  /** A referred contracted resident's ¥500 visit to a tertiary hospital (¥50 consultation waived), received. */
  async function aReceivedClaim(): Promise<{ hospital: Identity; claimId: string; content: ClaimContent }> {
    const hospital = await fixtures.anInstitution('tertiary');
    const residentId = await fixtures.cover(aResidentId((serial += 1)));
    const {
      institutionId: _i,
      institutionLevel: _l,
      ...content
    } = aClaim({
      claimNumber: `OP-${uuidv7()}`,
      residentId,
    });
    const stored = await submit.execute(
      hospital,
      SubmitClaimCommand.create({ clientRequestId: uuidv7(), claim: content }),
      now,
    );
    return { hospital, claimId: stored.record.id, content };
  }

  const correction = (
    claimId: string,
    content: ClaimContent,
    overrides: Partial<{ fromVersion: number; reason: string; clientRequestId: string }> = {},
  ) =>
    CorrectClaimCommand.create({
      clientRequestId: uuidv7(),
      claimId,
      fromVersion: 1,
      claim: content,
      reason: 'drug quantity corrected',
      ...overrides,
    });

  it('adds the corrected version beside the first, adjudicated without the first, and announces it', async () => {
    const { hospital, claimId, content } = await aReceivedClaim();
    const corrected = {
      ...content,
      lines: [
        ...content.lines.slice(0, 2),
        aLine({ code: 'XC-METFORMIN', kind: 'drug', quantity: 1, unitPrice: 5000 as Fen }),
      ],
    };

    const stored = await sut.execute(hospital, correction(claimId, corrected), now);

    expect(stored.record.snapshot().versions.map((v) => [v.version, v.correctionReason])).toEqual([
      [1, null],
      [2, 'drug quantity corrected'],
    ]);
    // ¥400 billed, ¥50 waived, the yearly ¥200 deductible paid again (the first version no longer counts), 50% of ¥150.
    expect(stored.adjudications[1]).toMatchObject({
      total: 40000,
      waived: 5000,
      deductible: 20000,
      fund: 7500,
      patient: 27500,
    });
    const rows = await database.dataSource.query<{ version: number; fund: string }[]>(
      `SELECT version, fund FROM claim_version WHERE claim_id = $1 ORDER BY version`,
      [claimId],
    );
    expect(rows).toEqual([
      { version: 1, fund: String(stored.adjudications[0]!.fund) },
      { version: 2, fund: '7500' },
    ]);
    const events = await database.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM outbox WHERE message_key = $1 AND event_type = $2`,
      [claimId, ClaimAdjudicatedEvent.type],
    );
    expect(events).toEqual([{ n: '2' }]);
  });

  it('answers a retried correction with the claim as it stands, and refuses one made from an older version', async () => {
    const { hospital, claimId, content } = await aReceivedClaim();
    const corrected = { ...content, contracted: false };
    const clientRequestId = uuidv7();

    await sut.execute(hospital, correction(claimId, corrected, { clientRequestId }), now);
    const retried = await sut.execute(hospital, correction(claimId, corrected, { clientRequestId }), now);
    const stale = sut.execute(hospital, correction(claimId, { ...content, diseaseGroup: null }), now);

    expect(retried.record.current.version).toBe(2);
    await expect(stale).rejects.toMatchObject({
      code: ClaimErrorCode.StaleClaimVersion,
      violations: [expect.objectContaining({ field: 'fromVersion' })],
    });
  });

  it('names a bad corrected field under claim, the reason at the root, and hides another institution’s claim', async () => {
    const { hospital, claimId, content } = await aReceivedClaim();

    const refused = sut.execute(
      hospital,
      correction(claimId, { ...content, principalDiagnosis: 'X' }, { reason: ' ' }),
      now,
    );
    await expect(refused).rejects.toMatchObject({
      code: ClaimErrorCode.InvalidClaim,
      violations: [
        expect.objectContaining({ field: 'claim.principalDiagnosis' }),
        expect.objectContaining({ field: 'reason' }),
      ],
    });
    const other = await fixtures.anInstitution('tertiary');
    await expect(sut.execute(other, correction(claimId, content), now)).rejects.toMatchObject({
      code: ClaimErrorCode.ClaimNotFound,
    });
    await expect(
      sut.execute(
        anIdentity({ role: 'group-admin', groupId: hospital.groupId }),
        correction(claimId, content),
        now,
      ),
    ).rejects.toMatchObject({ code: 'PAYMENT_ACCESS_DENIED' });
  });
});
