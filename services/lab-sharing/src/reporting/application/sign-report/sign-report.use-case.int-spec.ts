import { UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { anIdentity, lockOrder, MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type SharedCentre } from '../../../centres/domain/shared-centre';
import { type SharedCentreRepository } from '../../../centres/domain/shared-centre.repository';
import { aCentre, aReporterOf } from '../../../centres/test/shared-centre.factory';
import { labSharingDataSource } from '../../../database/lab-sharing-data-source';
import { CancelOrderCommand } from '../../../orders/application/cancel-order/cancel-order.command';
import { CancelOrderUseCase } from '../../../orders/application/cancel-order/cancel-order.use-case';
import { OrderReporting } from '../../../orders/application/order-reporting';
import { OrderStep } from '../../../orders/application/order-step';
import { type OrderSnapshot } from '../../../orders/domain/order';
import { type OrderEventPublisher } from '../../../orders/domain/order-event-publisher';
import { OrderTypeormRepository } from '../../../orders/infrastructure/persistence/order.typeorm-repository';
import { aPerformedOrder } from '../../../orders/test/order.factory';
import { aLabItem } from '../../../recognition/test/catalogue-item.factory';
import { Report } from '../../domain/report';
import { type ReportingEventPublisher } from '../../domain/reporting-event-publisher';
import { SignedResults } from '../../domain/signed-results';
import { TurnaroundTargets } from '../../domain/turnaround-targets';
import { CriticalValueAlertTypeormRepository } from '../../infrastructure/persistence/critical-value-alert.typeorm-repository';
import { ReportTypeormRepository } from '../../infrastructure/persistence/report.typeorm-repository';
import { aContent } from '../../test/report-content.factory';
import { ReportStep } from '../report-step';
import { ReportingPractitioners } from '../reporting-practitioners';
import { ReportingRules } from '../reporting-rules';
import { ReportsOfOrders } from '../reports-of-orders';
import { SignReportCommand } from './sign-report.command';
import { SignReportUseCase } from './sign-report.use-case';

const IDLE_MS = 30 * 60_000;

class NoResults extends SignedResults {
  keep(): Promise<void> {
    return Promise.resolve();
  }
}

/** Reporting's side of a cancellation that says when the order is locked and waits to be let go on. */
class HeldReporting extends OrderReporting {
  hold: { letGo: Promise<void>; locked: () => void } | null = null;

  constructor(private readonly inner: ReportsOfOrders) {
    super();
  }

  performed(order: OrderSnapshot, now: Date): Promise<void> {
    return this.inner.performed(order, now);
  }

  async cancelled(order: OrderSnapshot): Promise<void> {
    if (this.hold) {
      this.hold.locked();
      await this.hold.letGo;
    }
    await this.inner.cancelled(order);
  }
}

/** A signature and a cancellation of one order meeting on PostgreSQL, with the real repositories and locks. */
describe(SignReportUseCase.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('lab_sharing_sign_cancel', (url) =>
      labSharingDataSource(url, 4),
    );
    uow = new UnitOfWork(database.dataSource);
  });

  afterAll(() => database?.close());

  it('lets a cancellation that holds the order finish first, then refuses the signature as a step, not a deadlock', async () => {
    const fixture = aCentre('laboratory');
    const practitioner = aReporterOf(fixture);
    const reporter = anIdentity({
      role: 'hospital-staff',
      institutionId: fixture.hostInstitutionId,
      groupId: fixture.groupId,
      practitionerId: practitioner.id,
    });
    const clinic = anIdentity({
      role: 'primary-staff',
      institutionId: fixture.clinicId,
      groupId: fixture.groupId,
    });
    const orders = new OrderTypeormRepository(uow);
    const reports = new ReportTypeormRepository(uow);
    const rules = new ReportingRules(TurnaroundTargets.defaults(), IDLE_MS, 15);
    const silent = { ordersChanged: () => Promise.resolve() } as OrderEventPublisher;
    const quiet = {
      reportsChanged: () => Promise.resolve(),
      criticalValuesChanged: () => Promise.resolve(),
    } as ReportingEventPublisher;
    const reporting = new HeldReporting(new ReportsOfOrders(reports, rules));
    const requests = new ClientRequests(uow);
    const cancel = new CancelOrderUseCase(new OrderStep(uow, orders, requests, silent, reporting));
    const centres = {
      findById: () => Promise.resolve<SharedCentre>(fixture.centre),
    } as unknown as SharedCentreRepository;
    const practitioners = new (class extends ReportingPractitioners {
      find() {
        return Promise.resolve(practitioner);
      }
    })();
    const sut = new SignReportUseCase(
      new ReportStep(
        uow,
        reports,
        new CriticalValueAlertTypeormRepository(uow),
        centres,
        practitioners,
        orders,
        silent,
        new NoResults(),
        requests,
        quiet,
        rules,
      ),
    );
    const at = new Date(Date.now() - 60_000);
    const order = aPerformedOrder(fixture, aLabItem(), 'emergency', at).snapshot();
    await orders.insert(order);
    const report = Report.open({ id: uuidv7(), itemDataClass: 'general' }, order, rules.targets, at);
    const claimant = {
      centreId: fixture.centre.id,
      practitionerId: practitioner.id,
      kind: 'laboratory' as const,
    };
    report.claim(claimant, at, IDLE_MS);
    report.saveDraft(claimant, aContent(), at);
    await reports.insert(report.snapshot());
    let signature: unknown;

    const steps = await lockOrder(
      async (letGo, locked) => {
        reporting.hold = { letGo, locked };
        await cancel.execute(
          clinic,
          CancelOrderCommand.create({ clientRequestId: uuidv7(), orderId: order.id, reason: '患者已转诊' }),
        );
      },
      () =>
        sut
          .execute(reporter, SignReportCommand.create({ clientRequestId: uuidv7(), reportId: report.id }))
          .then(
            () => (signature = 'signed'),
            (error: unknown) => (signature = error),
          ),
      { holdMs: 300 },
    );

    expect(steps).toEqual(['released', 'holder done', 'waiter done']);
    expect(signature).toMatchObject({ code: 'ILLEGAL_STEP' });
    expect(await orders.find(order.id, false)).toMatchObject({ status: 'cancelled' });
    expect(await reports.find(report.id, false)).toMatchObject({ status: 'cancelled', versions: [] });
  });
});
