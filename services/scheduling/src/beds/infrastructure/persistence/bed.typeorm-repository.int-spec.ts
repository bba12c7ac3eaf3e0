import { type UnitOfWork } from '@medgrid/database';
import { aResidentId, lockOrder } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { NO_PRIORITY, type Pool, type Priority } from '../../../booking/domain/pool';
import { ratio } from '../../../capacity/domain/reserve-ratio';
import { SchedulingTestDatabase } from '../../../test/scheduling-test-database';
import { BedError } from '../../domain/bed-error';
import { Admission, type AdmissionSnapshot } from '../../domain/admission';
import { planBeds, planWard, type WardSnapshot } from '../../domain/ward';
import { BedTypeormRepository } from './bed.typeorm-repository';

const t0 = new Date('2027-03-01T01:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe(BedTypeormRepository.name, () => {
  let db: SchedulingTestDatabase;
  let uow: UnitOfWork;
  let sut: BedTypeormRepository;

  beforeAll(async () => {
    db = await SchedulingTestDatabase.create('bed_repository', 12);
    uow = db.uow;
    sut = new BedTypeormRepository(uow);
  });

  afterAll(async () => {
    await db?.close();
  });

  /** A ward of its own hospital, stored: the first ceil(bedCount / 4) beds are reserved. */
  async function aWard(bedCount = 8, overrides: Partial<WardSnapshot> = {}): Promise<WardSnapshot> {
    const ward = planWard(
      {
        id: uuidv7(),
        institutionId: uuidv7(),
        groupId: uuidv7(),
        departmentId: uuidv7(),
        specialtyCode: '03.04',
        name: '心内科一病区',
        bedCount,
        ...overrides,
      },
      ratio(1, 4),
    );
    await uow.run(() => sut.insertWard(ward, planBeds(ward)));
    return ward;
  }

  function anAdmission(
    ward: WardSnapshot,
    now = t0,
    input: { priority?: Priority; referralId?: string; patientResidentId?: string } = {},
  ): Admission {
    return Admission.request(
      {
        id: uuidv7(),
        wardId: ward.id,
        institutionId: ward.institutionId,
        groupId: ward.groupId,
        patientResidentId: input.patientResidentId ?? aResidentId(),
        referralId: input.referralId ?? '',
        requestedByInstitutionId: uuidv7(),
        priority: input.priority ?? NO_PRIORITY,
      },
      now,
    );
  }

  const insert = (admission: Admission) => uow.run(() => sut.insertAdmission(admission.snapshot()));
  const claim = (ward: WardSnapshot, pools: Pool[], admissionId = uuidv7()) =>
    uow.run(() => sut.claimBed(ward.id, pools, admissionId));

  it('stores a ward with its beds and shows it with its free beds per pool', async () => {
    const ward = await aWard(10);

    expect(await sut.viewWard(ward.id)).toEqual({ ...ward, freeReserved: 3, freePublic: 7 });
    expect(await sut.viewWard(uuidv7())).toBeNull();
  });

  it('refuses a second ward of one name at a hospital, not at another hospital', async () => {
    const ward = await aWard(4, { name: '外科病区' });

    const again = aWard(4, { name: '外科病区', institutionId: ward.institutionId });

    await expect(again).rejects.toThrow(BedError);
    await expect(again).rejects.toMatchObject({
      code: 'WARD_NAME_TAKEN',
      violations: [expect.objectContaining({ field: 'name' })],
    });
    await expect(aWard(4, { name: '外科病区' })).resolves.toBeDefined();
  });

  it('stores an admission and reads back every field', async () => {
    const ward = await aWard();
    const admission = anAdmission(ward, t0, {
      priority: { contractedResident: true, consultationFeeWaived: true, greenChannel: false },
      referralId: uuidv7(),
    });

    await insert(admission);

    expect(await sut.findAdmission(admission.snapshot().id, false)).toEqual(admission.snapshot());
    expect(await sut.findAdmission(uuidv7(), false)).toBeNull();
  });

  it('refuses a second live admission of one patient', async () => {
    const ward = await aWard();
    const first = anAdmission(ward);
    await insert(first);

    const again = insert(anAdmission(ward, t0, { patientResidentId: first.snapshot().patientResidentId }));

    await expect(again).rejects.toMatchObject({
      code: 'ALREADY_ADMITTED',
      violations: [expect.objectContaining({ field: 'patientResidentId' })],
    });
  });

  it('stores the steps of an admission', async () => {
    const ward = await aWard();
    const admission = anAdmission(ward);
    await insert(admission);

    admission.assignBed('3', 'reserved', at(5));
    await uow.run(() => sut.updateAdmission(admission.snapshot(), admission.snapshot().version - 1));
    expect(await sut.findAdmission(admission.snapshot().id, false)).toEqual(admission.snapshot());

    admission.discharge(at(60));
    await uow.run(() => sut.updateAdmission(admission.snapshot(), admission.snapshot().version - 1));
    expect(await sut.findAdmission(admission.snapshot().id, false)).toEqual(admission.snapshot());
  });

  it('refuses a step on an admission that changed since it was read (VERSION_CONFLICT), and keeps the other step', async () => {
    const admission = anAdmission(await aWard());
    await insert(admission);
    const read = (await sut.findAdmission(admission.snapshot().id, false))!;
    const assigned = Admission.restore(read);
    assigned.assignBed('1', 'public', at(5));
    await uow.run(() => sut.updateAdmission(assigned.snapshot(), read.version));

    const stale = Admission.restore(read);
    stale.cancel('read before the bed was assigned');

    await expect(uow.run(() => sut.updateAdmission(stale.snapshot(), read.version))).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      category: 'conflict',
    });
    expect(await sut.findAdmission(read.id, false)).toEqual(assigned.snapshot());
  });

  it('claims the first free bed of the first pool that has one, in bed order, until none is left', async () => {
    const ward = await aWard(12);

    const claims = [];
    for (let i = 0; i < 13; i++) claims.push(await claim(ward, ['reserved', 'public']));

    expect(claims.map((bed) => bed && `${bed.pool}:${bed.bedCode}`)).toEqual([
      'reserved:1',
      'reserved:2',
      'reserved:3',
      'public:4',
      'public:5',
      'public:6',
      'public:7',
      'public:8',
      'public:9',
      'public:10',
      'public:11',
      'public:12',
      null,
    ]);
  });

  it('claims only from the pools it is given, in the order given', async () => {
    const ward = await aWard(8);

    expect(await claim(ward, ['public', 'reserved'])).toEqual({ bedCode: '3', pool: 'public' });
    for (let i = 0; i < 5; i++) await claim(ward, ['public']);

    expect(await claim(ward, ['public'])).toBeNull();
    expect(await claim(ward, ['public', 'reserved'])).toEqual({ bedCode: '1', pool: 'reserved' });
  });

  it('gives each bed to exactly one of many concurrent claims', async () => {
    const ward = await aWard(6);

    const claims = await Promise.all(Array.from({ length: 20 }, () => claim(ward, ['reserved', 'public'])));

    const taken = claims.flatMap((bed) => (bed ? [bed.bedCode] : []));
    expect(taken.sort()).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(await sut.viewWard(ward.id)).toMatchObject({ freeReserved: 0, freePublic: 0 });
  });

  it('lets claims in open transactions skip each other’s beds instead of waiting for them', async () => {
    const ward = await aWard(6);
    let claimed = 0;
    let allClaimed!: () => void;
    const barrier = new Promise<void>((resolve) => (allClaimed = resolve));

    // Each transaction stays open until every one has its bed: a claim that waited for another's
    // lock would never get there.
    const claims = await Promise.all(
      Array.from({ length: 6 }, () =>
        uow.run(async () => {
          const bed = await sut.claimBed(ward.id, ['reserved', 'public'], uuidv7());
          if (++claimed === 6) allClaimed();
          await barrier;
          return bed;
        }),
      ),
    );

    expect(claims.map((bed) => bed?.bedCode).sort()).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('frees the bed of an admission, which the next claim takes again', async () => {
    const ward = await aWard(4);
    const admissionId = uuidv7();
    expect(await claim(ward, ['reserved'], admissionId)).toEqual({ bedCode: '1', pool: 'reserved' });

    await uow.run(() => sut.freeBed(ward.id, uuidv7()));
    expect(await sut.viewWard(ward.id)).toMatchObject({ freeReserved: 0 });
    await uow.run(() => sut.freeBed(ward.id, admissionId));

    expect(await sut.viewWard(ward.id)).toMatchObject({ freeReserved: 1, freePublic: 3 });
    expect(await claim(ward, ['reserved'])).toEqual({ bedCode: '1', pool: 'reserved' });
  });

  it('lists a ward’s admissions of the given states in queue order, a page at a time', async () => {
    const ward = await aWard();
    const contracted = { contractedResident: true, consultationFeeWaived: true, greenChannel: false };
    const green = { ...NO_PRIORITY, greenChannel: true };
    const walkIn = anAdmission(ward, at(1));
    const referred = anAdmission(ward, at(2), { referralId: uuidv7() });
    const contractedLate = anAdmission(ward, at(4), { priority: contracted });
    const contractedEarly = anAdmission(ward, at(3), { priority: contracted });
    const greenChannel = anAdmission(ward, at(5), { priority: green });
    const cancelled = anAdmission(ward, at(0));
    cancelled.cancel('patient went elsewhere');
    for (const admission of [walkIn, referred, contractedLate, contractedEarly, greenChannel, cancelled])
      await insert(admission);
    await insert(anAdmission(await aWard()));
    const ids = (admissions: AdmissionSnapshot[]) => admissions.map((a) => a.id);
    const list = (after: AdmissionSnapshot | null, limit = 10) =>
      sut.listAdmissions({ wardId: ward.id, statuses: ['requested'], after, limit });

    const all = await list(null);
    const firstPage = await list(null, 2);
    const secondPage = await list(firstPage[1]!, 2);

    expect(ids(all)).toEqual(
      [greenChannel, contractedEarly, contractedLate, referred, walkIn].map((a) => a.snapshot().id),
    );
    expect(ids(firstPage)).toEqual(ids(all).slice(0, 2));
    expect(ids(secondPage)).toEqual(ids(all).slice(2, 4));
    expect(ids(await list(all[4]!))).toEqual([]);
    expect(
      ids(await sut.listAdmissions({ wardId: ward.id, statuses: ['cancelled'], after: null, limit: 10 })),
    ).toEqual([cancelled.snapshot().id]);
    expect(await sut.listAdmissions({ wardId: ward.id, statuses: [], after: null, limit: 10 })).toEqual([]);
  });

  it('makes a second locking read of an admission wait until the first transaction ends', async () => {
    const admission = anAdmission(await aWard());
    await insert(admission);
    const { id } = admission.snapshot();
    let seen = '';

    const order = await lockOrder(
      (letGo, locked) =>
        uow.run(async () => {
          const found = (await sut.findAdmission(id, true))!;
          locked();
          await letGo;
          const cancelled = Admission.restore(found);
          cancelled.cancel('withdrawn');
          await sut.updateAdmission(cancelled.snapshot(), found.version);
        }),
      () =>
        uow.run(async () => {
          seen = (await sut.findAdmission(id, true))!.status;
        }),
    );

    expect(order).toEqual(['released', 'holder done', 'waiter done']);
    expect(seen).toBe('cancelled');
  });
});
