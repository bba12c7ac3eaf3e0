import { UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { anIdentity, MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type BasisPoints } from '../../../common/domain/share';
import { InstitutionPlacements } from '../../../common/institution-placements';
import { paymentDataSource } from '../../../database/payment-data-source';
import { PaymentFixtures } from '../../../test/payment-fixtures';
import { RuleErrorCode } from '../../domain/rule-error';
import { ReimbursementTableTypeormRepository } from '../../infrastructure/persistence/reimbursement-table.typeorm-repository';
import { aRule } from '../../test/reimbursement-rule.factory';
import { GetReimbursementTableQuery } from '../get-reimbursement-table/get-reimbursement-table.query';
import { GetReimbursementTableUseCase } from '../get-reimbursement-table/get-reimbursement-table.use-case';
import { TableEdit } from '../table-edit';
import { PutReimbursementTableCommand } from './put-reimbursement-table.command';
import { PutReimbursementTableUseCase } from './put-reimbursement-table.use-case';

const operator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });
const loadedOn = new Date('2026-12-05T02:00:00Z');

/** A city's table replaced through the real store, and read back at instants. */
describe(PutReimbursementTableUseCase.name, () => {
  let database: MigratedTestDatabase;
  let fixtures: PaymentFixtures;
  let sut: PutReimbursementTableUseCase;
  let getTable: GetReimbursementTableUseCase;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('payment_put_table', (url) => paymentDataSource(url, 4));
    const uow = new UnitOfWork(database.dataSource);
    fixtures = new PaymentFixtures(uow);
    const tables = new ReimbursementTableTypeormRepository(uow);
    const placements = new InstitutionPlacements(new RegistryViewTypeormRepository(uow));
    sut = new PutReimbursementTableUseCase(new TableEdit(uow, tables, placements, new ClientRequests(uow)));
    getTable = new GetReimbursementTableUseCase(tables);
  });

  afterAll(() => database?.close());

  const put = (regionId: string, fromVersion: number, rules = [aRule()], clientRequestId = uuidv7()) =>
    PutReimbursementTableCommand.create({ clientRequestId, regionId, fromVersion, rules });

  it('makes the next version from the one read, answers its retry with it, and reads each version at its instant', async () => {
    const { cityId } = await fixtures.aCity({ starter: false });
    const rules = [
      aRule({ until: '2026-12-06' }),
      aRule({ from: '2026-12-06', rateBp: 5500 as BasisPoints }),
    ];
    const clientRequestId = uuidv7();

    await sut.execute(operator, put(cityId, 0, [aRule()]), new Date('2026-01-01T02:00:00Z'));
    const made = await sut.execute(operator, put(cityId, 1, rules, clientRequestId), loadedOn);
    const retried = await sut.execute(operator, put(cityId, 1, rules, clientRequestId), loadedOn);

    expect(made.version).toBe(2);
    expect(retried.snapshot()).toEqual(made.snapshot());
    const at = (instant: string) =>
      getTable.execute(GetReimbursementTableQuery.create({ regionId: cityId, at: new Date(instant) }));
    expect(await at('2026-12-05T02:00:00Z')).toMatchObject({
      version: 2,
      on: '2026-12-05',
      rules: [expect.objectContaining({ rateBp: 5000 })],
    });
    expect(await at('2026-12-06T02:00:00Z')).toMatchObject({
      version: 2,
      on: '2026-12-06',
      rules: [expect.objectContaining({ rateBp: 5500 })],
    });
    expect(await at('2026-06-01T00:00:00Z')).toMatchObject({ version: 1, rules: [aRule()] });
    expect(await at('2025-06-01T00:00:00Z')).toMatchObject({ version: 0, rules: [] });
  });

  it('refuses a version read before another, a retroactive change, a city it does not know and a caller not the insurer', async () => {
    const { cityId } = await fixtures.aCity();
    const starter = (
      await getTable.execute(GetReimbursementTableQuery.create({ regionId: cityId, at: loadedOn }))
    ).rules;

    await expect(sut.execute(operator, put(cityId, 0), loadedOn)).rejects.toMatchObject({
      code: RuleErrorCode.StaleTableVersion,
    });
    await expect(
      sut.execute(
        operator,
        put(
          cityId,
          1,
          starter.map((r, i) => (i === 0 ? { ...r, rateBp: 1 as BasisPoints } : r)),
        ),
        loadedOn,
      ),
    ).rejects.toMatchObject({
      code: RuleErrorCode.RetroactiveChange,
      violations: [
        expect.objectContaining({ field: 'rules[0]' }),
        expect.objectContaining({ field: 'rules' }),
      ],
    });
    await expect(sut.execute(operator, put(uuidv7(), 0), loadedOn)).rejects.toMatchObject({
      code: 'UNKNOWN_REGION',
      violations: [expect.objectContaining({ field: 'regionId' })],
    });
    await expect(
      sut.execute(anIdentity({ role: 'group-admin' }), put(cityId, 1), loadedOn),
    ).rejects.toMatchObject({
      code: 'PAYMENT_ACCESS_DENIED',
    });
  });
});
