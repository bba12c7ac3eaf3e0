import { UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { aCentre, type CentreFixture } from '../../../centres/test/shared-centre.factory';
import { type Urgency } from '../../../common/urgency';
import { labSharingDataSource } from '../../../database/lab-sharing-data-source';
import { aPerformedOrder } from '../../../orders/test/order.factory';
import { aLabItem } from '../../../recognition/test/catalogue-item.factory';
import { Report } from '../../domain/report';
import { ReportingError, ReportingErrorCode } from '../../domain/reporting-error';
import { aContent } from '../../test/report-content.factory';
import { ReportTypeormRepository } from './report.typeorm-repository';
import { anOpenReport } from '../../test/report.factory';

const at = new Date('2026-12-04T01:00:00Z');
const minutes = (n: number) => new Date(at.getTime() + n * 60_000);
const IDLE_MS = 30 * 60_000;

describe(ReportTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: ReportTypeormRepository;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('lab_sharing_report', (url) => labSharingDataSource(url, 2));
    uow = new UnitOfWork(database.dataSource);
    sut = new ReportTypeormRepository(uow);
  });

  afterAll(() => database?.close());

  const opened = (fixture: CentreFixture, urgency: Urgency = 'routine', when = at) =>
    anOpenReport(aPerformedOrder(fixture, aLabItem(), urgency, when).snapshot(), when);

  const reporterOf = (fixture: CentreFixture) => ({
    centreId: fixture.centre.id,
    practitionerId: uuidv7(),
    kind: 'laboratory' as const,
  });

  it('keeps every signed version, the first untouched by an amendment, with the claim and draft in between', async () => {
    const fixture = aCentre('laboratory', at);
    const reporter = reporterOf(fixture);
    const report = opened(fixture);
    await sut.insert(report.snapshot());

    const step = (apply: (r: Report) => void) =>
      uow.run(async () => {
        const read = (await sut.find(report.id, true))!;
        const changed = Report.restore(read);
        apply(changed);
        await sut.update(changed.snapshot(), read.version);
      });
    await step((r) => r.claim(reporter, minutes(1), IDLE_MS));
    await step((r) => r.saveDraft(reporter, aContent(), minutes(2)));
    expect(await sut.find(report.id, false)).toMatchObject({
      status: 'in-progress',
      claim: { practitionerId: reporter.practitionerId, claimedAt: minutes(1), lastActivityAt: minutes(2) },
      draft: aContent(),
    });
    await step((r) => r.sign(reporter, minutes(3)));
    await step((r) => r.amend(reporter, aContent({ conclusion: '复核后修正' }), '单位录入错误', minutes(4)));

    const stored = (await sut.findByOrder(report.snapshot().orderId, false))!;
    expect(stored.versions).toEqual([
      {
        number: 1,
        content: aContent(),
        signedBy: reporter.practitionerId,
        signedAt: minutes(3),
        amendmentReason: null,
      },
      {
        number: 2,
        content: aContent({ conclusion: '复核后修正' }),
        signedBy: reporter.practitionerId,
        signedAt: minutes(4),
        amendmentReason: '单位录入错误',
      },
    ]);
    expect(stored).toMatchObject({ status: 'signed', claim: null, draft: null });
  });

  it('refuses a write from a stale read with VERSION_CONFLICT and keeps the stored report', async () => {
    const fixture = aCentre('laboratory', at);
    const report = opened(fixture);
    await sut.insert(report.snapshot());
    const stale = report.snapshot();
    const first = Report.restore(stale);
    first.claim(reporterOf(fixture), minutes(1), IDLE_MS);
    await sut.update(first.snapshot(), stale.version);
    const second = Report.restore(stale);
    second.claim(reporterOf(fixture), minutes(1), IDLE_MS);

    const write = sut.update(second.snapshot(), stale.version);

    await expect(write).rejects.toThrow(ReportingError);
    await expect(write).rejects.toMatchObject({ code: ReportingErrorCode.VersionConflict });
    expect((await sut.find(report.id, false))!.claim?.practitionerId).toBe(
      first.snapshot().claim?.practitionerId,
    );
  });

  it('pages a worklist emergency first, then the longest waiting, leaving signed and other centres out', async () => {
    const fixture = aCentre('laboratory', at);
    const routineOld = opened(fixture, 'routine', minutes(0));
    const routineNew = opened(fixture, 'routine', minutes(5));
    const emergency = opened(fixture, 'emergency', minutes(10));
    const urgent = opened(fixture, 'urgent', minutes(7));
    const cancelled = opened(fixture, 'emergency', minutes(1));
    cancelled.cancel();
    for (const r of [
      routineOld,
      routineNew,
      emergency,
      urgent,
      cancelled,
      opened(aCentre('laboratory', at)),
    ]) {
      await sut.insert(r.snapshot());
    }

    const first = await sut.worklist(fixture.centre.id, null, 2);
    const rest = await sut.worklist(
      fixture.centre.id,
      { urgencyRank: 1, receivedAt: minutes(7), id: urgent.id },
      10,
    );

    expect(first.map((r) => r.id)).toEqual([emergency.id, urgent.id]);
    expect(rest.map((r) => r.id)).toEqual([routineOld.id, routineNew.id]);
  });

  it('takes only claims idle long enough, skipping a report another transaction holds', async () => {
    const fixture = aCentre('laboratory', at);
    const [idle, held, active] = [opened(fixture), opened(fixture), opened(fixture)];
    idle.claim(reporterOf(fixture), minutes(0), IDLE_MS);
    held.claim(reporterOf(fixture), minutes(0), IDLE_MS);
    active.claim(reporterOf(fixture), minutes(50), IDLE_MS);
    for (const r of [idle, held, active]) await sut.insert(r.snapshot());
    const holder = database.dataSource.createQueryRunner();
    await holder.startTransaction();
    await holder.query('SELECT id FROM report WHERE id = $1 FOR UPDATE', [held.id]);

    try {
      const taken = await uow.run(() => sut.lockIdleClaims(minutes(40), 10));

      expect(taken.map((r) => r.id).filter((id) => [idle.id, held.id, active.id].includes(id))).toEqual([
        idle.id,
      ]);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
  });

  it('counts the reports past their due time per centre', async () => {
    const fixture = aCentre('laboratory', at);
    const emergency = opened(fixture, 'emergency', at);
    for (const r of [emergency, opened(fixture, 'routine', at)]) await sut.insert(r.snapshot());

    const counts = await sut.overdueByCentre(minutes(61));

    expect(counts.find((c) => c.centreId === fixture.centre.id)).toEqual({
      centreId: fixture.centre.id,
      groupId: fixture.groupId,
      overdue: 1,
    });
  });
});
