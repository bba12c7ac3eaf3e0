import { type Identity } from '@medgrid/auth';
import { type UnitOfWork } from '@medgrid/database';
import { type ClientRequest, ClientRequests } from '@medgrid/idempotency';
import { anIdentity } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type CentrePractitioner, type SharedCentre } from '../../../centres/domain/shared-centre';
import { type SharedCentreRepository } from '../../../centres/domain/shared-centre.repository';
import { aCentre, aReporterOf } from '../../../centres/test/shared-centre.factory';
import { type OrderChanged, type OrderSnapshot } from '../../../orders/domain/order';
import { type OrderEventPublisher } from '../../../orders/domain/order-event-publisher';
import { type OrderRepository } from '../../../orders/domain/order.repository';
import { aPerformedOrder } from '../../../orders/test/order.factory';
import { aLabItem } from '../../../recognition/test/catalogue-item.factory';
import { type CriticalValueAlertSnapshot, type CriticalValueChanged } from '../../domain/critical-value';
import { type CriticalValueAlertRepository } from '../../domain/critical-value-alert.repository';
import { Report, type ReportChanged, type ReportSnapshot } from '../../domain/report';
import { type ReportRepository } from '../../domain/report.repository';
import { type ReportingEventPublisher } from '../../domain/reporting-event-publisher';
import { SignedResults } from '../../domain/signed-results';
import { TurnaroundTargets } from '../../domain/turnaround-targets';
import { aContent, anObservation } from '../../test/report-content.factory';
import { ReportStep } from '../report-step';
import { ReportingPractitioners } from '../reporting-practitioners';
import { ReportingRules } from '../reporting-rules';
import { SignReportCommand } from './sign-report.command';
import { SignReportUseCase } from './sign-report.use-case';

const at = new Date('2026-12-04T01:00:00Z');
const minutes = (n: number) => new Date(at.getTime() + n * 60_000);
const IDLE_MS = 30 * 60_000;

/** The client request log in memory: a retry of one request on one report. */
class InMemoryRequests extends ClientRequests {
  readonly seen = new Map<string, string>();

  constructor() {
    super({} as UnitOfWork);
  }

  override isRetry(request: ClientRequest, resourceId: string): Promise<boolean> {
    const key = `${request.operation}:${request.clientRequestId}`;
    if (this.seen.get(key) === resourceId) return Promise.resolve(true);
    this.seen.set(key, resourceId);
    return Promise.resolve(false);
  }
}

/** What the result registry was handed, in the signing transaction. */
class KeptResults extends SignedResults {
  readonly kept: { report: ReportSnapshot; order: OrderSnapshot; at: Date }[] = [];

  keep(report: ReportSnapshot, order: OrderSnapshot, when: Date): Promise<void> {
    this.kept.push({ report, order, at: when });
    return Promise.resolve();
  }
}

/**
 * One laboratory centre, its reports, orders and alerts in memory: this spec is about what signing decides and
 * hands on in its transaction, not about SQL (the repositories have their own tests).
 */
class World {
  readonly fixture = aCentre('laboratory', at);
  readonly reports = new Map<string, ReportSnapshot>();
  readonly orders = new Map<string, OrderSnapshot>();
  readonly alerts: CriticalValueAlertSnapshot[] = [];
  readonly practitioners = new Map<string, CentrePractitioner>();
  readonly reportEvents: ReportChanged[] = [];
  readonly orderEvents: OrderChanged[] = [];
  readonly alertEvents: CriticalValueChanged[] = [];
  readonly results = new KeptResults();
  readonly requests = new InMemoryRequests();
  readonly reporter: Identity;

  constructor() {
    const practitioner = aReporterOf(this.fixture);
    this.practitioners.set(practitioner.id, practitioner);
    this.reporter = this.staffOfHost(practitioner.id);
  }

  staffOfHost(practitionerId: string): Identity {
    return anIdentity({
      role: 'hospital-staff',
      institutionId: this.fixture.hostInstitutionId,
      groupId: this.fixture.groupId,
      practitionerId,
    });
  }

  /** A report of a performed order, claimed by the reporter with `content` drafted. */
  drafted(content = aContent()): ReportSnapshot {
    const order = aPerformedOrder(this.fixture, aLabItem(), 'emergency', at).snapshot();
    this.orders.set(order.id, order);
    const report = Report.open(
      { id: uuidv7(), itemDataClass: 'general' },
      order,
      TurnaroundTargets.defaults(),
      at,
    );
    const reporter = {
      centreId: this.fixture.centre.id,
      practitionerId: this.reporter.practitionerId!,
      kind: 'laboratory' as const,
    };
    report.claim(reporter, minutes(1), IDLE_MS);
    report.saveDraft(reporter, content, minutes(2));
    report.pullEvents();
    this.reports.set(report.id, report.snapshot());
    return report.snapshot();
  }

  sut(): SignReportUseCase {
    const uow = {
      run: <T>(work: () => Promise<T>) => work(),
      afterCommit: (callback: () => void) => callback(),
    } as unknown as UnitOfWork;
    const reports = {
      find: (id: string) => Promise.resolve(this.reports.get(id) ?? null),
      update: (report: ReportSnapshot, readVersion: number) => {
        if (this.reports.get(report.id)?.version !== readVersion) throw new Error('stale');
        this.reports.set(report.id, report);
        return Promise.resolve();
      },
    } as unknown as ReportRepository;
    const orders = {
      find: (id: string) => Promise.resolve(this.orders.get(id) ?? null),
      update: (order: OrderSnapshot) => {
        this.orders.set(order.id, order);
        return Promise.resolve();
      },
    } as unknown as OrderRepository;
    const alerts = {
      insert: (alert: CriticalValueAlertSnapshot) => {
        this.alerts.push(alert);
        return Promise.resolve();
      },
    } as unknown as CriticalValueAlertRepository;
    const centres = {
      findById: (id: string) =>
        Promise.resolve<SharedCentre | null>(id === this.fixture.centre.id ? this.fixture.centre : null),
    } as unknown as SharedCentreRepository;
    const practitioners = new (class extends ReportingPractitioners {
      constructor(private readonly world: World) {
        super();
      }
      find(id: string) {
        return Promise.resolve(this.world.practitioners.get(id) ?? null);
      }
    })(this);
    const orderEvents: OrderEventPublisher = {
      ordersChanged: (events: readonly OrderChanged[]) => {
        this.orderEvents.push(...events);
        return Promise.resolve();
      },
    };
    const events: ReportingEventPublisher = {
      reportsChanged: (changes: readonly ReportChanged[]) => {
        this.reportEvents.push(...changes);
        return Promise.resolve();
      },
      criticalValuesChanged: (changes: readonly CriticalValueChanged[]) => {
        this.alertEvents.push(...changes);
        return Promise.resolve();
      },
    };
    const rules = new ReportingRules(TurnaroundTargets.defaults(), IDLE_MS, 15);
    const step = new ReportStep(
      uow,
      reports,
      alerts,
      centres,
      practitioners,
      orders,
      orderEvents,
      this.results,
      this.requests,
      events,
      rules,
    );
    return new SignReportUseCase(step);
  }
}

const sign = (reportId: string, clientRequestId = uuidv7()) =>
  SignReportCommand.create({ clientRequestId, reportId });

describe(SignReportUseCase.name, () => {
  it('signs the draft, marks the order reported and hands both to the result registry with ReportSigned', async () => {
    const world = new World();
    const drafted = world.drafted();

    const { report, criticalValue } = await world.sut().execute(world.reporter, sign(drafted.id), minutes(3));

    expect(report).toMatchObject({ status: 'signed', versions: [{ number: 1, signedAt: minutes(3) }] });
    expect(criticalValue).toBeNull();
    expect(world.orders.get(drafted.orderId)).toMatchObject({ status: 'reported', reportId: drafted.id });
    expect(world.results.kept).toEqual([
      { report, order: world.orders.get(drafted.orderId), at: minutes(3) },
    ]);
    expect(world.reportEvents.map((e) => e.change)).toEqual(['signed']);
    expect(world.orderEvents.map((e) => e.change)).toEqual(['reported']);
  });

  it('raises a critical value to the ordering site, due within the acknowledgement time', async () => {
    const world = new World();
    const drafted = world.drafted(
      aContent({
        observations: [
          anObservation({
            itemCode: 'LAB-K',
            value: { kind: 'quantity', value: 6.8, unit: 'mmol/L' },
            referenceRange: { low: 3.5, high: 5.5 },
            flag: 'HH',
            loinc: '2823-3',
          }),
        ],
        criticalNote: '血钾 6.8 mmol/L',
      }),
    );

    const { criticalValue } = await world.sut().execute(world.reporter, sign(drafted.id), minutes(3));

    expect(criticalValue).toMatchObject({
      reportId: drafted.id,
      reportVersion: 1,
      orderingInstitutionId: world.fixture.clinicId,
      note: '血钾 6.8 mmol/L',
      status: 'raised',
      acknowledgeBy: minutes(18),
    });
    expect(world.alerts).toEqual([criticalValue]);
    expect(world.alertEvents.map((e) => e.change)).toEqual(['raised']);
  });

  it('answers a retry with the report as signed, handing nothing on twice', async () => {
    const world = new World();
    const drafted = world.drafted();
    const command = sign(drafted.id);
    const first = await world.sut().execute(world.reporter, command, minutes(3));

    const again = await world.sut().execute(world.reporter, command, minutes(4));

    expect(again.report).toEqual(first.report);
    expect(world.results.kept).toHaveLength(1);
    expect(world.reportEvents).toHaveLength(1);
  });

  it("refuses a practitioner of the host whose specialty does not sign the item's kind, changing nothing", async () => {
    const world = new World();
    const drafted = world.drafted();
    const cardiologist = aReporterOf(world.fixture, '03.04');
    world.practitioners.set(cardiologist.id, cardiologist);

    const act = world.sut().execute(world.staffOfHost(cardiologist.id), sign(drafted.id), minutes(3));

    await expect(act).rejects.toMatchObject({ code: 'SPECIALTY_DOES_NOT_FIT' });
    expect(world.reports.get(drafted.id)).toEqual(drafted);
    expect(world.results.kept).toEqual([]);
  });

  it('refuses the staff of another institution before anything is read of the practitioner', async () => {
    const world = new World();
    const drafted = world.drafted();
    const outsider = anIdentity({
      role: 'hospital-staff',
      groupId: world.fixture.groupId,
      practitionerId: uuidv7(),
    });

    const act = world.sut().execute(outsider, sign(drafted.id), minutes(3));

    await expect(act).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(world.reports.get(drafted.id)).toEqual(drafted);
  });

  it('refuses a token that names no practitioner', async () => {
    const world = new World();
    const drafted = world.drafted();

    const act = world
      .sut()
      .execute({ ...world.reporter, practitionerId: null }, sign(drafted.id), minutes(3));

    await expect(act).rejects.toMatchObject({ code: 'REPORTER_REQUIRED' });
  });
});
