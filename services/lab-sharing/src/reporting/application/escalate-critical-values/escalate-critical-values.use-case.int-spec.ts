import { UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { aCentre } from '../../../centres/test/shared-centre.factory';
import { labSharingDataSource } from '../../../database/lab-sharing-data-source';
import { aPerformedOrder } from '../../../orders/test/order.factory';
import { aLabItem } from '../../../recognition/test/catalogue-item.factory';
import { CriticalValueAlert, type CriticalValueChanged } from '../../domain/critical-value';
import { type ReportingEventPublisher } from '../../domain/reporting-event-publisher';
import { CriticalValueAlertTypeormRepository } from '../../infrastructure/persistence/critical-value-alert.typeorm-repository';
import { ReportTypeormRepository } from '../../infrastructure/persistence/report.typeorm-repository';
import { EscalateCriticalValuesUseCase } from './escalate-critical-values.use-case';
import { anOpenReport, aRaisedAlert } from '../../test/report.factory';

const at = new Date('2026-12-04T01:00:00Z');
const minutes = (n: number) => new Date(at.getTime() + n * 60_000);

describe(EscalateCriticalValuesUseCase.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let alerts: CriticalValueAlertTypeormRepository;
  const announced: CriticalValueChanged[] = [];
  let sut: EscalateCriticalValuesUseCase;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('lab_sharing_escalation', (url) =>
      labSharingDataSource(url, 2),
    );
    uow = new UnitOfWork(database.dataSource);
    alerts = new CriticalValueAlertTypeormRepository(uow);
    const events: ReportingEventPublisher = {
      reportsChanged: () => Promise.resolve(),
      criticalValuesChanged: (changes) => {
        announced.push(...changes);
        return Promise.resolve();
      },
    };
    sut = new EscalateCriticalValuesUseCase(uow, alerts, events);
  });

  afterAll(() => database?.close());

  async function raised(): Promise<CriticalValueAlert> {
    const order = aPerformedOrder(aCentre('laboratory', at), aLabItem(), 'emergency', at).snapshot();
    const report = anOpenReport(order, at);
    await new ReportTypeormRepository(uow).insert(report.snapshot());
    const alert = aRaisedAlert(order, report.id, at);
    await alerts.insert(alert.snapshot());
    return alert;
  }

  it('escalates the critical values unacknowledged at their deadline once each, announcing each, and leaves the rest', async () => {
    const due = await raised();
    const acknowledged = await raised();
    await uow.run(async () => {
      const read = CriticalValueAlert.restore((await alerts.find(acknowledged.snapshot().id, true))!);
      read.acknowledge(
        { institutionId: read.snapshot().orderingInstitutionId, practitionerId: uuidv7() },
        minutes(5),
      );
      await alerts.update(read.snapshot(), 1);
    });

    const early = await sut.execute(minutes(14));
    const first = await sut.execute(minutes(16));
    const again = await sut.execute(minutes(30));

    expect([early, first, again]).toEqual([0, 1, 0]);
    expect(await alerts.find(due.snapshot().id, false)).toMatchObject({
      status: 'escalated',
      escalatedAt: minutes(16),
    });
    expect(await alerts.find(acknowledged.snapshot().id, false)).toMatchObject({ status: 'acknowledged' });
    expect(announced.map((e) => [e.change, e.alert.id])).toEqual([['escalated', due.snapshot().id]]);
  });
});
