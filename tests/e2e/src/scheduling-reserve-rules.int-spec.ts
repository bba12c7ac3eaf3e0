import { status } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import {
  type scheduleServiceV1,
  schedulingEventsV1,
  type schedulingModelV1,
  SessionChangedEvent,
} from '@medgrid/contracts';
import { waitFor } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { fails } from './grpc-call';
import { outboxEvents } from './outbox';
import { type GroupFixture, ratio, shanghaiDate } from './scheduling-fixtures';
import { SchedulingHarness } from './scheduling-harness';

const { SessionChange } = schedulingEventsV1;

/**
 * A city's reserve floor and a hospital's release lead time over gRPC, against
 * the registry and scheduling as real processes: the floor is the city's own
 * rule, versioned from a date, set by city operators only and kept as an audit
 * trail; sessions, wards and reports follow the floor in force on their day;
 * a new lead time reaches the sessions whose release is still to come.
 */
describe('scheduling reserve rules', () => {
  const h = new SchedulingHarness();
  /** Guangzhou (the registry's first city) opens 20% of specialist slots to primary care first. */
  let guangzhou: GroupFixture;
  /** Shenzhen keeps the national 1/3 (the deployment's default). */
  let shenzhen: GroupFixture;
  const operator = () => h.registry.operator;

  const setFloor = (
    request: Partial<scheduleServiceV1.SetCityReserveFloorRequest>,
    who: Identity = operator(),
  ) =>
    h
      .call(
        h.schedule,
        h.schedule.setCityReserveFloor,
        {
          clientRequestId: uuidv7(),
          cityId: guangzhou.cityId,
          slotFloor: ratio(1, 5),
          bedFloor: ratio(1, 4),
          effectiveFrom: shanghaiDate(5),
          reason: '专科号源 20% 优先向医联体开放',
          ...request,
        },
        who,
      )
      .then((r) => r.floor!);
  const getFloor = (cityId: string, date = '', who: Identity = operator()) =>
    h.call(h.schedule, h.schedule.getCityReserveFloor, { cityId, date }, who);
  const getSession = (group: GroupFixture, sessionId: string) => h.getSession(sessionId, group.manager);
  const sessionChanges = async (sessionId: string) =>
    (await outboxEvents(h.sql, sessionId, SessionChangedEvent)).map((event) => event.change);
  const hoursBefore = (session: schedulingModelV1.Session) =>
    (session.startsAt!.getTime() - session.reserveReleaseAt!.getTime()) / 3_600_000;

  beforeAll(async () => {
    await h.start('e2e_scheduling_reserve_rules');
    const shenzhenCity = await h.registry.newCity('深圳市', '440300');
    guangzhou = await h.newGroup();
    shenzhen = await h.newGroup('03.01', shenzhenCity.id);
  }, 300_000);

  afterAll(() => h.stop());

  describe('a city operator sets 20% for Guangzhou from a date while Shenzhen keeps 1/3', () => {
    const from = shanghaiDate(5);
    let version: schedulingModelV1.CityReserveFloor;

    beforeAll(async () => {
      version = await setFloor({ effectiveFrom: from });
    });

    it('records the change with who, what, when and why, and answers a retry with the same version', async () => {
      expect(version).toMatchObject({
        cityId: guangzhou.cityId,
        version: 1,
        slotFloor: ratio(1, 5),
        bedFloor: ratio(1, 4),
        effectiveFrom: from,
        reason: '专科号源 20% 优先向医联体开放',
        setBy: operator().subject,
        setByRole: 'city-operator',
      });
      expect(Math.abs(version.setAt!.getTime() - Date.now())).toBeLessThan(60_000);

      const clientRequestId = uuidv7();
      const first = await setFloor({ clientRequestId, effectiveFrom: shanghaiDate(40) });
      expect(await setFloor({ clientRequestId, effectiveFrom: shanghaiDate(40) })).toEqual(first);
      expect((await getFloor(guangzhou.cityId)).history.map((v) => v.version)).toEqual([2, 1]);
      // The stored versions are the audit trail: the database refuses to rewrite one.
      await expect(
        h.sql.query(`UPDATE city_reserve_floor SET reason = 'rewritten' WHERE city_id = $1`, [
          guangzhou.cityId,
        ]),
      ).rejects.toThrow(/append-only/);
    });

    it('answers the floor in force on a date: the city default before, 20% from the date on', async () => {
      const before = await getFloor(guangzhou.cityId, shanghaiDate(4), guangzhou.manager);
      const on = await getFloor(guangzhou.cityId, from, guangzhou.centre);

      expect(before).toMatchObject({ date: shanghaiDate(4), slotFloor: ratio(1, 3), bedFloor: ratio(1, 4) });
      expect(before.inForce).toBeUndefined();
      expect(on).toMatchObject({ date: from, slotFloor: ratio(1, 5), inForce: { version: 1 } });
      expect((await getFloor(shenzhen.cityId, from)).slotFloor).toEqual(ratio(1, 3));
    });

    it('generates sessions that reserve 20% from that date in Guangzhou and 1/3 in Shenzhen', async () => {
      const dayBefore = await h.newSession(guangzhou, { capacity: 30, date: shanghaiDate(4) });
      const onTheDay = await h.newSession(guangzhou, { capacity: 30, date: from });
      const later = await h.newSession(guangzhou, { capacity: 31, date: shanghaiDate(6) });
      const elsewhere = await h.newSession(shenzhen, { capacity: 30, date: from });

      expect(dayBefore).toMatchObject({ reservedOffered: 10, freeReserved: 10, freePublic: 20 });
      expect(onTheDay).toMatchObject({ reservedOffered: 6, freeReserved: 6, freePublic: 24 });
      expect(later.reservedOffered).toBe(7);
      expect(elsewhere.reservedOffered).toBe(10);
    });

    it("shows the city's floor of the day as the report's target, or the hospital's own ratio when higher", async () => {
      expect((await h.dailyReport(guangzhou, shanghaiDate(4))).slots).toMatchObject({
        offered: 30,
        reservedOffered: 10,
        targetRatioBp: 3334,
        targetMet: true,
      });
      expect((await h.dailyReport(guangzhou, from)).slots).toMatchObject({
        offered: 30,
        reservedOffered: 6,
        reservedRatioBp: 2000,
        targetRatioBp: 2000,
        targetMet: true,
      });
      expect((await h.dailyReport(shenzhen, from)).slots).toMatchObject({
        targetRatioBp: 3334,
        targetMet: true,
      });

      const generous = await h.newGroup();
      await h.setReservePolicy(generous, { slotRatio: ratio(2, 5) });
      const session = await h.newSession(generous, { capacity: 30, date: from });
      expect(session.reservedOffered).toBe(12);
      expect((await h.dailyReport(generous, from)).slots).toMatchObject({
        targetRatioBp: 4000,
        targetMet: true,
      });
    });

    it("shows a hospital its city's floor and the share it reserves today", async () => {
      const { policy, slotFloor, cityId, slotShare } = await h.call(
        h.schedule,
        h.schedule.getReservePolicy,
        { institutionId: shenzhen.hospitalId },
        shenzhen.manager,
      );
      expect(policy).toMatchObject({ slotRatio: ratio(1, 3), version: 0 });
      expect({ cityId, slotFloor, slotShare }).toEqual({
        cityId: shenzhen.cityId,
        slotFloor: ratio(1, 3),
        slotShare: ratio(1, 3),
      });
    });
  });

  it("reserves a city's floors in force today in new wards and sessions, lifting a hospital below them", async () => {
    const foshanCity = await h.registry.newCity('佛山市', '440600');
    const foshan = await h.newGroup('03.01', foshanCity.id);
    const foshanLow = await h.newGroup('03.01', foshanCity.id);
    // Set while the floor was the default 1/3; Foshan raises its slot floor to 2/5 from today.
    await h.setReservePolicy(foshanLow, { slotRatio: ratio(1, 3), bedRatio: ratio(1, 4) });
    await setFloor({
      cityId: foshanCity.id,
      slotFloor: ratio(2, 5),
      bedFloor: ratio(1, 5),
      effectiveFrom: shanghaiDate(0),
      reason: '床位下沉试点，专科号源 40%',
    });

    expect((await h.registerWard(foshan, 20)).reservedBeds).toBe(4);
    expect((await h.registerWard(foshanLow, 20)).reservedBeds).toBe(5);
    expect((await h.registerWard(shenzhen, 20)).reservedBeds).toBe(5);
    expect((await h.newSession(foshan, { capacity: 30, date: shanghaiDate(3) })).reservedOffered).toBe(12);
    expect((await h.newSession(foshanLow, { capacity: 30, date: shanghaiDate(3) })).reservedOffered).toBe(12);
    expect((await h.dailyReport(foshanLow, shanghaiDate(3))).slots).toMatchObject({ targetRatioBp: 4000 });
    expect((await h.dailyReport(foshan, '')).beds).toMatchObject({
      beds: 20,
      reservedBeds: 4,
      targetRatioBp: 2000,
    });
  });

  describe('refuses', () => {
    it.each([
      ['a hospital’s own staff', () => guangzhou.manager],
      ['a group administrator', () => guangzhou.groupAdmin],
      ['a primary institution', () => guangzhou.centre],
    ])('%s setting the city floor, and records nothing', async (_who, who) => {
      const before = await getFloor(guangzhou.cityId);

      expect(await fails(setFloor({}, who()))).toMatchObject({ code: status.PERMISSION_DENIED });
      expect(await getFloor(guangzhou.cityId)).toEqual(before);
    });

    it.each([
      ['slotFloor', { slotFloor: ratio(0, 5) }, 'OUT_OF_RANGE'],
      ['slotFloor', { slotFloor: ratio(6, 5) }, 'OUT_OF_RANGE'],
      ['bedFloor', { bedFloor: ratio(1, 0) }, 'OUT_OF_RANGE'],
      ['bedFloor', { bedFloor: undefined }, 'OUT_OF_RANGE'],
      ['effectiveFrom', { effectiveFrom: '2027-02-30' }, 'INVALID_FORMAT'],
      ['effectiveFrom', { effectiveFrom: 'next monday' }, 'INVALID_FORMAT'],
      ['effectiveFrom', { effectiveFrom: shanghaiDate(-1) }, 'IN_THE_PAST'],
      ['reason', { reason: '' }, 'REQUIRED'],
      ['cityId', { cityId: 'guangzhou' }, 'INVALID_FORMAT'],
      ['cityId', { cityId: uuidv7() }, 'UNKNOWN_CITY'],
    ] as const)('a bad %s (%j) naming the field, and records nothing', async (field, request, reason) => {
      const before = await getFloor(guangzhou.cityId);

      expect(await fails(setFloor(request))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field, reason })],
      });
      expect(await getFloor(guangzhou.cityId)).toEqual(before);
    });

    it('a bad date when reading a floor', async () => {
      expect(await fails(getFloor(guangzhou.cityId, '12/31'))).toMatchObject({
        code: status.INVALID_ARGUMENT,
        fieldViolations: [expect.objectContaining({ field: 'date' })],
      });
    });
  });

  describe('a new release lead time', () => {
    it('moves the release of the sessions still to be released, and leaves the released ones released', async () => {
      const group = await h.newGroup();
      await h.setReservePolicy(group, { releaseLeadHours: 48 });
      // Tomorrow morning is less than 48 hours away: its reserve is released at once.
      const released = await h.newSession(group, { capacity: 6, date: shanghaiDate(1) });
      const pending = await h.newSession(group, { capacity: 6, date: shanghaiDate(6) });
      const distant = await h.newSession(group, { capacity: 6, date: shanghaiDate(12) });
      await waitFor('the sweeper to release tomorrow’s reserve', async () =>
        (await getSession(group, released.id)).reservedReleased === 2 ? true : undefined,
      );
      expect(hoursBefore(pending)).toBe(48);

      // Longer: the session six days ahead is now inside the lead time and goes public.
      await h.setReservePolicy(group, { releaseLeadHours: 168 });
      const nowDue = await waitFor('the sweeper to release the newly due reserve', async () => {
        const s = await getSession(group, pending.id);
        return s.reservedReleased === 2 ? s : undefined;
      });
      expect(hoursBefore(nowDue)).toBe(168);
      expect(hoursBefore(await getSession(group, distant.id))).toBe(168);
      expect(await sessionChanges(pending.id)).toEqual([
        SessionChange.SESSION_CHANGE_OPENED,
        SessionChange.SESSION_CHANGE_RELEASE_RESCHEDULED,
        SessionChange.SESSION_CHANGE_RESERVE_RELEASED,
      ]);

      // Shorter: the distant session keeps its reserve longer; released sessions stay released.
      await h.setReservePolicy(group, { releaseLeadHours: 24 });
      expect(hoursBefore(await getSession(group, distant.id))).toBe(24);
      expect(await getSession(group, distant.id)).toMatchObject({ reservedReleased: 0, freeReserved: 2 });
      for (const id of [released.id, pending.id]) {
        expect(await getSession(group, id)).toMatchObject({
          reservedOffered: 2,
          reservedReleased: 2,
          freeReserved: 0,
          freePublic: 6,
        });
      }
      expect(hoursBefore(await getSession(group, pending.id))).toBe(168);
      expect(hoursBefore(await getSession(group, released.id))).toBe(48);
      // Sessions generated afterwards take the new lead time.
      expect(hoursBefore(await h.newSession(group, { capacity: 6, date: shanghaiDate(13) }))).toBe(24);
    });
  });
});
