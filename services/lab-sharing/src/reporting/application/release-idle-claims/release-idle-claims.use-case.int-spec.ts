import { UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { aCentre } from '../../../centres/test/shared-centre.factory';
import { labSharingDataSource } from '../../../database/lab-sharing-data-source';
import { aPerformedOrder } from '../../../orders/test/order.factory';
import { aLabItem } from '../../../recognition/test/catalogue-item.factory';
import { TurnaroundTargets } from '../../domain/turnaround-targets';
import { ReportTypeormRepository } from '../../infrastructure/persistence/report.typeorm-repository';
import { aContent } from '../../test/report-content.factory';
import { ReportingRules } from '../reporting-rules';
import { ReleaseIdleClaimsUseCase } from './release-idle-claims.use-case';
import { anOpenReport } from '../../test/report.factory';

const at = new Date('2026-12-04T01:00:00Z');
const minutes = (n: number) => new Date(at.getTime() + n * 60_000);
const IDLE_MS = 30 * 60_000;

describe(ReleaseIdleClaimsUseCase.name, () => {
  let database: MigratedTestDatabase;
  let reports: ReportTypeormRepository;
  let sut: ReleaseIdleClaimsUseCase;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('lab_sharing_idle_claims', (url) =>
      labSharingDataSource(url, 2),
    );
    const uow = new UnitOfWork(database.dataSource);
    reports = new ReportTypeormRepository(uow);
    sut = new ReleaseIdleClaimsUseCase(
      uow,
      reports,
      new ReportingRules(TurnaroundTargets.defaults(), IDLE_MS, 15),
    );
  });

  afterAll(() => database?.close());

  it('returns claims idle for the idle time to the worklist with their drafts, in batches, and leaves active ones', async () => {
    const fixture = aCentre('laboratory', at);
    const claimed = (lastSave: Date) => {
      const order = aPerformedOrder(fixture, aLabItem(), 'routine', at).snapshot();
      const report = anOpenReport(order, at);
      const reporter = { centreId: fixture.centre.id, practitionerId: uuidv7(), kind: 'laboratory' as const };
      report.claim(reporter, at, IDLE_MS);
      report.saveDraft(reporter, aContent(), lastSave);
      return report;
    };
    const idle = [claimed(minutes(1)), claimed(minutes(2)), claimed(minutes(3))];
    const active = claimed(minutes(40));
    for (const r of [...idle, active]) await reports.insert(r.snapshot());

    const batches = [
      await sut.execute(minutes(45), 2),
      await sut.execute(minutes(45), 2),
      await sut.execute(minutes(45), 2),
    ];

    expect(batches).toEqual([2, 1, 0]);
    for (const r of idle) {
      expect(await reports.find(r.id, false)).toMatchObject({
        status: 'waiting',
        claim: null,
        draft: aContent(),
      });
    }
    expect(await reports.find(active.id, false)).toMatchObject({ status: 'in-progress' });
  });
});
