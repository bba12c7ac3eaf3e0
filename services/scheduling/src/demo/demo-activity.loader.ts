import { Global, type INestApplicationContext, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type Identity } from '@medgrid/auth';
import { DatabaseModule, UnitOfWork } from '@medgrid/database';
import { AppError } from '@medgrid/errors';
import { addDays, localDate } from '@medgrid/kernel';
import { LoggingModule } from '@medgrid/logging';
import { OutboxWriter } from '@medgrid/messaging';
import { SERVICE_CONFIG } from '@medgrid/service';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { AssignBedCommand } from '../beds/application/assign-bed/assign-bed.command';
import { AssignBedUseCase } from '../beds/application/assign-bed/assign-bed.use-case';
import { RegisterWardCommand } from '../beds/application/register-ward/register-ward.command';
import { RegisterWardUseCase } from '../beds/application/register-ward/register-ward.use-case';
import { RequestAdmissionCommand } from '../beds/application/request-admission/request-admission.command';
import { RequestAdmissionUseCase } from '../beds/application/request-admission/request-admission.use-case';
import { ClaimSlotCommand } from '../booking/application/claim-slot/claim-slot.command';
import { ClaimSlotUseCase } from '../booking/application/claim-slot/claim-slot.use-case';
import { HospitalReserveRules } from '../capacity/application/hospital-reserve-rules';
import { type SchedulingConfig } from '../config/scheduling.config';
import { schedulingDataSource } from '../database/scheduling-data-source';
import { type DailyReport } from '../reports/application/daily-report-figures';
import { GetDailyReportQuery } from '../reports/application/get-daily-report/get-daily-report.query';
import { GetDailyReportUseCase } from '../reports/application/get-daily-report/get-daily-report.use-case';
import { SchedulingModule } from '../scheduling.module';
import { CreateScheduleTemplateCommand } from '../schedules/application/create-schedule-template/create-schedule-template.command';
import { CreateScheduleTemplateUseCase } from '../schedules/application/create-schedule-template/create-schedule-template.use-case';
import { GenerateSessionsCommand } from '../schedules/application/generate-sessions/generate-sessions.command';
import { GenerateSessionsUseCase } from '../schedules/application/generate-sessions/generate-sessions.use-case';
import {
  DAYS_AHEAD,
  type DemoActivityPlan,
  type DemoHospital,
  type DemoPrimary,
  planDemoActivity,
  type PlannedDay,
  TIMETABLE_VALID_FROM,
} from './demo-activity.plan';

/** The demo city's division code (Guangzhou), as the registry's demo loads it. */
export const DEMO_DIVISION_CODE = '440100';

/** Residents per primary institution the plan picks its patients from. */
const RESIDENTS_PER_PRIMARY = 150;

export interface DemoActivityOptions {
  readonly divisionCode: string;
  /**
   * The registry's id of the demo city when scripts/up.sh names it: an end-to-end test registers a Guangzhou of
   * its own on the broker the platform shares, so the division code alone may find another city.
   */
  readonly cityId?: string;
  readonly waitSeconds: number;
  /** How long between two looks at what scheduling has learnt. */
  readonly pollMs: number;
}

export const DEFAULT_DEMO_ACTIVITY: DemoActivityOptions = {
  divisionCode: DEMO_DIVISION_CODE,
  waitSeconds: 60,
  pollMs: 2000,
};

export interface StepCount {
  created: number;
  existing: number;
  refused: number;
  /** Refusals by the rule's reason (SOLD_OUT, ALREADY_BOOKED_IN_SESSION, ...). */
  reasons: Record<string, number>;
}

export interface DemoActivityReport {
  readonly city: string;
  readonly date: string;
  readonly templates: StepCount;
  readonly sessions: StepCount;
  readonly reservedBookings: StepCount;
  readonly publicBookings: StepCount;
  readonly wards: StepCount;
  readonly admissions: StepCount;
  readonly failedDays: number;
  readonly reports: readonly DailyReport[];
}

/**
 * What the loader runs in-process: scheduling's own module, with the platform pieces a service
 * gets from runService (database, outbox writer, configuration, logging). The sweepers of that
 * module wait their whole interval before a first tick and the loader sets it long, so the
 * running service stays the one that releases reserve and expires holds.
 */
export async function createDemoActivityContext(
  url: string,
  config: SchedulingConfig,
): Promise<INestApplicationContext> {
  @Global()
  @Module({
    providers: [
      { provide: SERVICE_CONFIG, useValue: config },
      {
        provide: OutboxWriter,
        useFactory: (uow: UnitOfWork) => new OutboxWriter(uow, 'scheduling'),
        inject: [UnitOfWork],
      },
    ],
    exports: [SERVICE_CONFIG, OutboxWriter],
  })
  class DemoPlatformModule {}

  @Module({
    imports: [
      DatabaseModule.forRoot(() => schedulingDataSource(url, 4)),
      DemoPlatformModule,
      LoggingModule.forRoot(pino({ level: 'silent' })),
      SchedulingModule,
    ],
  })
  class DemoActivityModule {}

  return NestFactory.createApplicationContext(DemoActivityModule, { logger: false });
}

const staffOf = (hospital: { id: string; groupId: string }): Identity => ({
  subject: 'demo-activity-loader',
  role: 'hospital-staff',
  institutionId: hospital.id,
  groupId: hospital.groupId,
  practitionerId: null,
});

const OPERATOR: Identity = {
  subject: 'demo-activity-loader',
  role: 'city-operator',
  institutionId: null,
  groupId: null,
  practitionerId: null,
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const count = (): StepCount => ({ created: 0, existing: 0, refused: 0, reasons: {} });

/** Counts a refusal the rules gave (sold out, ...); anything else is a defect and is thrown on. */
function refuse(step: StepCount, error: unknown): void {
  if (!(error instanceof AppError)) throw error;
  step.refused++;
  step.reasons[error.code] = (step.reasons[error.code] ?? 0) + 1;
}

const refusals = (step: StepCount): string =>
  step.refused === 0
    ? '0 refused'
    : `${step.refused} refused (${Object.entries(step.reasons)
        .map(([code, n]) => `${code} ${n}`)
        .join(', ')})`;

interface CitySnapshot {
  readonly cityId: string;
  readonly cityName: string;
  readonly hospitals: readonly Omit<DemoHospital, 'slotShare' | 'bedShare'>[];
  readonly primaries: readonly DemoPrimary[];
  readonly contracts: number;
}

/**
 * Gives the demo city scheduling activity through scheduling's own use cases, with the identity
 * each rule asks for: the hospital's staff make its timetable, sessions and wards, the group's
 * primary institutions book reserved slots for their contracted residents, the hospital's
 * appointment system books public slots, and its staff admit patients to public beds. Reserved
 * beds are left for referrals, which only the referral service starts.
 */
export class DemoActivityLoader {
  private readonly dataSource: DataSource;
  private readonly uow: UnitOfWork;

  constructor(private readonly app: { get<T>(type: Type<T>): T }) {
    this.dataSource = app.get(DataSource);
    this.uow = app.get(UnitOfWork);
  }

  /** Waits for the city, its hospitals' departments and its contracts to be learnt (and to settle). */
  async waitForCity(
    options: DemoActivityOptions,
    today: string,
    say: (line: string) => void,
  ): Promise<CitySnapshot | null> {
    const deadline = Date.now() + options.waitSeconds * 1000;
    let last: CitySnapshot | null = null;
    for (;;) {
      const seen = await this.city(options.divisionCode, options.cityId ?? null, today);
      const ready =
        seen !== null &&
        seen.hospitals.length > 0 &&
        seen.hospitals.every((h) => h.departments.length > 0) &&
        seen.contracts > 0;
      // Contracts arrive by the thousand: take the city once two looks agree.
      if (
        ready &&
        last !== null &&
        last.contracts === seen.contracts &&
        last.hospitals.length === seen.hospitals.length
      )
        return seen;
      last = ready ? seen : null;
      if (Date.now() >= deadline) {
        if (ready) return seen;
        say(
          seen === null
            ? `no city ${options.divisionCode} learnt from the registry within ${options.waitSeconds} s`
            : `city ${seen.cityName}: hospitals, departments or contracts not learnt within ${options.waitSeconds} s`,
        );
        return null;
      }
      await pause(options.pollMs);
    }
  }

  async load(
    options: DemoActivityOptions,
    say: (line: string) => void,
    now = new Date(),
  ): Promise<DemoActivityReport | null> {
    const today = localDate(now);
    const city = await this.waitForCity(options, today, say);
    if (!city) return null;
    const reserves = this.app.get(HospitalReserveRules);
    const hospitals: DemoHospital[] = [];
    for (const hospital of city.hospitals) {
      const share = (await reserves.of(hospital)).shareOn(today);
      hospitals.push({ ...hospital, slotShare: share.slotRatio, bedShare: share.bedRatio });
    }
    const plan = planDemoActivity({ today, now, hospitals, primaries: city.primaries });
    say(
      `${city.cityName}: ${hospitals.length} hospitals, ${city.primaries.length} primary institutions, ` +
        `${city.contracts} contracts learnt; planning ${plan.days[0]} to ${plan.days[plan.days.length - 1]}`,
    );

    const templates = await this.templates(plan, now);
    say(`templates: ${templates.created} created, ${templates.existing} already there`);

    const sessions = count();
    const reservedBookings = count();
    const publicBookings = count();
    let failedDays = 0;
    const templateIds = await this.recorded(
      'create-template',
      plan.templates.map((t) => t.clientRequestId),
    );
    const booked = new Set(
      (
        await this.dataSource.query<{ id: string }[]>(
          'SELECT client_request_id AS id FROM booking WHERE client_request_id = ANY($1::uuid[])',
          [
            plan.hospitalDays.flatMap((d) =>
              d.sessions.flatMap((s) => s.bookings.map((b) => b.clientRequestId)),
            ),
          ],
        )
      ).map((row) => row.id),
    );
    const templateIdOf = new Map(plan.templates.map((t) => [t.key, templateIds.get(t.clientRequestId)]));
    for (const day of plan.hospitalDays) {
      try {
        await this.day(day, templateIdOf, booked, now, { sessions, reservedBookings, publicBookings });
      } catch (error) {
        failedDays++;
        say(
          `${day.hospitalId} ${day.date}: not loaded (${error instanceof Error ? error.message : String(error)})`,
        );
      }
    }
    say(
      `sessions: ${sessions.created} created, ${sessions.existing} already there (${plan.days.length} days)`,
    );
    say(
      `reserved slots booked by primary institutions: ${reservedBookings.created} booked, ` +
        `${reservedBookings.existing} already there, ${refusals(reservedBookings)}`,
    );
    say(
      `public slots booked by the hospitals' appointment systems: ${publicBookings.created} booked, ` +
        `${publicBookings.existing} already there, ${refusals(publicBookings)}`,
    );

    const { wards, admissions } = await this.wards(plan, now);
    say(`wards: ${wards.created} registered, ${wards.existing} already there`);
    say(
      `admissions to public beds: ${admissions.created} admitted, ${admissions.existing} already there, ` +
        `${refusals(admissions)}`,
    );

    const reports: DailyReport[] = [];
    const getDailyReport = this.app.get(GetDailyReportUseCase);
    for (const hospital of hospitals) {
      const report = await getDailyReport.execute(
        OPERATOR,
        GetDailyReportQuery.create({ institutionId: hospital.id, date: today }),
        now,
      );
      reports.push(report);
      const s = report.slots;
      const b = report.beds;
      say(
        `report ${today} ${hospital.level} ${hospital.type} ${hospital.id}: slots ${s.reservedOffered}/${s.offered} reserved ` +
          `(${(s.ratioBp / 100).toFixed(2)}% against ${(s.targetBp / 100).toFixed(2)}%, ${s.met ? 'met' : 'below'}), ` +
          `${s.reservedUsed} reserved used, ${s.publicUsed} public used; beds ${b.reservedBeds}/${b.beds} reserved ` +
          `(${(b.ratioBp / 100).toFixed(2)}%), ${b.publicOccupied} public occupied`,
      );
    }
    return {
      city: city.cityName,
      date: today,
      templates,
      sessions,
      reservedBookings,
      publicBookings,
      wards,
      admissions,
      failedDays,
      reports,
    };
  }

  /** What scheduling has learnt of the city: its hospitals with departments, primaries with residents. */
  private async city(
    divisionCode: string,
    cityId: string | null,
    today: string,
  ): Promise<CitySnapshot | null> {
    const [city] = await this.dataSource.query<{ id: string; name: string }[]>(
      `SELECT id, name FROM known_city WHERE division_code = $1 AND ($2::uuid IS NULL OR id = $2)
        ORDER BY id LIMIT 1`,
      [divisionCode, cityId],
    );
    if (!city) return null;
    const institutions = await this.dataSource.query<
      { id: string; group_id: string; level: string; type: string }[]
    >(
      `SELECT i.id, i.group_id, i.level, i.type FROM known_institution i
         JOIN known_group g ON g.id = i.group_id JOIN known_grid d ON d.id = g.grid_id
        WHERE d.city_id = $1 ORDER BY i.id`,
      [city.id],
    );
    const hospitalRows = institutions.filter((i) => i.level === 'tertiary' || i.level === 'secondary');
    const primaryRows = institutions.filter((i) => i.level === 'primary');
    const departments = await this.dataSource.query<
      { id: string; institution_id: string; specialty_code: string }[]
    >(
      'SELECT id, institution_id, specialty_code FROM known_department WHERE institution_id = ANY($1::uuid[]) ORDER BY id',
      [hospitalRows.map((h) => h.id)],
    );
    // Residents whose contract is in force all week, so each booking of the plan is theirs to make.
    const residents = await this.dataSource.query<{ institution_id: string; resident: string }[]>(
      `SELECT institution_id, resident FROM (
         SELECT t.institution_id, c.resident_id_number AS resident,
                row_number() OVER (PARTITION BY t.institution_id ORDER BY c.resident_id_number) AS n
           FROM known_contract c JOIN known_team t ON t.id = c.team_id
          WHERE t.institution_id = ANY($1::uuid[]) AND c.status = 'active'
            AND c.start_date <= $2::date AND c.end_date >= $3::date) r
        WHERE n <= $4 ORDER BY institution_id, resident`,
      [primaryRows.map((p) => p.id), today, addDays(today, DAYS_AHEAD - 1), RESIDENTS_PER_PRIMARY],
    );
    const [{ n: contracts } = { n: '0' }] = await this.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM known_contract c JOIN known_team t ON t.id = c.team_id
        WHERE t.institution_id = ANY($1::uuid[])`,
      [primaryRows.map((p) => p.id)],
    );
    return {
      cityId: city.id,
      cityName: city.name,
      hospitals: hospitalRows.map((h) => ({
        id: h.id,
        groupId: h.group_id,
        level: h.level as DemoHospital['level'],
        type: h.type,
        departments: departments
          .filter((d) => d.institution_id === h.id)
          .map((d) => ({ id: d.id, specialtyCode: d.specialty_code })),
      })),
      primaries: primaryRows.map((p) => ({
        id: p.id,
        groupId: p.group_id,
        residents: residents.filter((r) => r.institution_id === p.id).map((r) => r.resident),
      })),
      contracts: Number(contracts),
    };
  }

  /** The client requests of `operation` already recorded, each with what it made. */
  private async recorded(operation: string, ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.dataSource.query<{ id: string; result_id: string }[]>(
      `SELECT client_request_id AS id, result_id FROM client_request
        WHERE operation = $1 AND client_request_id = ANY($2::uuid[])`,
      [operation, ids],
    );
    return new Map(rows.map((row) => [row.id, row.result_id]));
  }

  private async templates(plan: DemoActivityPlan, now: Date): Promise<StepCount> {
    const step = count();
    const made = await this.recorded(
      'create-template',
      plan.templates.map((t) => t.clientRequestId),
    );
    const createTemplate = this.app.get(CreateScheduleTemplateUseCase);
    const groupOf = new Map(plan.hospitalDays.map((d) => [d.hospitalId, d.groupId]));
    for (const t of plan.templates) {
      if (made.has(t.clientRequestId)) {
        step.existing++;
        continue;
      }
      await createTemplate.execute(
        staffOf({ id: t.hospitalId, groupId: groupOf.get(t.hospitalId)! }),
        CreateScheduleTemplateCommand.create(
          {
            clientRequestId: t.clientRequestId,
            template: {
              institutionId: t.hospitalId,
              departmentId: t.departmentId,
              practitionerId: '',
              weekday: t.weekday,
              startTime: t.startTime,
              endTime: t.endTime,
              capacity: t.capacity,
              validFrom: TIMETABLE_VALID_FROM,
              validUntil: '',
            },
          },
          now,
        ),
      );
      step.created++;
    }
    return step;
  }

  /**
   * One hospital's day: its sessions are made and booked in one transaction, so the reserve
   * sweeper of the running service sees them only with the bookings primary care made before the
   * release (today's and tomorrow's reserve is already due for release when they are made).
   */
  private async day(
    day: PlannedDay,
    templateIdOf: ReadonlyMap<string, string | undefined>,
    booked: ReadonlySet<string>,
    now: Date,
    counts: { sessions: StepCount; reservedBookings: StepCount; publicBookings: StepCount },
  ): Promise<void> {
    if (day.sessions.length === 0) return;
    const pending = day.sessions.flatMap((s) => s.bookings).filter((b) => !booked.has(b.clientRequestId));
    const existingSessions = async () =>
      new Map(
        (
          await this.uow.manager().query<{ id: string; template_id: string }[]>(
            `SELECT id, template_id FROM clinic_session
                WHERE institution_id = $1 AND planned_date = $2 AND template_id IS NOT NULL`,
            [day.hospitalId, day.date],
          )
        ).map((row) => [row.template_id, row.id]),
      );
    const before = await existingSessions();
    const missing = day.sessions.filter((s) => !before.has(templateIdOf.get(s.templateKey) ?? ''));
    if (missing.length === 0 && pending.length === 0) {
      counts.sessions.existing += day.sessions.length;
      for (const s of day.sessions)
        for (const b of s.bookings)
          (b.pool === 'reserved' ? counts.reservedBookings : counts.publicBookings).existing++;
      return;
    }
    const staff = staffOf({ id: day.hospitalId, groupId: day.groupId });
    const claimSlot = this.app.get(ClaimSlotUseCase);
    const local = { sessions: count(), reservedBookings: count(), publicBookings: count() };
    await this.uow.run(async () => {
      if (missing.length > 0) {
        const generated = await this.app.get(GenerateSessionsUseCase).execute(
          staff,
          GenerateSessionsCommand.create({
            clientRequestId: day.generateRequestId,
            institutionId: day.hospitalId,
            fromDate: day.date,
            toDate: day.date,
          }),
          now,
        );
        local.sessions.created += generated.created;
      }
      local.sessions.existing += day.sessions.length - local.sessions.created;
      const sessionOf = await existingSessions();
      for (const session of day.sessions) {
        const sessionId = sessionOf.get(templateIdOf.get(session.templateKey) ?? '');
        for (const booking of session.bookings) {
          const step = booking.pool === 'reserved' ? local.reservedBookings : local.publicBookings;
          if (booked.has(booking.clientRequestId)) {
            step.existing++;
            continue;
          }
          if (!sessionId) {
            step.refused++;
            step.reasons.NO_SESSION = (step.reasons.NO_SESSION ?? 0) + 1;
            continue;
          }
          try {
            await claimSlot.execute(
              {
                subject: 'demo-activity-loader',
                role: booking.by.role,
                institutionId: booking.by.institutionId,
                groupId: booking.by.groupId,
                practitionerId: null,
              },
              ClaimSlotCommand.create(
                'book',
                {
                  clientRequestId: booking.clientRequestId,
                  sessionId,
                  patientResidentId: booking.patientResidentId,
                  pool: booking.pool,
                  referralId: '',
                  holdMinutes: 0,
                },
                now,
              ),
              now,
            );
            step.created++;
          } catch (error) {
            refuse(step, error);
          }
        }
      }
    });
    for (const key of ['sessions', 'reservedBookings', 'publicBookings'] as const) {
      counts[key].created += local[key].created;
      counts[key].existing += local[key].existing;
      counts[key].refused += local[key].refused;
      for (const [code, n] of Object.entries(local[key].reasons))
        counts[key].reasons[code] = (counts[key].reasons[code] ?? 0) + n;
    }
  }

  private async wards(
    plan: DemoActivityPlan,
    now: Date,
  ): Promise<{ wards: StepCount; admissions: StepCount }> {
    const wards = count();
    const admissions = count();
    const registered = await this.recorded(
      'register-ward',
      plan.wards.map((w) => w.clientRequestId),
    );
    const requested = await this.recorded(
      'request-admission',
      plan.wards.flatMap((w) => w.admissions.map((a) => a.requestId)),
    );
    const assigned = await this.recorded(
      'assign-bed',
      plan.wards.flatMap((w) => w.admissions.map((a) => a.assignId)),
    );
    const registerWard = this.app.get(RegisterWardUseCase);
    const requestAdmission = this.app.get(RequestAdmissionUseCase);
    const assignBed = this.app.get(AssignBedUseCase);
    for (const ward of plan.wards) {
      const staff = staffOf({ id: ward.hospitalId, groupId: ward.groupId });
      let wardId = registered.get(ward.clientRequestId);
      if (wardId) wards.existing++;
      else {
        wardId = (
          await registerWard.execute(
            staff,
            RegisterWardCommand.create({
              clientRequestId: ward.clientRequestId,
              institutionId: ward.hospitalId,
              departmentId: ward.departmentId,
              specialtyCode: ward.specialtyCode,
              name: ward.name,
              bedCount: ward.bedCount,
            }),
            now,
          )
        ).id;
        wards.created++;
      }
      for (const admission of ward.admissions) {
        if (assigned.has(admission.assignId)) {
          admissions.existing++;
          continue;
        }
        try {
          const admissionId =
            requested.get(admission.requestId) ??
            (
              await requestAdmission.execute(
                staff,
                RequestAdmissionCommand.create(
                  {
                    clientRequestId: admission.requestId,
                    wardId,
                    patientResidentId: admission.patientResidentId,
                    referralId: '',
                  },
                  now,
                ),
                now,
              )
            ).id;
          await assignBed.execute(
            staff,
            AssignBedCommand.create({ clientRequestId: admission.assignId, admissionId, pool: 'public' }),
            now,
          );
          admissions.created++;
        } catch (error) {
          refuse(admissions, error);
        }
      }
    }
    return { wards, admissions };
  }
}
