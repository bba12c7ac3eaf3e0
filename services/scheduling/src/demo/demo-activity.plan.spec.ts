import { addDays } from '@medgrid/kernel';
import { ratio } from '../capacity/domain/reserve-ratio';
import { clinicInstant } from '../schedules/domain/clinic-time';
import { type DemoActivityInput, type DemoHospital, planDemoActivity } from './demo-activity.plan';

const TODAY = '2026-12-07';
const GROUP = '0193a000-0000-7000-8000-0000000000a1';
const OTHER_GROUP = '0193a000-0000-7000-8000-0000000000a2';

const department = (n: number, specialtyCode: string) => ({
  id: `0193a000-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`,
  specialtyCode,
});

const tertiary: DemoHospital = {
  id: '0193a000-0000-7000-8000-000000000011',
  groupId: GROUP,
  level: 'tertiary',
  type: 'general-hospital',
  departments: [
    department(1, '02'),
    department(2, '03.04'),
    department(3, '03.07'),
    department(4, '04'),
    department(5, '07'),
    department(6, '21'),
  ],
  slotShare: ratio(1, 3),
  bedShare: ratio(1, 4),
};
const nursingHome: DemoHospital = {
  id: '0193a000-0000-7000-8000-000000000012',
  groupId: GROUP,
  level: 'secondary',
  type: 'nursing-home',
  departments: [department(7, '21')],
  slotShare: ratio(1, 3),
  bedShare: ratio(1, 4),
};

const residents = (prefix: string) =>
  Array.from({ length: 150 }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);

const input: DemoActivityInput = {
  today: TODAY,
  now: clinicInstant(TODAY, '06:30'),
  hospitals: [nursingHome, tertiary],
  primaries: [
    { id: '0193a000-0000-7000-8000-000000000021', groupId: GROUP, residents: residents('A') },
    { id: '0193a000-0000-7000-8000-000000000022', groupId: GROUP, residents: residents('B') },
    { id: '0193a000-0000-7000-8000-000000000023', groupId: OTHER_GROUP, residents: residents('Z') },
  ],
};

describe(planDemoActivity.name, () => {
  const sut = planDemoActivity;
  const plan = sut(input);
  const sessions = plan.hospitalDays.flatMap((d) => d.sessions);
  const bookings = sessions.flatMap((s) => s.bookings);

  it('plans the same requests on every run', () => {
    expect(sut(input)).toEqual(plan);
  });

  it('gives each clinic a weekly morning and afternoon template, a nursing home a morning rehabilitation clinic', () => {
    const ofTertiary = plan.templates.filter((t) => t.hospitalId === tertiary.id);
    expect(new Set(ofTertiary.map((t) => t.departmentId))).toEqual(
      new Set(
        ['03.04', '03.07', '04', '07'].map(
          (code) => tertiary.departments.find((d) => d.specialtyCode === code)!.id,
        ),
      ),
    );
    expect(ofTertiary).toHaveLength(4 * 7 * 2);
    const ofNursingHome = plan.templates.filter((t) => t.hospitalId === nursingHome.id);
    expect(ofNursingHome.map((t) => `${t.weekday} ${t.startTime}-${t.endTime}`)).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => `${weekday} 08:00-12:00`),
    );
  });

  it('plans today and the next six days for every hospital, with the reserve its share asks', () => {
    expect(plan.days).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => addDays(TODAY, i)));
    expect(plan.hospitalDays).toHaveLength(2 * 7);
    for (const session of sessions) {
      expect(session.reserved).toBe(Math.ceil(session.capacity / 3));
    }
  });

  it('books reserved slots only by primary institutions of the hospital’s group for their own residents', () => {
    const reserved = bookings.filter((b) => b.pool === 'reserved');
    expect(reserved.length).toBeGreaterThan(0);
    for (const booking of reserved) {
      const primary = input.primaries.find((p) => p.id === booking.by.institutionId)!;
      expect(booking.by).toEqual({ role: 'primary-staff', institutionId: primary.id, groupId: GROUP });
      expect(primary.residents).toContain(booking.patientResidentId);
    }
    for (const booking of bookings.filter((b) => b.pool === 'public')) {
      expect(booking.by.role).toBe('partner-system');
    }
  });

  it('never plans more bookings than a pool holds, nor a patient twice a day at a hospital', () => {
    for (const session of sessions) {
      expect(session.bookings.filter((b) => b.pool === 'reserved').length).toBeLessThanOrEqual(
        session.reserved,
      );
      expect(session.bookings.filter((b) => b.pool === 'public').length).toBeLessThanOrEqual(
        session.capacity - session.reserved,
      );
    }
    for (const day of plan.hospitalDays) {
      const patients = day.sessions.flatMap((s) => s.bookings.map((b) => b.patientResidentId));
      expect(new Set(patients).size).toBe(patients.length);
    }
    const ids = [
      ...plan.templates.map((t) => t.clientRequestId),
      ...bookings.map((b) => b.clientRequestId),
      ...plan.wards.flatMap((w) => [
        w.clientRequestId,
        ...w.admissions.flatMap((a) => [a.requestId, a.assignId]),
      ]),
      ...plan.hospitalDays.map((d) => d.generateRequestId),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('plans a session’s bookings the same from a run a day later, and adds the new last day', () => {
    const later = sut({ ...input, today: addDays(TODAY, 1), now: clinicInstant(addDays(TODAY, 1), '06:30') });
    const sessionsOn = (p: typeof plan, date: string) =>
      p.hospitalDays.filter((d) => d.date === date).flatMap((d) => d.sessions);
    for (let day = 1; day < 7; day++) {
      expect(sessionsOn(later, addDays(TODAY, day))).toEqual(sessionsOn(plan, addDays(TODAY, day)));
    }
    expect(sessionsOn(later, addDays(TODAY, 7)).length).toBeGreaterThan(0);
  });

  it('leaves out the sessions that have ended by the run', () => {
    const evening = sut({ ...input, now: clinicInstant(TODAY, '13:00') });
    const today = evening.hospitalDays.filter((d) => d.date === TODAY).flatMap((d) => d.sessions);
    expect(today.length).toBeGreaterThan(0);
    expect(today.every((s) => s.templateKey.endsWith(':pm'))).toBe(true);
    expect(evening.today.get(nursingHome.id)!.offered).toBe(0);
  });

  it('expects today’s report to show at least a third offered to primary care and part of it used', () => {
    const figures = plan.today.get(tertiary.id)!;
    expect(figures).toEqual({
      offered: 4 * (24 + 18),
      reservedOffered: 4 * (8 + 6),
      reservedUsed: 4 * (Math.floor(8 * 0.75) + Math.floor(6 * 0.75)),
      publicUsed: 4 * (Math.floor(16 * 0.5) + Math.floor(12 * 0.5)),
      beds: 40 + 36,
      reservedBeds: 10 + 9,
      publicOccupied: Math.floor(30 * 0.5) + Math.floor(27 * 0.5),
    });
    expect(figures.reservedOffered * 3).toBeGreaterThanOrEqual(figures.offered);
    expect(figures.reservedBeds * 4).toBeGreaterThanOrEqual(figures.beds);
  });

  it('admits patients only to public beds and only as many as there are', () => {
    for (const ward of plan.wards) {
      expect(ward.admissions.length).toBeLessThanOrEqual(ward.bedCount - ward.reservedBeds);
    }
    expect(plan.wards.filter((w) => w.hospitalId === nursingHome.id).map((w) => w.specialtyCode)).toEqual([
      '21',
    ]);
  });
});
