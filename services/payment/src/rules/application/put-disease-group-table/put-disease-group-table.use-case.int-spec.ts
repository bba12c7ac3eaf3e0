import { UnitOfWork } from '@medgrid/database';
import { AppError } from '@medgrid/errors';
import { ClientRequests } from '@medgrid/idempotency';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { anIdentity, MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { InstitutionPlacements } from '../../../common/institution-placements';
import { paymentDataSource } from '../../../database/payment-data-source';
import { PaymentFixtures } from '../../../test/payment-fixtures';
import { RuleErrorCode } from '../../domain/rule-error';
import { starterDiseaseGroups } from '../../domain/starter/starter-disease-groups';
import { DiseaseGroupTableTypeormRepository } from '../../infrastructure/persistence/disease-group-table.typeorm-repository';
import { DiseaseGroupEdit } from '../disease-group-edit';
import { GetDiseaseGroupTableQuery } from '../get-disease-group-table/get-disease-group-table.query';
import { GetDiseaseGroupTableUseCase } from '../get-disease-group-table/get-disease-group-table.use-case';
import { LoadStarterDiseaseGroupTableCommand } from '../load-starter-disease-group-table/load-starter-disease-group-table.command';
import { LoadStarterDiseaseGroupTableUseCase } from '../load-starter-disease-group-table/load-starter-disease-group-table.use-case';
import { PutDiseaseGroupTableCommand } from './put-disease-group-table.command';
import { PutDiseaseGroupTableUseCase } from './put-disease-group-table.use-case';

const operator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });
const loadedOn = new Date('2026-12-05T02:00:00Z');
const levelFactors = { primaryBp: 8000, secondaryBp: 9000, tertiaryBp: 10_000 };

async function refusal(act: Promise<unknown>): Promise<AppError> {
  try {
    await act;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A fund's disease-group table loaded from the starter, put as versions and read on dates, on the real store. */
describe(PutDiseaseGroupTableUseCase.name, () => {
  let database: MigratedTestDatabase;
  let fixtures: PaymentFixtures;
  let sut: PutDiseaseGroupTableUseCase;
  let loadStarter: LoadStarterDiseaseGroupTableUseCase;
  let getTable: GetDiseaseGroupTableUseCase;
  let tables: DiseaseGroupTableTypeormRepository;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('payment_put_disease_groups', (url) =>
      paymentDataSource(url, 4),
    );
    const uow = new UnitOfWork(database.dataSource);
    fixtures = new PaymentFixtures(uow);
    tables = new DiseaseGroupTableTypeormRepository(uow);
    const placements = new InstitutionPlacements(new RegistryViewTypeormRepository(uow));
    const edit = new DiseaseGroupEdit(uow, tables, placements, new ClientRequests(uow));
    sut = new PutDiseaseGroupTableUseCase(edit);
    loadStarter = new LoadStarterDiseaseGroupTableUseCase(edit);
    getTable = new GetDiseaseGroupTableUseCase(tables);
  });

  afterAll(() => database?.close());

  const on = (regionId: string, date: string) =>
    getTable.execute(GetDiseaseGroupTableQuery.create({ regionId, on: date }));

  it('loads the starter, puts a successor from next year, answers a retry with it and reads each on its date', async () => {
    const { cityId } = await fixtures.aCity({ starter: false });
    await loadStarter.execute(
      operator,
      LoadStarterDiseaseGroupTableCommand.create({
        clientRequestId: uuidv7(),
        regionId: cityId,
        fromVersion: 0,
        effectiveFrom: '2026-01-01',
        levelFactors,
      }),
      loadedOn,
    );
    const starter = starterDiseaseGroups('2026-01-01');
    const e11 = starter.find((g) => g.code === 'E11')!;
    const groups = [
      ...starter.filter((g) => g.code !== 'E11'),
      { ...e11, until: '2027-01-01' },
      { ...e11, from: '2027-01-01', points: 130 },
    ];
    const put = PutDiseaseGroupTableCommand.create({
      clientRequestId: uuidv7(),
      regionId: cityId,
      fromVersion: 1,
      groups,
      levelFactors,
    });

    const made = await sut.execute(operator, put, loadedOn);
    const retried = await sut.execute(operator, put, loadedOn);

    expect(made.version).toBe(2);
    expect(retried.version).toBe(2);
    expect((await on(cityId, '2026-12-31')).groupOn('E11', '2026-12-31', 'g').points).toBe(120);
    expect((await on(cityId, '2027-01-01')).groupOn('E11', '2027-01-01', 'g').points).toBe(130);
    expect((await on(uuidv7(), '2027-01-01')).version).toBe(0);
  });

  it('refuses the whole table with every bad row named, overlapping dates and a change to the past, writing nothing', async () => {
    const { cityId } = await fixtures.aCity({ starter: false });
    const [first, second] = starterDiseaseGroups('2026-01-01');
    const bad = await refusal(
      sut.execute(
        operator,
        PutDiseaseGroupTableCommand.create({
          clientRequestId: uuidv7(),
          regionId: cityId,
          fromVersion: 0,
          groups: [first!, { ...first!, from: '2026-06-01' }, { ...second!, points: 0 }],
          levelFactors: { ...levelFactors, tertiaryBp: 10_001 },
        }),
        loadedOn,
      ),
    );
    expect(bad.code).toBe(RuleErrorCode.InvalidRuleTable);
    expect(bad.violations.map((v) => [v.field, v.reason])).toEqual([
      ['groups[2].points', RuleErrorCode.InvalidRuleTable],
      ['groups[1].from', 'OVERLAPPING_EFFECTIVE_DATES'],
      ['levelFactorBp.tertiary', 'SHARE_OUT_OF_RANGE'],
    ]);
    expect((await tables.table(cityId, false)).version).toBe(0);

    await sut.execute(
      operator,
      PutDiseaseGroupTableCommand.create({
        clientRequestId: uuidv7(),
        regionId: cityId,
        fromVersion: 0,
        groups: [first!],
        levelFactors,
      }),
      loadedOn,
    );
    const retroactive = await refusal(
      sut.execute(
        operator,
        PutDiseaseGroupTableCommand.create({
          clientRequestId: uuidv7(),
          regionId: cityId,
          fromVersion: 1,
          groups: [{ ...first!, points: 81 }],
          levelFactors,
        }),
        loadedOn,
      ),
    );
    expect(retroactive.code).toBe(RuleErrorCode.RetroactiveChange);
    expect(retroactive.violations.map((v) => [v.field, v.reason])).toEqual([
      ['groups[0]', 'RETROACTIVE_CHANGE'],
      ['groups', 'RETROACTIVE_CHANGE'],
    ]);
    expect((await tables.table(cityId, false)).version).toBe(1);
  });

  it('refuses a fund the registry does not know and a caller who does not administer insurance', async () => {
    const command = PutDiseaseGroupTableCommand.create({
      clientRequestId: uuidv7(),
      regionId: uuidv7(),
      fromVersion: 0,
      groups: [],
      levelFactors,
    });
    expect((await refusal(sut.execute(operator, command, loadedOn))).category).toBe('invalid-argument');
    const clinic = anIdentity({ role: 'primary-staff' });
    expect((await refusal(sut.execute(clinic, command, loadedOn))).category).toBe('permission-denied');
  });
});
