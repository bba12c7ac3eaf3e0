import { UnitOfWork } from '@medgrid/database';
import { localDate } from '@medgrid/kernel';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { aResidentId, anIdentity, MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type InstitutionLevel } from '../common/institution-level';
import { pharmacyDataSource } from '../database/pharmacy-data-source';
import { GetPrescribingStatisticsQuery } from '../prescribing/application/get-prescribing-statistics/get-prescribing-statistics.query';
import { GetPrescribingStatisticsUseCase } from '../prescribing/application/get-prescribing-statistics/get-prescribing-statistics.use-case';
import { DEFAULT_CHRONIC_DISEASES } from '../prescribing/domain/chronic-disease-list';
import { DEFAULT_SUPPLY_RULES } from '../prescribing/domain/supply-rules';
import { PrescriptionCheckTypeormRepository } from '../prescribing/infrastructure/persistence/prescription-check.typeorm-repository';
import { DemoActivityLoader } from './demo-activity.loader';
import { DEMO_PRESCRIBING } from './demo-activity.plan';

const DAY_MS = 86_400_000;

/** The demo loader on a small city of two groups, against the statistics the city operations portal reads. */
describe(DemoActivityLoader.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: DemoActivityLoader;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('pharmacy_demo_activity', (url) =>
      pharmacyDataSource(url, 6),
    );
    uow = new UnitOfWork(database.dataSource);
    const registry = new RegistryViewTypeormRepository(uow);
    const levels: InstitutionLevel[] = ['tertiary', 'secondary', 'primary', 'primary'];
    // Two groups of the demo city, and one of another city (an end-to-end test's, sharing the broker) left alone.
    const demoGroups: string[] = [];
    for (let g = 0; g < 3; g++) {
      const groupId = uuidv7();
      if (g < 2) demoGroups.push(groupId);
      const institutions = levels.map(() => uuidv7());
      await registry.upsertGroup({
        id: groupId,
        gridId: uuidv7(),
        leadInstitutionId: institutions[0]!,
        members: institutions.map((institutionId, i) => ({
          institutionId,
          role: i === 0 ? 'lead' : 'member',
        })),
        version: 1,
      });
      for (const [i, id] of institutions.entries()) {
        await registry.upsertInstitution({
          id,
          groupId,
          level: levels[i]!,
          type: 'general-hospital',
          version: 1,
        });
      }
      const teamId = uuidv7();
      await registry.upsertTeam({ id: teamId, institutionId: institutions[2]!, groupId, version: 1 });
      for (let r = 0; r < 20; r++) {
        await registry.upsertContract({
          id: uuidv7(),
          residentIdNumber: aResidentId(),
          teamId,
          status: 'active',
          startDate: localDate(new Date(Date.now() - DAY_MS)),
          endDate: localDate(new Date(Date.now() + 365 * DAY_MS)),
          version: 1,
        });
      }
    }
    sut = new DemoActivityLoader(
      uow,
      { supply: DEFAULT_SUPPLY_RULES, diseases: DEFAULT_CHRONIC_DISEASES },
      demoGroups,
    );
  });

  afterAll(() => database?.close());

  const settings = { ...DEMO_PRESCRIBING, prescriptionsPerGroup: 60 };
  const count = async (table: string) =>
    Number((await database.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

  it('gives each institution the prescribing planned, one below the essential-share target, and a second run adds nothing', async () => {
    const first = await sut.load(() => undefined, settings);

    expect(first).toMatchObject({ cataloguesLoaded: 2, prescriptionsChecked: 120, prescriptionsKept: 0 });
    expect(first.drugsStocked).toBeGreaterThan(8 * 20);
    const today = localDate(new Date());
    const statistics = await new GetPrescribingStatisticsUseCase(
      new PrescriptionCheckTypeormRepository(uow),
    ).execute(
      anIdentity({ role: 'city-operator', institutionId: null, groupId: null }),
      GetPrescribingStatisticsQuery.create({ from: today, until: today, institutionId: '', groupId: '' }),
    );
    expect(statistics.institutions).toHaveLength(first.plan.tallies.size);
    for (const figures of statistics.institutions) {
      const planned = first.plan.tallies.get(figures.institutionId);
      expect(figures).toMatchObject({ ...planned });
      if (figures.institutionId === first.plan.belowTarget)
        expect(figures.essentialShareBp).toBeLessThan(5_000);
      else expect(figures.essentialShareBp).toBeGreaterThanOrEqual(5_000);
    }
    expect(statistics.total.longAccepted).toBeGreaterThan(0);
    expect(statistics.total.volumeBasedShareBp).toBeGreaterThan(0);

    const rows = { checks: await count('prescription_check'), outbox: await count('outbox') };
    const second = await sut.load(() => undefined, settings);

    expect(second).toMatchObject({
      cataloguesLoaded: 0,
      drugsStocked: 0,
      prescriptionsChecked: 0,
      prescriptionsKept: 120,
    });
    expect({ checks: await count('prescription_check'), outbox: await count('outbox') }).toEqual(rows);
  });
});
