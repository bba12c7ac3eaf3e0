import { AuditTrail } from '@medgrid/audit';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { anIdentity, MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { paymentDataSource } from '../../../database/payment-data-source';
import { EnrolmentErrorCode } from '../../domain/enrolment-error';
import { ResidentCoverageTypeormRepository } from '../../infrastructure/persistence/resident-coverage.typeorm-repository';
import { aResidentId, now } from '../../test/enrolment.factory';
import { GetCoverageQuery } from '../get-coverage/get-coverage.query';
import { GetCoverageUseCase } from '../get-coverage/get-coverage.use-case';
import { LoadCoverageCommand } from './load-coverage.command';
import { LoadCoverageUseCase } from './load-coverage.use-case';

const operator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });

/** The insurer's roll loaded through the real store, and a resident's coverage read back, audited. */
describe(LoadCoverageUseCase.name, () => {
  let database: MigratedTestDatabase;
  let sut: LoadCoverageUseCase;
  let getCoverage: GetCoverageUseCase;
  let serial = 700;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('payment_load_coverage', (url) => paymentDataSource(url, 4));
    const uow = new UnitOfWork(database.dataSource);
    const coverages = new ResidentCoverageTypeormRepository(uow);
    sut = new LoadCoverageUseCase(uow, coverages, new ClientRequests(uow));
    getCoverage = new GetCoverageUseCase(coverages, new AuditTrail(uow));
  });

  afterAll(() => database?.close());

  const roll = (rows: Parameters<typeof LoadCoverageCommand.create>[0]['rows'], clientRequestId = uuidv7()) =>
    LoadCoverageCommand.create({ clientRequestId, rows });

  it('answers a retried roll with the first load’s report, applying it once', async () => {
    const residentId = aResidentId((serial += 1));
    const command = roll([{ residentId, scheme: 'urban-rural-resident', from: '2025-01-01', until: null }]);

    const first = await sut.execute(operator, command, now);
    const retried = await sut.execute(operator, command, now);

    expect(retried).toEqual(first);
    const rows = await database.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM coverage_load WHERE id = $1`,
      [first.id],
    );
    expect(rows).toEqual([{ n: '1' }]);
  });

  it('stores nothing of a roll with a row rewriting a resident’s past, naming the row', async () => {
    const [known, fresh] = [aResidentId((serial += 1)), aResidentId((serial += 1))];
    await sut.execute(
      operator,
      roll([{ residentId: known, scheme: 'urban-employee', from: '2026-03-01', until: null }]),
      now,
    );

    const refused = sut.execute(
      operator,
      roll([
        { residentId: fresh, scheme: 'urban-employee', from: '2026-01-01', until: null },
        { residentId: known, scheme: 'urban-rural-resident', from: '2026-02-01', until: null },
      ]),
      now,
    );

    await expect(refused).rejects.toMatchObject({
      code: EnrolmentErrorCode.CoverageOutOfOrder,
      violations: [expect.objectContaining({ field: 'rows[1].from' })],
    });
    const read = await getCoverage.execute(
      operator,
      GetCoverageQuery.create({ residentId: fresh, 'x-purpose': 'eligibility check' }),
      now,
    );
    expect(read).toEqual({ residentId: fresh, on: '2026-12-05', spell: null, spells: [] });
    const audited = await database.dataSource.query<{ purpose: string }[]>(
      `SELECT purpose FROM audit_log WHERE action = 'read' AND subject_kind = 'resident' AND subject_id = $1`,
      [fresh],
    );
    expect(audited).toEqual([{ purpose: 'eligibility check' }]);
  });

  it('lets only the insurance administration load a roll', async () => {
    await expect(
      sut.execute(
        anIdentity({ role: 'group-admin' }),
        roll([{ residentId: aResidentId(1), scheme: 'urban-employee', from: '2026-01-01', until: null }]),
        now,
      ),
    ).rejects.toMatchObject({ code: 'PAYMENT_ACCESS_DENIED' });
  });
});
