import { type Identity } from '@medgrid/auth';
import { type UnitOfWork } from '@medgrid/database';
import { type ClientRequest, ClientRequests } from '@medgrid/idempotency';
import { type RegistryView } from '@medgrid/registry-view';
import { anIdentity, aResidentId } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type SharedCentre } from '../../../centres/domain/shared-centre';
import { type SharedCentreRepository } from '../../../centres/domain/shared-centre.repository';
import { aCentre } from '../../../centres/test/shared-centre.factory';
import { type CatalogueItem } from '../../../recognition/domain/catalogue-item';
import { type RecognitionCatalogueRepository } from '../../../recognition/domain/recognition-catalogue.repository';
import { RecognitionLookup } from '../../../recognition/domain/recognition-lookup';
import { type RecognitionLookupRepository } from '../../../recognition/domain/recognition-lookup.repository';
import { aLabItem } from '../../../recognition/test/catalogue-item.factory';
import { type OrderChanged, type OrderSnapshot } from '../../domain/order';
import { type OrderEventPublisher } from '../../domain/order-event-publisher';
import { type OrderRepository } from '../../domain/order.repository';
import { OrderReporting } from '../order-reporting';
import { OrderStep } from '../order-step';
import { PlaceOrderCommand, type PlaceOrderInput } from './place-order.command';
import { PlaceOrderUseCase } from './place-order.use-case';

const now = new Date('2026-12-04T08:00:00Z');
const hours = (n: number) => new Date(now.getTime() + n * 3600_000);
const REGION = uuidv7();

/** createOnce in memory: a retry is answered with what the first attempt made. */
class InMemoryRequests extends ClientRequests {
  readonly made = new Map<string, string>();

  constructor() {
    super({} as UnitOfWork);
  }

  override async createOnce<T>(
    request: ClientRequest,
    work: { load: (id: string) => Promise<T | null>; create: () => Promise<{ id: string; result: T }> },
  ): Promise<T> {
    const earlier = this.made.get(request.clientRequestId);
    if (earlier) return (await work.load(earlier))!;
    const { id, result } = await work.create();
    this.made.set(request.clientRequestId, id);
    return result;
  }
}

/** A laboratory centre serving one clinic, the region's catalogue, its look-ups and the orders, in memory. */
class World {
  readonly fixture = aCentre('laboratory', hours(-100));
  readonly items = new Map<string, CatalogueItem>([['LAB-GLU', aLabItem()]]);
  readonly lookups: RecognitionLookup[] = [];
  readonly orders = new Map<string, OrderSnapshot>();
  readonly events: OrderChanged[] = [];
  readonly opened: string[] = [];
  readonly requests = new InMemoryRequests();
  readonly clinician: Identity = anIdentity({
    role: 'primary-staff',
    institutionId: this.fixture.clinicId,
    groupId: this.fixture.groupId,
    practitionerId: uuidv7(),
  });

  /** A look-up by the clinic of `patient` at `at` that offered a result, decided as `decide` says. */
  lookedUp(patient: string, at: Date, decide?: (lookup: RecognitionLookup) => void): RecognitionLookup {
    const lookup = RecognitionLookup.record(
      {
        id: uuidv7(),
        groupId: this.fixture.groupId,
        patientResidentId: patient,
        itemCode: 'LAB-GLU',
        orderingInstitutionId: this.fixture.clinicId,
      },
      [
        {
          resultId: uuidv7(),
          performedAt: hours(-30),
          performingInstitutionId: uuidv7(),
          mark: 'region',
          validUntil: hours(100),
        },
      ] as never,
      at,
    );
    decide?.(lookup);
    this.lookups.push(lookup);
    return lookup;
  }

  sut(): PlaceOrderUseCase {
    const uow = { run: <T>(work: () => Promise<T>) => work() } as unknown as UnitOfWork;
    const orders = {
      find: (id: string) => Promise.resolve(this.orders.get(id) ?? null),
      insert: (order: OrderSnapshot) => {
        this.orders.set(order.id, order);
        return Promise.resolve();
      },
    } as unknown as OrderRepository;
    const centres = {
      findById: (id: string) =>
        Promise.resolve<SharedCentre | null>(id === this.fixture.centre.id ? this.fixture.centre : null),
      list: (filter: { groupId: string }) =>
        Promise.resolve(filter.groupId === this.fixture.groupId ? [this.fixture.centre] : []),
    } as unknown as SharedCentreRepository;
    const catalogues = {
      findItem: (regionId: string, code: string) =>
        Promise.resolve(regionId === REGION ? (this.items.get(code) ?? null) : null),
    } as unknown as RecognitionCatalogueRepository;
    const lookups = {
      find: (id: string) => Promise.resolve(this.lookups.find((l) => l.id === id) ?? null),
      latestFor: (site: string, patient: string, item: string, since: Date) =>
        Promise.resolve(
          this.lookups
            .filter((l) => {
              const s = l.snapshot();
              return (
                s.orderingInstitutionId === site &&
                s.patientResidentId === patient &&
                s.itemCode === item &&
                s.lookedUpAt >= since
              );
            })
            .at(-1) ?? null,
        ),
    } as unknown as RecognitionLookupRepository;
    const registry = {
      cityOfInstitution: (id: string) => Promise.resolve(id === this.fixture.clinicId ? REGION : null),
    } as unknown as RegistryView;
    const events: OrderEventPublisher = {
      ordersChanged: (changes: readonly OrderChanged[]) => {
        this.events.push(...changes);
        return Promise.resolve();
      },
    };
    const reporting = new (class extends OrderReporting {
      constructor(private readonly world: World) {
        super();
      }
      performed(order: OrderSnapshot) {
        this.world.opened.push(order.id);
        return Promise.resolve();
      }
      cancelled() {
        return Promise.resolve();
      }
    })(this);
    const step = new OrderStep(uow, orders, this.requests, events, reporting);
    return new PlaceOrderUseCase(orders, centres, catalogues, lookups, registry, this.requests, step);
  }
}

const anOrder = (overrides: Partial<PlaceOrderInput> = {}) =>
  PlaceOrderCommand.create(
    {
      clientRequestId: uuidv7(),
      orderingInstitutionId: '',
      orderingPractitionerId: '',
      patientResidentId: aResidentId(),
      itemCode: 'LAB-GLU',
      centreId: '',
      clinicalInfo: '口渴多饮',
      urgency: 'routine',
      referralId: '',
      lookupId: '',
      ...overrides,
    },
    now,
  );

describe(PlaceOrderUseCase.name, () => {
  it("places the order at the group's centre serving the clinic, by the token's practitioner, with OrderPlaced", async () => {
    const world = new World();

    const order = await world.sut().execute(world.clinician, anOrder(), now);

    expect(order).toMatchObject({
      status: 'placed',
      centreId: world.fixture.centre.id,
      orderingInstitutionId: world.fixture.clinicId,
      orderingPractitionerId: world.clinician.practitionerId,
      item: { code: 'LAB-GLU', kind: 'laboratory', specimen: 'serum', dataClass: 'general' },
      lookupId: null,
    });
    expect(world.events.map((e) => e.change)).toEqual(['placed']);
  });

  it('answers a retry with the order its first attempt placed', async () => {
    const world = new World();
    const command = anOrder();
    const first = await world.sut().execute(world.clinician, command, now);

    const again = await world.sut().execute(world.clinician, command, now);

    expect(again).toEqual(first);
    expect(world.orders.size).toBe(1);
  });

  it("refuses an item the region's catalogue does not have, naming itemCode", async () => {
    const world = new World();

    const act = world.sut().execute(world.clinician, anOrder({ itemCode: 'LAB-NOPE' }), now);

    await expect(act).rejects.toMatchObject({
      code: 'UNKNOWN_ITEM',
      violations: [expect.objectContaining({ field: 'itemCode' })],
    });
    expect(world.orders.size).toBe(0);
  });

  it('refuses an order after a look-up that offered a result until the site ordered anyway, named or not', async () => {
    const world = new World();
    const patient = aResidentId();
    const pending = world.lookedUp(patient, hours(-1));

    const unnamed = world.sut().execute(world.clinician, anOrder({ patientResidentId: patient }), now);
    const named = world
      .sut()
      .execute(world.clinician, anOrder({ patientResidentId: patient, lookupId: pending.id }), now);

    await expect(unnamed).rejects.toMatchObject({ code: 'RECOGNISED_RESULT_NOT_DECIDED' });
    await expect(named).rejects.toMatchObject({ code: 'RECOGNISED_RESULT_NOT_DECIDED' });
    expect(world.orders.size).toBe(0);
  });

  it('places the order once the site ordered anyway, linked to the look-up; a look-up older than a day binds nothing', async () => {
    const world = new World();
    const patient = aResidentId();
    const decider = { institutionId: world.fixture.clinicId, practitionerId: world.clinician.practitionerId };
    const decided = world.lookedUp(patient, hours(-2), (l) =>
      l.orderAnyway('上次结果不能解释症状', decider, hours(-1)),
    );
    const other = aResidentId();
    world.lookedUp(other, hours(-25));

    const after = await world.sut().execute(world.clinician, anOrder({ patientResidentId: patient }), now);
    const unbound = await world.sut().execute(world.clinician, anOrder({ patientResidentId: other }), now);

    expect(after.lookupId).toBe(decided.id);
    expect(unbound.lookupId).toBeNull();
  });

  it('refuses an order for another institution than the caller’s and a caller naming no practitioner', async () => {
    const world = new World();

    const forOther = world
      .sut()
      .execute(world.clinician, anOrder({ orderingInstitutionId: world.fixture.hostInstitutionId }), now);
    const anonymous = world.sut().execute({ ...world.clinician, practitionerId: null }, anOrder(), now);

    await expect(forOther).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(anonymous).rejects.toMatchObject({
      violations: [expect.objectContaining({ field: 'orderingPractitionerId', reason: 'REQUIRED' })],
    });
  });
});
