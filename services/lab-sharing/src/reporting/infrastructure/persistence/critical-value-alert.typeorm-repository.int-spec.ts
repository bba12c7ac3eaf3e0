import { UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { aCentre } from '../../../centres/test/shared-centre.factory';
import { labSharingDataSource } from '../../../database/lab-sharing-data-source';
import { aPerformedOrder } from '../../../orders/test/order.factory';
import { aLabItem } from '../../../recognition/test/catalogue-item.factory';
import { CriticalValueAlert } from '../../domain/critical-value';
import { ReportingError, ReportingErrorCode } from '../../domain/reporting-error';
import { CriticalValueAlertTypeormRepository } from './critical-value-alert.typeorm-repository';
import { ReportTypeormRepository } from './report.typeorm-repository';
import { anOpenReport, aRaisedAlert } from '../../test/report.factory';

const at = new Date('2026-12-04T01:00:00Z');
const minutes = (n: number) => new Date(at.getTime() + n * 60_000);

describe(CriticalValueAlertTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: CriticalValueAlertTypeormRepository;
  let reports: ReportTypeormRepository;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('lab_sharing_critical_value', (url) =>
      labSharingDataSource(url, 2),
    );
    uow = new UnitOfWork(database.dataSource);
    sut = new CriticalValueAlertTypeormRepository(uow);
    reports = new ReportTypeormRepository(uow);
  });

  afterAll(() => database?.close());

  /** An alert raised at `when` on a stored report, to acknowledge within 15 minutes. */
  async function raised(when = at, orderingInstitutionId?: string): Promise<CriticalValueAlert> {
    const fixture = aCentre('laboratory', at);
    const order = aPerformedOrder(fixture, aLabItem(), 'emergency', at).snapshot();
    const report = anOpenReport(order, at);
    await reports.insert(report.snapshot());
    const alert = aRaisedAlert(order, report.id, when, orderingInstitutionId);
    alert.pullEvents();
    await sut.insert(alert.snapshot());
    return alert;
  }

  it('stores an alert and its acknowledgement, who and when', async () => {
    const alert = await raised();
    const site = alert.snapshot().orderingInstitutionId;
    const clinician = uuidv7();

    await uow.run(async () => {
      const read = (await sut.find(alert.snapshot().id, true))!;
      const changed = CriticalValueAlert.restore(read);
      changed.acknowledge({ institutionId: site, practitionerId: clinician }, minutes(5));
      await sut.update(changed.snapshot(), read.version);
    });

    expect(await sut.find(alert.snapshot().id, false)).toEqual({
      ...alert.snapshot(),
      status: 'acknowledged',
      acknowledgedAt: minutes(5),
      acknowledgedBy: clinician,
      version: 2,
    });
  });

  it('refuses a write from a stale read with VERSION_CONFLICT', async () => {
    const alert = await raised();
    const stale = alert.snapshot();
    const escalated = CriticalValueAlert.restore(stale);
    escalated.escalateIfDue(minutes(20));
    await sut.update(escalated.snapshot(), stale.version);
    const acknowledged = CriticalValueAlert.restore(stale);
    acknowledged.acknowledge(
      { institutionId: stale.orderingInstitutionId, practitionerId: uuidv7() },
      minutes(21),
    );

    const write = sut.update(acknowledged.snapshot(), stale.version);

    await expect(write).rejects.toThrow(ReportingError);
    await expect(write).rejects.toMatchObject({ code: ReportingErrorCode.VersionConflict });
    expect((await sut.find(stale.id, false))!.status).toBe('escalated');
  });

  it('takes raised alerts past their deadline only, skipping one another transaction holds', async () => {
    const [due, held, early] = [await raised(minutes(-100)), await raised(minutes(-100)), await raised(at)];
    const holder = database.dataSource.createQueryRunner();
    await holder.startTransaction();
    await holder.query('SELECT id FROM critical_value_alert WHERE id = $1 FOR UPDATE', [held.snapshot().id]);

    try {
      const taken = await uow.run(() => sut.lockDue(minutes(1), 100));
      const ours = [due, held, early].map((a) => a.snapshot().id);

      expect(taken.map((a) => a.id).filter((id) => ours.includes(id))).toEqual([due.snapshot().id]);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
  });

  it("lists an ordering site's alerts newest first and counts the unacknowledged ones", async () => {
    const site = uuidv7();
    const older = await raised(minutes(0), site);
    const newer = await raised(minutes(5), site);

    const page = await sut.list({ orderingInstitutionId: site, status: undefined, after: null, limit: 10 });
    const counts = (await sut.unacknowledged()).filter((c) => c.orderingInstitutionId === site);

    expect(page.map((a) => a.id)).toEqual([newer.snapshot().id, older.snapshot().id]);
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(2);
  });
});
