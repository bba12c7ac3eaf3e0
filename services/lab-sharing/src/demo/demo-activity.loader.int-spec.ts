import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { localDate } from '@medgrid/kernel';
import { OutboxWriter } from '@medgrid/messaging';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { aResidentId, anIdentity, MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { labSharingDataSource } from '../database/lab-sharing-data-source';
import { CatalogueEdit } from '../recognition/application/catalogue-edit';
import { GetRecognitionStatisticsQuery } from '../recognition/application/get-recognition-statistics/get-recognition-statistics.query';
import { GetRecognitionStatisticsUseCase } from '../recognition/application/get-recognition-statistics/get-recognition-statistics.use-case';
import { LoadStarterCatalogueCommand } from '../recognition/application/load-starter-catalogue/load-starter-catalogue.command';
import { LoadStarterCatalogueUseCase } from '../recognition/application/load-starter-catalogue/load-starter-catalogue.use-case';
import { RegionItems } from '../recognition/application/region-items';
import { RecognitionOutboxPublisher } from '../recognition/infrastructure/messaging/recognition-outbox.publisher';
import { RecognitionCatalogueTypeormRepository } from '../recognition/infrastructure/persistence/recognition-catalogue.typeorm-repository';
import { RecognitionLookupTypeormRepository } from '../recognition/infrastructure/persistence/recognition-lookup.typeorm-repository';
import { DemoActivityLoader } from './demo-activity.loader';
import { DEMO_RECOGNITION, rateBp } from './demo-activity.plan';

const DAY_MS = 86_400_000;

/** The demo loader on a small city of two groups with the starter catalogue, against the statistics the portal reads. */
describe(DemoActivityLoader.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: DemoActivityLoader;
  const operator: Identity = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('lab_sharing_demo_activity', (url) =>
      labSharingDataSource(url, 6),
    );
    uow = new UnitOfWork(database.dataSource);
    const registry = new RegistryViewTypeormRepository(uow);
    const cityId = uuidv7();
    await registry.upsertCity({ id: cityId, divisionCode: '440100', name: '广州市' });
    const levels = ['tertiary', 'secondary', 'primary', 'primary'] as const;
    for (let g = 0; g < 2; g++) {
      const groupId = uuidv7();
      const gridId = uuidv7();
      const institutions = levels.map(() => uuidv7());
      await registry.upsertGrid({ id: gridId, cityId });
      await registry.upsertGroup({
        id: groupId,
        gridId,
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
      for (let r = 0; r < 25; r++) {
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
    const catalogues = new RecognitionCatalogueTypeormRepository(uow);
    await new LoadStarterCatalogueUseCase(
      new CatalogueEdit(
        uow,
        catalogues,
        new RecognitionOutboxPublisher(new OutboxWriter(uow, 'lab-sharing')),
        registry,
        new ClientRequests(uow),
        new RegionItems(registry, catalogues),
      ),
    ).execute(
      operator,
      LoadStarterCatalogueCommand.create({ clientRequestId: uuidv7(), regionId: cityId, fromVersion: 0 }),
    );
    sut = new DemoActivityLoader(uow);
  });

  afterAll(() => database?.close());

  const settings = { ...DEMO_RECOGNITION, resultsPerGroup: 40 };
  const count = async (table: string) =>
    Number((await database.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

  it('gives each institution the look-ups and decisions planned, a realistic rate, and a second run adds nothing', async () => {
    const first = await sut.load(() => undefined, settings);

    expect(first).toMatchObject({ qualityRecorded: 8, resultsRecorded: 80 });
    const plan = first!.plan;
    expect(first!.lookupsMade).toBe(plan.lookups.length);
    const statistics = await new GetRecognitionStatisticsUseCase(
      new RecognitionLookupTypeormRepository(uow),
    ).execute(
      operator,
      GetRecognitionStatisticsQuery.create({
        since: new Date(Date.now() - settings.windowDays * DAY_MS),
        groupId: '',
      }),
    );
    const byInstitution = new Map<
      string,
      { lookups: number; offered: number; reused: number; orderedAnyway: number }
    >();
    for (const f of statistics.figures) {
      const sum = byInstitution.get(f.institutionId) ?? {
        lookups: 0,
        offered: 0,
        reused: 0,
        orderedAnyway: 0,
      };
      byInstitution.set(f.institutionId, {
        lookups: sum.lookups + f.lookups,
        offered: sum.offered + f.offered,
        reused: sum.reused + f.reused,
        orderedAnyway: sum.orderedAnyway + f.orderedAnyway,
      });
    }
    expect(byInstitution).toEqual(plan.figures);
    expect(statistics.total.reused).toBeGreaterThan(0);
    expect(statistics.total.orderedAnyway).toBeGreaterThan(0);
    expect(statistics.total.rateBp).toBe(rateBp(statistics.total));
    expect(statistics.total.rateBp).toBeGreaterThanOrEqual(8_000);

    const rows = {
      results: await count('result_record'),
      lookups: await count('recognition_lookup'),
      outbox: await count('outbox'),
      audit: await count('audit_log'),
    };
    const second = await sut.load(() => undefined, settings);

    expect(second).toMatchObject({
      qualityRecorded: 0,
      resultsRecorded: 0,
      lookupsMade: 0,
      decisionsMade: 0,
    });
    expect({
      results: await count('result_record'),
      lookups: await count('recognition_lookup'),
      outbox: await count('outbox'),
      audit: await count('audit_log'),
    }).toEqual(rows);
  });
});
