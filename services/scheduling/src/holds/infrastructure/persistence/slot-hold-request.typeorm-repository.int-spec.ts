import { type UnitOfWork } from '@medgrid/database';
import { lockOrder } from '@medgrid/testing';
import { type DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { SchedulingTestDatabase } from '../../../test/scheduling-test-database';
import { type NewSlotHoldRequest } from '../../domain/slot-hold-request';
import { aSlotHoldRequest } from '../../test/slot-hold-request.factory';
import { SlotHoldRequestTypeormRepository } from './slot-hold-request.typeorm-repository';

const t0 = new Date('2027-03-01T01:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

const aRequest = (overrides: Partial<NewSlotHoldRequest> = {}) => aSlotHoldRequest(t0, overrides);

describe(SlotHoldRequestTypeormRepository.name, () => {
  let db: SchedulingTestDatabase;
  let dataSource: DataSource;
  let uow: UnitOfWork;
  let sut: SlotHoldRequestTypeormRepository;

  beforeAll(async () => {
    db = await SchedulingTestDatabase.create('slot_hold_request_repository', 4);
    ({ dataSource, uow } = db);
    sut = new SlotHoldRequestTypeormRepository(uow);
  });

  afterAll(async () => {
    await db?.close();
  });

  const read = async (referralId: string) => (await sut.findByReferral(referralId, false))?.snapshot();

  it('stores a request and reads back every field', async () => {
    const request = aRequest({ contractedPriority: true });

    expect(await uow.run(() => sut.insertIfAbsent(request))).toBe(true);

    expect(await read(request.snapshot().referralId)).toEqual(request.snapshot());
  });

  it('inserts nothing for a referral that has a request, and the transaction goes on', async () => {
    const first = aRequest();
    const { referralId } = first.snapshot();
    await uow.run(() => sut.insertIfAbsent(first));
    const again = aRequest({ referralId, specialtyCode: '05.01' });

    const inserted = await uow.run(async () => {
      const answer = await sut.insertIfAbsent(again);
      // A statement after the conflict still runs: nothing aborted the transaction.
      return { answer, after: await sut.findByReferral(referralId, true) };
    });

    expect(inserted.answer).toBe(false);
    expect(inserted.after?.snapshot()).toEqual(first.snapshot());
  });

  it('lets exactly one of racing inserts for one referral in', async () => {
    const referralId = uuidv7();

    const answers = await Promise.all(
      Array.from({ length: 6 }, () => uow.run(() => sut.insertIfAbsent(aRequest({ referralId })))),
    );

    expect(answers.filter(Boolean)).toHaveLength(1);
    expect(
      await dataSource.query(`SELECT 1 FROM slot_hold_request WHERE referral_id = $1`, [referralId]),
    ).toHaveLength(1);
  });

  it('finds no request for an unknown referral', async () => {
    expect(await sut.findByReferral(uuidv7(), false)).toBeNull();
    expect(await sut.knownReferral(uuidv7())).toBeNull();
  });

  it('stores each step of the saga', async () => {
    const request = aRequest();
    const { referralId } = request.snapshot();
    await uow.run(() => sut.insertIfAbsent(request));
    const slot = { id: uuidv7(), pool: 'reserved' as const, sessionId: uuidv7() };

    const waitlisted = (await sut.findByReferral(referralId, false))!;
    waitlisted.waitlisted({ id: uuidv7(), sessionId: slot.sessionId }, at(1));
    await uow.run(() => sut.update(waitlisted, waitlisted.readVersion));
    expect(await read(referralId)).toEqual(waitlisted.snapshot());

    const held = (await sut.findByReferral(referralId, false))!;
    held.held(slot, at(2));
    await uow.run(() => sut.update(held, held.readVersion));
    expect(await read(referralId)).toEqual(held.snapshot());
    expect(held.snapshot()).toMatchObject({
      status: 'held',
      bookingId: slot.id,
      version: 3,
      updatedAt: at(2),
    });
  });

  it('refuses a step on a request that changed since it was read (VERSION_CONFLICT), and keeps the other step', async () => {
    const request = aRequest();
    const { referralId } = request.snapshot();
    await uow.run(() => sut.insertIfAbsent(request));
    const waitlisted = (await sut.findByReferral(referralId, false))!;
    const stale = (await sut.findByReferral(referralId, false))!;
    waitlisted.waitlisted({ id: uuidv7(), sessionId: uuidv7() }, at(1));
    await uow.run(() => sut.update(waitlisted, waitlisted.readVersion));

    stale.released(at(2));

    await expect(uow.run(() => sut.update(stale, stale.readVersion))).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      category: 'conflict',
    });
    expect(await read(referralId)).toEqual(waitlisted.snapshot());
  });

  it('answers what scheduling knows of a referral, released once its hold is over', async () => {
    const request = aRequest({ greenChannel: true, contractedPriority: false });
    const { referralId, institutionId, patientResidentId } = request.snapshot();
    await uow.run(() => sut.insertIfAbsent(request));

    expect(await sut.knownReferral(referralId)).toEqual({
      released: false,
      institutionId,
      patientResidentId,
      contractedPriority: false,
      greenChannel: true,
    });

    const stored = (await sut.findByReferral(referralId, false))!;
    stored.released(at(5));
    await uow.run(() => sut.update(stored, stored.readVersion));
    expect(await sut.knownReferral(referralId)).toMatchObject({ released: true });
  });

  it('reads a request recorded before changes were kept as unchanged since it was made', async () => {
    const request = aRequest();
    const s = request.snapshot();
    await dataSource.query(
      `INSERT INTO slot_hold_request (id, referral_id, group_id, institution_id, status, source_event_id, requested_at)
       VALUES ($1, $2, $3, $4, 'requested', $5, $6)`,
      [s.id, s.referralId, s.groupId, s.institutionId, s.sourceEventId, s.requestedAt],
    );

    expect(await read(s.referralId)).toEqual({
      ...s,
      referringInstitutionId: '',
      patientResidentId: '',
      departmentId: '',
      specialtyCode: '',
      contractedPriority: false,
      updatedAt: s.requestedAt,
    });
  });

  it('makes a second locking read of one referral wait until the first transaction ends', async () => {
    const request = aRequest();
    const { referralId } = request.snapshot();
    await uow.run(() => sut.insertIfAbsent(request));
    let seen = '';

    const order = await lockOrder(
      (letGo, locked) =>
        uow.run(async () => {
          const found = (await sut.findByReferral(referralId, true))!;
          locked();
          await letGo;
          found.released(at(3));
          await sut.update(found, found.readVersion);
        }),
      () =>
        uow.run(async () => {
          seen = (await sut.findByReferral(referralId, true))!.snapshot().status;
        }),
    );

    expect(order).toEqual(['released', 'holder done', 'waiter done']);
    expect(seen).toBe('released');
  });
});
