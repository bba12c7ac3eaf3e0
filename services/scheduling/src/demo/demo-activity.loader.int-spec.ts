import { type INestApplicationContext } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { addDays, isoWeekday, localDate } from '@medgrid/kernel';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { aResidentId, MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { ratio } from '../capacity/domain/reserve-ratio';
import { loadSchedulingConfig } from '../config/scheduling.config';
import { schedulingDataSource } from '../database/scheduling-data-source';
import { GetDailyReportQuery } from '../reports/application/get-daily-report/get-daily-report.query';
import { GetDailyReportUseCase } from '../reports/application/get-daily-report/get-daily-report.use-case';
import { clinicInstant } from '../schedules/domain/clinic-time';
import {
  createDemoActivityContext,
  type DemoActivityOptions,
  DemoActivityLoader,
} from './demo-activity.loader';
import { type DemoHospital, type DemoPrimary, planDemoActivity } from './demo-activity.plan';

const DIVISION = '440100';
const OPTIONS: DemoActivityOptions = { divisionCode: DIVISION, waitSeconds: 5, pollMs: 10 };

/** A small demo city in scheduling's projection: one group, a tertiary lead, a nursing home, two primaries. */
async function aSmallCity(uow: UnitOfWork, today: string) {
  const registry = new RegistryViewTypeormRepository(uow);
  const cityId = uuidv7();
  const gridId = uuidv7();
  const groupId = uuidv7();
  const hospitals: Omit<DemoHospital, 'slotShare' | 'bedShare'>[] = [
    {
      id: uuidv7(),
      groupId,
      level: 'tertiary',
      type: 'general-hospital',
      departments: ['02', '03.04', '03.07', '04', '07', '21'].map((specialtyCode) => ({
        id: uuidv7(),
        specialtyCode,
      })),
    },
    {
      id: uuidv7(),
      groupId,
      level: 'secondary',
      type: 'nursing-home',
      departments: [{ id: uuidv7(), specialtyCode: '21' }],
    },
  ];
  let seed = 4_000;
  const primaries: DemoPrimary[] = [0, 1].map(() => ({
    id: uuidv7(),
    groupId,
    residents: Array.from({ length: 40 }, () => aResidentId(++seed)).sort(),
  }));
  await uow.run(async () => {
    await registry.upsertCity({ id: cityId, divisionCode: DIVISION, name: '广州市' });
    await registry.upsertGrid({ id: gridId, cityId });
    await registry.upsertGroup({
      id: groupId,
      gridId,
      leadInstitutionId: hospitals[0]!.id,
      members: [...hospitals, ...primaries].map((i, n) => ({
        institutionId: i.id,
        role: n === 0 ? 'lead' : 'member',
      })),
      version: 1,
    });
    for (const h of hospitals) {
      await registry.upsertInstitution({
        id: h.id,
        groupId,
        level: h.level,
        type: h.type as never,
        version: 1,
      });
      for (const d of h.departments)
        await registry.upsertDepartment({ id: d.id, institutionId: h.id, specialtyCode: d.specialtyCode });
    }
    for (const p of primaries) {
      await registry.upsertInstitution({
        id: p.id,
        groupId,
        level: 'primary',
        type: 'community-health-centre',
        version: 1,
      });
      const teamId = uuidv7();
      await registry.upsertTeam({ id: teamId, institutionId: p.id, groupId, version: 1 });
      for (const resident of p.residents)
        await registry.upsertContract({
          id: uuidv7(),
          residentIdNumber: resident,
          teamId,
          status: 'active',
          startDate: '2026-01-01',
          endDate: '2099-12-31',
          version: 1,
        });
    }
  });
  const plan = planDemoActivity({
    today,
    now: clinicInstant(today, '06:30'),
    hospitals: hospitals.map((h) => ({ ...h, slotShare: ratio(1, 3), bedShare: ratio(1, 4) })),
    primaries,
  });
  return { hospitals, plan };
}

describe(DemoActivityLoader.name, () => {
  let database: MigratedTestDatabase;
  let app: INestApplicationContext;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('demo_activity', (url) => schedulingDataSource(url, 2));
    const config = loadSchedulingConfig({
      DATABASE_URL: database.url,
      AUTH_PUBLIC_KEY_FILE: '/dev/null',
      SWEEP_INTERVAL_MS: '600000',
      REPORT_REFRESH_MS: '3600000',
    });
    app = await createDemoActivityContext(database.url, config);
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('gives a small city a week of sessions, bookings and beds whose daily report is the plan’s, and a second run adds nothing', async () => {
    const today = localDate(new Date());
    // Early in the day, so every one of today's clinics is still to come.
    const now = clinicInstant(today, '06:30');
    const { hospitals, plan } = await aSmallCity(new UnitOfWork(database.dataSource), today);
    const sut = new DemoActivityLoader(app);
    const lines: string[] = [];

    const first = await sut.load(OPTIONS, (line) => lines.push(line), now);

    expect(first).toMatchObject({
      templates: { created: plan.templates.length, existing: 0 },
      sessions: { created: plan.hospitalDays.flatMap((d) => d.sessions).length, existing: 0 },
      reservedBookings: { refused: 0 },
      publicBookings: { refused: 0 },
      wards: { created: plan.wards.length, existing: 0 },
      admissions: { refused: 0 },
      failedDays: 0,
    });
    expect(first!.reservedBookings.created).toBeGreaterThan(0);
    const reports = app.get(GetDailyReportUseCase);
    for (const hospital of hospitals) {
      const expected = plan.today.get(hospital.id)!;
      const report = await reports.execute(
        { subject: 'test', role: 'city-operator', institutionId: null, groupId: null, practitionerId: null },
        GetDailyReportQuery.create({ institutionId: hospital.id, date: today }),
        now,
      );
      expect(report.slots).toMatchObject({
        offered: expected.offered,
        reservedOffered: expected.reservedOffered,
        reservedUsed: expected.reservedUsed,
        publicUsed: expected.publicUsed,
        targetBp: 3334,
        met: true,
      });
      expect(report.slots.reservedUsed).toBeGreaterThan(0);
      expect(report.beds).toMatchObject({
        beds: expected.beds,
        reservedBeds: expected.reservedBeds,
        publicOccupied: expected.publicOccupied,
        reservedOccupied: 0,
        met: true,
      });
    }
    const outbox = async () =>
      Number((await database.dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM outbox'))[0]!.n);
    const events = await outbox();
    expect(events).toBeGreaterThan(0);

    const second = await sut.load(OPTIONS, (line) => lines.push(line), now);

    for (const step of [
      'templates',
      'sessions',
      'reservedBookings',
      'publicBookings',
      'wards',
      'admissions',
    ] as const) {
      expect(second![step].created).toBe(0);
      expect(second![step].existing).toBe(first![step].created);
    }
    expect(second!.reports).toEqual(first!.reports);
    expect(await outbox()).toBe(events);

    // A platform left up: the next day's run adds the week's new last day and nothing else.
    const tomorrow = addDays(today, 1);
    const next = await sut.load(OPTIONS, (line) => lines.push(line), clinicInstant(tomorrow, '06:30'));

    const newDay = plan.templates.filter((t) => t.weekday === isoWeekday(addDays(today, 7)));
    expect(next!.templates).toEqual({ created: 0, existing: plan.templates.length, refused: 0, reasons: {} });
    expect(next!.sessions.created).toBe(newDay.length);
    expect(next!.reservedBookings).toMatchObject({ refused: 0 });
    expect(next!.reservedBookings.created).toBeGreaterThan(0);
    expect(next!.wards.created).toBe(0);
    expect(next!.admissions.created).toBe(0);
  });
});
