import { waitFor } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { isoWeekday } from '@medgrid/kernel';
import { type CityGroup } from './access-city';
import { type RecordMaker } from './access-records';
import { aFreshResidentId, shanghaiDate } from '../scheduling-fixtures';

const PUBLIC = 2;
const FULL_CAPACITY = 2;
const SPECIALTY = '03.01';
/** The days the walk's sessions are on: a session of its own each, for reading, booking, moving and filling. */
const DAYS = { open: 3, managed: 4, full: 5 } as const;

/**
 * scheduling's records, in each group: a department, a ward and three sessions (open, one left for the steps that
 * change a session, one full) at the lead hospital and at the secondary one, made by each hospital's staff. Bookings,
 * waitlist places and admissions are the requesting institution's: the lead hospital books, queues and asks for a bed
 * at its own sessions and ward, the community centre at the secondary hospital's, so each has one of its own that the
 * other institution of the group is no party to. A centre books at the secondary hospital: for the claims it names
 * (HoldSlot, BookSlot, JoinWaitlist) and the ward it asks at, its records are the secondary hospital's; a centre has
 * no sessions or wards of its own, so its cells about them are counted apart.
 */
export async function makeSchedulingRecords(maker: RecordMaker): Promise<void> {
  const { ours, theirs } = maker.city;
  await Promise.all([ours, theirs].map((group) => groupRecords(maker, group)));
}

interface Hospital {
  readonly institutionId: string;
  readonly departmentId: string;
  readonly wardId: string;
  readonly sessions: Record<keyof typeof DAYS, string>;
}

async function groupRecords(maker: RecordMaker, group: CityGroup): Promise<void> {
  const [lead, secondary] = await Promise.all([
    hospital(maker, group, group.leadId),
    hospital(maker, group, group.secondaryId),
  ]);
  const r = maker.records;
  for (const h of [lead, secondary]) {
    r.set('department', h.institutionId, h.departmentId);
    r.set('ward', h.institutionId, h.wardId);
    r.set('session', h.institutionId, h.sessions.open);
    r.set('session-for-steps', h.institutionId, h.sessions.managed);
  }
  // Where each site books, queues and asks for a bed: the lead hospital at its own, the centre at the secondary's.
  for (const [site, at, role] of [
    [group.leadId, lead, 'hospital-staff'],
    [group.centreId, secondary, 'primary-staff'],
  ] as const) {
    r.set('bookable-session', site, at.sessions.open);
    r.set('full-session', site, at.sessions.full);
    if (site === group.centreId) r.set('ward', site, at.wardId);
    const staff = maker.as(role, group, site);
    const claim = (sessionId: string) => ({
      clientRequestId: uuidv7(),
      sessionId,
      patientResidentId: aFreshResidentId(),
      pool: PUBLIC,
      referralId: '',
    });
    const [booking, held, entry, admission] = await Promise.all([
      maker.make(
        'scheduling.v1.BookingService/BookSlot',
        staff,
        { claim: claim(at.sessions.open) },
        'booking.id',
      ),
      maker.make(
        'scheduling.v1.BookingService/HoldSlot',
        staff,
        { claim: claim(at.sessions.open), holdMinutes: 1440 },
        'booking.id',
      ),
      maker.make(
        'scheduling.v1.BookingService/JoinWaitlist',
        staff,
        { claim: claim(at.sessions.full) },
        'entry.id',
      ),
      maker.make(
        'scheduling.v1.BedService/RequestAdmission',
        staff,
        { wardId: at.wardId, patientResidentId: aFreshResidentId(), referralId: '' },
        'admission.id',
      ),
    ]);
    r.set('booking', site, booking);
    r.set('held-booking', site, held);
    r.set('waitlist-entry', site, entry);
    r.set('admission', site, admission);
  }
}

/** A hospital's department (registered by the group's administrator), ward and sessions, made by its staff. */
async function hospital(maker: RecordMaker, group: CityGroup, institutionId: string): Promise<Hospital> {
  const admin = maker.as('group-admin', group, group.leadId);
  const staff = maker.as('hospital-staff', group, institutionId);
  const departmentId = await maker.make(
    'registry.v1.OrganisationService/RegisterDepartment',
    admin,
    { institutionId, specialtyCode: SPECIALTY, name: '心血管内科' },
    'department.id',
  );
  const scheduling = maker.city.targets.get('scheduling')!;
  await waitFor(
    'scheduling to learn the department',
    async () => {
      const { rowCount } = await scheduling.sql.query(`SELECT 1 FROM known_department WHERE id = $1`, [
        departmentId,
      ]);
      return rowCount ? true : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 200 },
  );
  const wardId = await maker.make(
    'scheduling.v1.BedService/RegisterWard',
    staff,
    { institutionId, departmentId, specialtyCode: SPECIALTY, name: '心内科一病区', bedCount: 10 },
    'ward.id',
  );
  for (const [kind, days] of Object.entries(DAYS)) {
    const date = shanghaiDate(days);
    await maker.call('scheduling.v1.ScheduleService/CreateScheduleTemplate', staff, {
      template: {
        id: '',
        groupId: '',
        practitionerId: '',
        institutionId,
        departmentId,
        specialtyCode: SPECIALTY,
        weekday: isoWeekday(date),
        startTime: '08:00',
        endTime: '11:30',
        capacity: kind === 'full' ? FULL_CAPACITY : 20,
        validFrom: date,
        validUntil: date,
      },
    });
  }
  await maker.call('scheduling.v1.ScheduleService/GenerateSessions', staff, {
    institutionId,
    fromDate: shanghaiDate(DAYS.open),
    toDate: shanghaiDate(DAYS.full),
  });
  const found = (await maker.call('scheduling.v1.BookingService/SearchAvailability', staff, {
    institutionId,
    departmentId,
    practitionerId: '',
    fromDate: shanghaiDate(DAYS.open),
    toDate: shanghaiDate(DAYS.full),
    pool: 0,
    specialtyCode: '',
    pageSize: 10,
    pageToken: '',
  })) as { sessions: { id: string; date: string }[] };
  const sessions = {} as Record<keyof typeof DAYS, string>;
  for (const [kind, days] of Object.entries(DAYS) as [keyof typeof DAYS, number][]) {
    const session = found.sessions.find((s) => s.date === shanghaiDate(days));
    if (!session) throw new Error(`making the walk's records: no session of ${institutionId} on day ${days}`);
    sessions[kind] = session.id;
  }
  // The full session's public seats, taken by the hospital's own patients (how many the reserve rule leaves public
  // is the city's), so a place there is a queue's.
  for (let seat = 0; seat < FULL_CAPACITY; seat++) {
    try {
      await maker.call('scheduling.v1.BookingService/BookSlot', staff, {
        claim: {
          clientRequestId: uuidv7(),
          sessionId: sessions.full,
          patientResidentId: aFreshResidentId(),
          pool: PUBLIC,
          referralId: '',
        },
      });
    } catch (error) {
      if (String(error).includes('SOLD_OUT')) break;
      throw error;
    }
  }
  return { institutionId, departmentId, wardId, sessions };
}
