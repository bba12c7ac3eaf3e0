import { type UnitOfWork } from '@medgrid/database';
import { type ClientRequest, ClientRequests } from '@medgrid/idempotency';
import { anIdentity } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import {
  CriticalValueAlert,
  type CriticalValueAlertSnapshot,
  type CriticalValueChanged,
} from '../../domain/critical-value';
import { type CriticalValueAlertRepository } from '../../domain/critical-value-alert.repository';
import { type ReportingEventPublisher } from '../../domain/reporting-event-publisher';
import { AcknowledgeCriticalValueCommand } from './acknowledge-critical-value.command';
import { AcknowledgeCriticalValueUseCase } from './acknowledge-critical-value.use-case';

const at = new Date('2026-12-04T01:00:00Z');
const minutes = (n: number) => new Date(at.getTime() + n * 60_000);
const SITE = uuidv7();

/** The client request log in memory: a retry of one request on one alert, any other use of its id refused. */
class InMemoryRequests extends ClientRequests {
  readonly seen = new Map<string, string>();

  constructor() {
    super({} as UnitOfWork);
  }

  override isRetry(request: ClientRequest, resourceId: string): Promise<boolean> {
    const earlier = this.seen.get(request.clientRequestId);
    if (earlier === undefined) {
      this.seen.set(request.clientRequestId, resourceId);
      return Promise.resolve(false);
    }
    if (earlier === resourceId) return Promise.resolve(true);
    return Promise.reject(new Error('CLIENT_REQUEST_REUSED'));
  }
}

/** One alert raised to SITE at `at`, stored and announced in memory. */
class World {
  readonly alerts = new Map<string, CriticalValueAlertSnapshot>();
  readonly announced: CriticalValueChanged[] = [];
  readonly requests = new InMemoryRequests();
  readonly alert = CriticalValueAlert.raise(
    {
      id: uuidv7(),
      reportId: uuidv7(),
      reportVersion: 1,
      orderId: uuidv7(),
      groupId: uuidv7(),
      centreId: uuidv7(),
      orderingInstitutionId: SITE,
      patientResidentId: '110101199003076794',
      note: '血钾 6.8 mmol/L',
    },
    15,
    at,
  ).snapshot();

  constructor() {
    this.alerts.set(this.alert.id, this.alert);
  }

  sut(): AcknowledgeCriticalValueUseCase {
    const uow = { run: <T>(work: () => Promise<T>) => work() } as unknown as UnitOfWork;
    const alerts = {
      find: (id: string) => Promise.resolve(this.alerts.get(id) ?? null),
      update: (alert: CriticalValueAlertSnapshot) => {
        this.alerts.set(alert.id, alert);
        return Promise.resolve();
      },
    } as unknown as CriticalValueAlertRepository;
    const events: ReportingEventPublisher = {
      reportsChanged: () => Promise.resolve(),
      criticalValuesChanged: (changes) => {
        this.announced.push(...changes);
        return Promise.resolve();
      },
    };
    return new AcknowledgeCriticalValueUseCase(uow, alerts, this.requests, events);
  }
}

const clinicianOf = (institutionId: string) =>
  anIdentity({ role: 'primary-staff', institutionId, practitionerId: uuidv7() });
const acknowledge = (criticalValueId: string, clientRequestId = uuidv7()) =>
  AcknowledgeCriticalValueCommand.create({ clientRequestId, criticalValueId });

describe(AcknowledgeCriticalValueUseCase.name, () => {
  it('records the clinician of the ordering site and when, with CriticalValueAcknowledged', async () => {
    const world = new World();
    const clinician = clinicianOf(SITE);

    const sut = await world.sut().execute(clinician, acknowledge(world.alert.id), minutes(5));

    expect(sut).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: clinician.practitionerId,
      acknowledgedAt: minutes(5),
    });
    expect(world.announced.map((e) => e.change)).toEqual(['acknowledged']);
  });

  it('answers a retry with the alert as acknowledged, announcing nothing again', async () => {
    const world = new World();
    const clinician = clinicianOf(SITE);
    const command = acknowledge(world.alert.id);
    const first = await world.sut().execute(clinician, command, minutes(5));

    const again = await world.sut().execute(clinician, command, minutes(6));

    expect(again).toEqual(first);
    expect(world.announced).toHaveLength(1);
  });

  it("refuses another institution's clinician even with a request id the site used, changing nothing", async () => {
    const world = new World();
    const command = acknowledge(world.alert.id);
    await world.sut().execute(clinicianOf(SITE), command, minutes(5));
    const acknowledged = world.alerts.get(world.alert.id);

    const act = world.sut().execute(clinicianOf(uuidv7()), command, minutes(6));

    await expect(act).rejects.toMatchObject({ code: 'NOT_THE_ORDERING_INSTITUTION' });
    expect(world.alerts.get(world.alert.id)).toEqual(acknowledged);
  });

  it('refuses partner systems and supervisors, who are not clinicians of the site', async () => {
    const world = new World();

    for (const role of ['partner-system', 'group-admin', 'city-operator'] as const) {
      const act = world
        .sut()
        .execute(
          anIdentity({ role, institutionId: SITE, practitionerId: uuidv7() }),
          acknowledge(world.alert.id),
        );
      await expect(act).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(world.alerts.get(world.alert.id)).toEqual(world.alert);
  });
});
