import { type UnitOfWork } from '@medgrid/database';
import { aResidentId } from '@medgrid/testing';
import { type DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { planBeds, type WardSnapshot } from '../../../beds/domain/ward';
import { AdmissionOrmEntity } from '../../../beds/infrastructure/persistence/admission.orm-entity';
import { BedTypeormRepository } from '../../../beds/infrastructure/persistence/bed.typeorm-repository';
import { type Pool } from '../../../booking/domain/pool';
import { BookingOrmEntity } from '../../../booking/infrastructure/persistence/booking.orm-entity';
import { SchedulingTestDatabase } from '../../../test/scheduling-test-database';
import { clinicInstant } from '../../../schedules/domain/clinic-time';
import { type SessionSnapshot } from '../../../schedules/domain/session';
import { ScheduleTypeormRepository } from '../../../schedules/infrastructure/persistence/schedule.typeorm-repository';
import { aSession as aSessionSnapshot, onDate } from '../../../schedules/test/session.factory';
import { ReportTypeormRepository } from './report.typeorm-repository';

const DAY = '2027-03-02';

describe(ReportTypeormRepository.name, () => {
  let db: SchedulingTestDatabase;
  let dataSource: DataSource;
  let uow: UnitOfWork;
  let schedules: ScheduleTypeormRepository;
  let beds: BedTypeormRepository;
  let sut: ReportTypeormRepository;

  beforeAll(async () => {
    db = await SchedulingTestDatabase.create('report_repository', 4);
    ({ dataSource, uow } = db);
    schedules = new ScheduleTypeormRepository(uow);
    beds = new BedTypeormRepository(uow);
    sut = new ReportTypeormRepository(uow);
  });

  afterAll(async () => {
    await db?.close();
  });

  const aHospital = () => ({ institutionId: uuidv7(), groupId: uuidv7() });

  async function aSession(
    hospital: { institutionId: string; groupId: string },
    overrides: Partial<SessionSnapshot> = {},
  ): Promise<SessionSnapshot> {
    const session = aSessionSnapshot({ ...hospital, ...onDate(DAY), ...overrides });
    await uow.run(() => schedules.insertSessionIfAbsent(session));
    return session;
  }

  /** A booking on a seat, as a claim makes it. */
  async function book(session: SessionSnapshot, slotNumber: number, pool: Pool, status = 'booked') {
    const id = uuidv7();
    await dataSource.query(`UPDATE seat SET booking_id = $3 WHERE session_id = $1 AND slot_number = $2`, [
      session.id,
      slotNumber,
      status === 'booked' || status === 'held' ? id : null,
    ]);
    await dataSource.manager.insert(BookingOrmEntity, {
      id,
      sessionId: session.id,
      institutionId: session.institutionId,
      groupId: session.groupId,
      slotNumber,
      pool,
      status: status as 'booked',
      patientResidentId: aResidentId(),
      referralId: '',
      bookedByInstitutionId: uuidv7(),
      priorityContracted: false,
      priorityFeeWaived: false,
      priorityGreenChannel: false,
      holdExpiresAt: null,
      clientRequestId: uuidv7(),
      createdAt: new Date(),
      updatedAt: new Date(),
      cancelReason: '',
      version: 1,
    });
  }

  async function aWard(
    hospital: { institutionId: string; groupId: string },
    bedCount: number,
    reserved: number,
  ) {
    const ward: WardSnapshot = {
      id: uuidv7(),
      ...hospital,
      departmentId: uuidv7(),
      specialtyCode: '03.04',
      name: `病区 ${uuidv7()}`,
      bedCount,
      reservedBeds: reserved,
    };
    await uow.run(() => beds.insertWard(ward, planBeds(ward)));
    return ward;
  }

  async function admit(ward: WardSnapshot, requestedAt: Date, referralId: string, pool: Pool | null) {
    const id = uuidv7();
    if (pool) await uow.run(() => beds.claimBed(ward.id, [pool], id));
    await dataSource.manager.insert(AdmissionOrmEntity, {
      id,
      wardId: ward.id,
      institutionId: ward.institutionId,
      groupId: ward.groupId,
      patientResidentId: aResidentId(),
      referralId,
      requestedByInstitutionId: uuidv7(),
      priorityContracted: false,
      priorityFeeWaived: false,
      priorityGreenChannel: false,
      queueRank: referralId ? 2 : 3,
      status: pool ? 'admitted' : 'requested',
      bedCode: '',
      pool,
      requestedAt,
      admittedAt: null,
      dischargedAt: null,
      cancelReason: '',
      version: 1,
    });
  }

  it('counts the slots of a hospital’s open sessions of the day, in one consistent read', async () => {
    const hospital = aHospital();
    const morning = await aSession(hospital, { capacity: 6, reservedOffered: 2 });
    const afternoon = await aSession(hospital, {
      capacity: 4,
      reservedOffered: 2,
      reservedReleased: 1,
      startsAt: clinicInstant(DAY, '13:00'),
      endsAt: clinicInstant(DAY, '17:00'),
    });
    const cancelled = await aSession(hospital, { status: 'cancelled' });
    const tomorrow = await aSession(hospital, {
      date: '2027-03-03',
      startsAt: clinicInstant('2027-03-03', '08:00'),
      endsAt: clinicInstant('2027-03-03', '12:00'),
    });
    const elsewhere = await aSession(aHospital());
    await book(morning, 1, 'reserved');
    await book(morning, 2, 'reserved', 'held');
    await book(morning, 3, 'public');
    await book(morning, 4, 'public', 'cancelled');
    await book(afternoon, 1, 'reserved');
    for (const other of [cancelled, tomorrow, elsewhere]) {
      await book(other, 1, 'reserved');
      await book(other, 3, 'public');
    }

    expect(await sut.slotFigures(hospital.institutionId, DAY)).toEqual({
      sessions: 2,
      offered: 10,
      reservedOffered: 4,
      reservedReleased: 1,
      reservedUsed: 3,
      reservedEmpty: 1,
      publicUsed: 1,
    });
  });

  it('counts nothing for a hospital without sessions that day', async () => {
    expect(await sut.slotFigures(uuidv7(), DAY)).toEqual({
      sessions: 0,
      offered: 0,
      reservedOffered: 0,
      reservedReleased: 0,
      reservedUsed: 0,
      reservedEmpty: 0,
      publicUsed: 0,
    });
  });

  it('counts a hospital’s beds now and the referral admissions requested on the local date', async () => {
    const hospital = aHospital();
    const cardiology = await aWard(hospital, 8, 2);
    const surgery = await aWard(hospital, 4, 1);
    const elsewhere = await aWard(aHospital(), 4, 1);
    // 00:30 on the day in the clinics' time zone, still the day before in UTC.
    await admit(cardiology, new Date(`${'2027-03-01'}T16:30:00Z`), uuidv7(), 'reserved');
    await admit(cardiology, clinicInstant(DAY, '09:00'), uuidv7(), 'public');
    await admit(surgery, clinicInstant(DAY, '10:00'), '', 'public');
    await admit(surgery, clinicInstant(DAY, '11:00'), uuidv7(), null);
    await admit(cardiology, clinicInstant('2027-03-01', '23:30'), uuidv7(), 'reserved');
    await admit(elsewhere, clinicInstant(DAY, '09:00'), uuidv7(), 'reserved');

    expect(await sut.bedFigures(hospital.institutionId, DAY)).toEqual({
      beds: 12,
      reservedBeds: 3,
      reservedOccupied: 2,
      publicOccupied: 2,
      referralAdmissions: 3,
    });
  });

  it('answers each hospital with an open session that day or a ward, once', async () => {
    const withSessions = aHospital();
    const withWard = aHospital();
    const withBoth = aHospital();
    const cancelledOnly = aHospital();
    const otherDay = aHospital();
    await aSession(withSessions);
    await aSession(withSessions, {
      startsAt: clinicInstant(DAY, '13:00'),
      endsAt: clinicInstant(DAY, '17:00'),
    });
    await aWard(withWard, 2, 1);
    await aSession(withBoth);
    await aWard(withBoth, 2, 1);
    await aWard(withBoth, 3, 1);
    await aSession(cancelledOnly, { status: 'cancelled' });
    await aSession(otherDay, {
      date: '2027-03-03',
      startsAt: clinicInstant('2027-03-03', '08:00'),
      endsAt: clinicInstant('2027-03-03', '12:00'),
    });

    const hospitals = await sut.hospitalsOn(DAY);

    const mine = hospitals.filter((h) =>
      [withSessions, withWard, withBoth, cancelledOnly, otherDay].some(
        (x) => x.institutionId === h.institutionId,
      ),
    );
    expect(mine).toHaveLength(3);
    expect(mine).toEqual(expect.arrayContaining([withSessions, withWard, withBoth]));
  });
});
