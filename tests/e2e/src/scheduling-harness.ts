import { type Client, credentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import {
  bedServiceV1,
  bookingServiceV1,
  registryV1,
  reportServiceV1,
  scheduleServiceV1,
  type schedulingModelV1,
  schedulingV1,
} from '@medgrid/contracts';
import { aResidentId, anIdentity, TestDatabase, uniqueSuffix, waitFor } from '@medgrid/testing';
import { addDays, isoWeekday, localDate } from '@medgrid/kernel';
import { Client as PgClient } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { SCHEDULING_INPUT_TOPICS, waitUntilCaughtUp } from './consumer-lag';
import { unary, type UnaryMethod } from './grpc-call';
import { RegistryHarness } from './registry-harness';
import { migrateUp, ServiceProcess, serviceEnv } from './service-process';

/** A medical group as the registry holds it and scheduling's projection has learnt it. */
export interface GroupFixture {
  /** The city of the group's grid. */
  readonly cityId: string;
  readonly gridId: string;
  readonly groupId: string;
  readonly hospitalId: string;
  readonly departmentId: string;
  readonly specialtyCode: string;
  readonly centreId: string;
  readonly teamId: string;
  /** The hospital's own scheduling staff. */
  readonly manager: Identity;
  /** A family doctor's institution of the group, booking for its residents. */
  readonly centre: Identity;
  readonly groupAdmin: Identity;
}

/**
 * A resident ID number no earlier run is likely to have used: the registry's topics outlive test
 * databases, and scheduling's projection of contracts is keyed by the number.
 */
export function aFreshResidentId(): string {
  return aResidentId(1 + Math.floor(Math.random() * 12_000_000));
}

/** Days after today in Asia/Shanghai, as YYYY-MM-DD. */
export const shanghaiDate = (daysFromToday: number): string => addDays(localDate(new Date()), daysFromToday);

export { isoWeekday };

/**
 * The registry and scheduling as real processes on fresh databases, against the
 * project's real PostgreSQL and Kafka: master data goes in through the
 * registry's API and reaches scheduling the way it does in production, over
 * the registry's topics.
 */
export class SchedulingHarness {
  readonly registry = new RegistryHarness();
  db!: TestDatabase;
  process!: ServiceProcess;
  schedule!: scheduleServiceV1.ScheduleServiceClient;
  booking!: bookingServiceV1.BookingServiceClient;
  saga!: schedulingV1.SchedulingServiceClient;
  report!: reportServiceV1.ReportServiceClient;
  bed!: bedServiceV1.BedServiceClient;
  sql!: PgClient;

  async start(label: string, env: Record<string, string> = {}): Promise<void> {
    await this.registry.start(`${label}_registry`);
    this.db = await TestDatabase.create(label);
    migrateUp('scheduling', this.db.url);
    // Its own group, so neither scripts/up.sh's scheduling nor another suite takes these events.
    const consumerGroup = `scheduling-${label}-${uniqueSuffix()}`;
    this.process = await ServiceProcess.onFreePorts(
      'scheduling',
      serviceEnv(this.db.url, this.registry.auth.publicKeyFile, {
        KAFKA_CONSUMER_GROUP: consumerGroup,
        SWEEP_INTERVAL_MS: '200',
        ...env,
      }),
    );
    await this.process.start();
    await waitUntilCaughtUp(consumerGroup, SCHEDULING_INPUT_TOPICS);
    const address = this.process.grpcAddress;
    this.schedule = new scheduleServiceV1.ScheduleServiceClient(address, credentials.createInsecure());
    this.booking = new bookingServiceV1.BookingServiceClient(address, credentials.createInsecure());
    this.saga = new schedulingV1.SchedulingServiceClient(address, credentials.createInsecure());
    this.report = new reportServiceV1.ReportServiceClient(address, credentials.createInsecure());
    this.bed = new bedServiceV1.BedServiceClient(address, credentials.createInsecure());
    this.sql = new PgClient({ connectionString: this.db.url });
    await this.sql.connect();
  }

  async stop(): Promise<void> {
    this.schedule?.close();
    this.booking?.close();
    this.saga?.close();
    this.report?.close();
    this.bed?.close();
    await this.sql?.end();
    await this.process?.stop();
    await this.db?.drop();
    await this.registry.stop();
  }

  async call<Req, Res>(
    client: Client,
    method: UnaryMethod<Req, Res>,
    request: Req,
    identity: Identity,
  ): Promise<Res> {
    return unary(client, method, request, await this.registry.auth.token(identity));
  }

  /**
   * A group on a new grid (of the registry's first city unless told another): a tertiary hospital
   * with a department, a community centre with a team.
   */
  async newGroup(specialtyCode = '03.01', cityId = this.registry.cityId): Promise<GroupFixture> {
    const { MembershipRole: R } = registryV1;
    const r = this.registry;
    const grid = await r.newGrid(cityId);
    const group = await r.newGroup(grid.id);
    const hospital = await r.newHospital(grid.id);
    const centre = await r.newCentre(grid.id);
    await r.join(group.id, hospital.id, R.MEMBERSHIP_ROLE_LEAD);
    await r.join(group.id, centre.id, R.MEMBERSHIP_ROLE_MEMBER);
    const { department } = await r.call(r.organisation, r.organisation.registerDepartment, {
      clientRequestId: uuidv7(),
      institutionId: hospital.id,
      specialtyCode,
      name: '心血管内科',
    });
    const teamId = await r.newTeam(centre.id);
    const fixture: GroupFixture = {
      cityId,
      gridId: grid.id,
      groupId: group.id,
      hospitalId: hospital.id,
      departmentId: department!.id,
      specialtyCode,
      centreId: centre.id,
      teamId,
      manager: anIdentity({ role: 'hospital-staff', institutionId: hospital.id, groupId: group.id }),
      centre: anIdentity({ role: 'primary-staff', institutionId: centre.id, groupId: group.id }),
      groupAdmin: anIdentity({ role: 'group-admin', institutionId: hospital.id, groupId: group.id }),
    };
    await this.waitForProjection(
      'the group',
      `SELECT (SELECT count(*) FROM known_institution WHERE id IN ($1, $2) AND group_id = $3)
            + (SELECT count(*) FROM known_department WHERE id = $4)
            + (SELECT count(*) FROM known_team WHERE id = $5)
            + (SELECT count(*) FROM known_group g JOIN known_grid d ON d.id = g.grid_id
                 JOIN known_city c ON c.id = d.city_id WHERE g.id = $3 AND c.id = $6) AS n`,
      [hospital.id, centre.id, group.id, department!.id, teamId, cityId],
      5,
    );
    return fixture;
  }

  /** A resident of the grid under contract with the group's family-doctor team, known to scheduling. */
  async contractedResident(group: GroupFixture): Promise<string> {
    const r = this.registry;
    const residentIdNumber = aFreshResidentId();
    const { resident } = await r.call(r.residents, r.residents.registerResident, {
      clientRequestId: uuidv7(),
      residentIdNumber,
      name: '陈签约',
      phone: '13800138000',
      gridId: group.gridId,
    });
    await r.call(r.residents, r.residents.signContract, {
      clientRequestId: uuidv7(),
      residentId: resident!.id,
      teamId: group.teamId,
      startDate: '',
      tags: [],
    });
    await this.waitForProjection(
      'the contract',
      `SELECT count(*) AS n FROM known_contract
        WHERE resident_id_number = $1 AND team_id = $2 AND status = 'active'`,
      [residentIdNumber, group.teamId],
      1,
    );
    return residentIdNumber;
  }

  /**
   * One open session of the group's department (or of one doctor in it) on the date, made from a
   * template valid that day only.
   */
  async newSession(
    group: GroupFixture,
    options: {
      capacity: number;
      date?: string;
      startTime?: string;
      endTime?: string;
      practitionerId?: string;
    },
  ): Promise<schedulingModelV1.Session> {
    const date = options.date ?? shanghaiDate(3);
    const { template } = await this.call(
      this.schedule,
      this.schedule.createScheduleTemplate,
      {
        clientRequestId: uuidv7(),
        template: {
          id: '',
          groupId: '',
          practitionerId: options.practitionerId ?? '',
          institutionId: group.hospitalId,
          departmentId: group.departmentId,
          specialtyCode: group.specialtyCode,
          weekday: isoWeekday(date),
          startTime: options.startTime ?? '08:00',
          endTime: options.endTime ?? '11:30',
          capacity: options.capacity,
          validFrom: date,
          validUntil: date,
        },
      },
      group.manager,
    );
    await this.call(
      this.schedule,
      this.schedule.generateSessions,
      { clientRequestId: uuidv7(), institutionId: group.hospitalId, fromDate: date, toDate: date },
      group.manager,
    );
    const [row] = (
      await this.sql.query<{ id: string }>(`SELECT id FROM clinic_session WHERE template_id = $1`, [
        template!.id,
      ])
    ).rows;
    const { session } = await this.call(
      this.schedule,
      this.schedule.getSession,
      { sessionId: row!.id },
      group.manager,
    );
    return session!;
  }

  async count(sql: string, parameters: unknown[], client: PgClient = this.sql): Promise<number> {
    return Number((await client.query<{ n: string }>(sql, parameters)).rows[0]!.n);
  }

  protected async waitForProjection(
    what: string,
    sql: string,
    parameters: unknown[],
    expected: number,
    { client = this.sql, service = 'scheduling' }: { client?: PgClient; service?: string } = {},
  ) {
    await waitFor(
      `${service} to learn ${what} from the registry's events`,
      async () => {
        const found = await this.count(sql, parameters, client);
        if (found !== expected) throw new Error(`found ${found} of ${expected}`);
        return true;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  }
}
