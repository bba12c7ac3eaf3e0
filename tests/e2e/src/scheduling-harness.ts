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
import { anIdentity, type TestDatabase, uniqueSuffix, waitFor } from '@medgrid/testing';
import { Client as PgClient } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { SCHEDULING_INPUT_TOPICS, waitUntilCaughtUp } from './consumer-lag';
import { unary, type UnaryMethod } from './grpc-call';
import { RegistryHarness } from './registry-harness';
import {
  aFreshResidentId,
  type GroupFixture,
  oneDayTemplate,
  ratio,
  shanghaiDate,
} from './scheduling-fixtures';
import { ServiceProcess, serviceEnv } from './service-process';
import { migratedDatabase } from './migrated-database';

/**
 * The registry and scheduling as real processes on fresh databases, against the
 * project's real PostgreSQL and Kafka: master data goes in through the
 * registry's API and reaches scheduling the way it does in production, over
 * the registry's topics.
 */
export class SchedulingHarness {
  /** Every gRPC service the scheduling process serves. */
  static readonly SCHEDULING_SERVICES = [
    schedulingV1.SchedulingServiceService,
    scheduleServiceV1.ScheduleServiceService,
    bookingServiceV1.BookingServiceService,
    reportServiceV1.ReportServiceService,
    bedServiceV1.BedServiceService,
  ];

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
    this.db = await migratedDatabase('scheduling', label);
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
    const template = await this.createTemplate(
      oneDayTemplate(group, date, {
        practitionerId: options.practitionerId ?? '',
        startTime: options.startTime ?? '08:00',
        endTime: options.endTime ?? '11:30',
        capacity: options.capacity,
      }),
      group.manager,
    );
    await this.generateSessions(group, date, date);
    const [row] = (
      await this.sql.query<{ id: string }>(`SELECT id FROM clinic_session WHERE template_id = $1`, [
        template.id,
      ])
    ).rows;
    return this.getSession(row!.id, group.manager);
  }

  // ---- the calls the suites make over and over, each with a fresh client request id ----

  async createTemplate(template: schedulingModelV1.ScheduleTemplate, who: Identity) {
    const request = { clientRequestId: uuidv7(), template };
    return (await this.call(this.schedule, this.schedule.createScheduleTemplate, request, who)).template!;
  }

  /** GenerateSessions of the group's hospital over the dates, by its staff. */
  generateSessions(group: GroupFixture, fromDate: string, toDate: string) {
    const request = { clientRequestId: uuidv7(), institutionId: group.hospitalId, fromDate, toDate };
    return this.call(this.schedule, this.schedule.generateSessions, request, group.manager);
  }

  /** CancelSessions of the group's hospital (every doctor's unless one is named), by its staff. */
  cancelSessions(
    group: GroupFixture,
    cancel: { fromDate: string; toDate: string; reason: string; practitionerId?: string },
  ) {
    const request = {
      clientRequestId: uuidv7(),
      institutionId: group.hospitalId,
      practitionerId: '',
      ...cancel,
    };
    return this.call(this.schedule, this.schedule.cancelSessions, request, group.manager);
  }

  async getSession(sessionId: string, who: Identity) {
    return (await this.call(this.schedule, this.schedule.getSession, { sessionId }, who)).session!;
  }

  async setSessionCapacity(sessionId: string, capacity: number, who: Identity, clientRequestId = uuidv7()) {
    const request = { clientRequestId, sessionId, capacity };
    return (await this.call(this.schedule, this.schedule.setSessionCapacity, request, who)).session!;
  }

  /**
   * SetReservePolicy of the group's hospital: the national shares (1/3 of slots, 1/4 of beds), no
   * release lead time and no override, but for what `policy` sets.
   */
  setReservePolicy(
    group: GroupFixture,
    policy: Partial<scheduleServiceV1.SetReservePolicyRequest>,
    who: Identity = group.manager,
  ) {
    const request: scheduleServiceV1.SetReservePolicyRequest = {
      clientRequestId: uuidv7(),
      institutionId: group.hospitalId,
      slotRatio: ratio(1, 3),
      bedRatio: ratio(1, 4),
      releaseLeadHours: 0,
      overrideReason: '',
      ...policy,
    };
    return this.call(this.schedule, this.schedule.setReservePolicy, request, who);
  }

  getReservePolicy(group: GroupFixture) {
    const request = { institutionId: group.hospitalId };
    return this.call(this.schedule, this.schedule.getReservePolicy, request, group.manager);
  }

  async bookSlot(claim: bookingServiceV1.SlotClaim, who: Identity) {
    return (await this.call(this.booking, this.booking.bookSlot, { claim }, who)).booking!;
  }

  async holdSlot(claim: bookingServiceV1.SlotClaim, holdMinutes: number, who: Identity) {
    return (await this.call(this.booking, this.booking.holdSlot, { claim, holdMinutes }, who)).booking!;
  }

  async confirmBooking(bookingId: string, who: Identity) {
    const request = { clientRequestId: uuidv7(), bookingId };
    return (await this.call(this.booking, this.booking.confirmBooking, request, who)).booking!;
  }

  async cancelBooking(bookingId: string, reason: string, who: Identity, clientRequestId = uuidv7()) {
    const request = { clientRequestId, bookingId, reason };
    return (await this.call(this.booking, this.booking.cancelBooking, request, who)).booking!;
  }

  async getBooking(bookingId: string, who: Identity) {
    return (await this.call(this.booking, this.booking.getBooking, { bookingId }, who)).booking!;
  }

  async joinWaitlist(claim: bookingServiceV1.SlotClaim, who: Identity) {
    return (await this.call(this.booking, this.booking.joinWaitlist, { claim }, who)).entry!;
  }

  async getWaitlistEntry(entryId: string, who: Identity) {
    return (await this.call(this.booking, this.booking.getWaitlistEntry, { entryId }, who)).entry!;
  }

  /** RegisterWard in the group's department, by the hospital's staff, under a name of its own. */
  async registerWard(
    group: GroupFixture,
    bedCount: number,
    {
      name = `病区 ${uuidv7()}`,
      clientRequestId = uuidv7(),
      departmentId = group.departmentId,
    }: { name?: string; clientRequestId?: string; departmentId?: string } = {},
  ) {
    const request = {
      clientRequestId,
      institutionId: group.hospitalId,
      departmentId,
      specialtyCode: '',
      name,
      bedCount,
    };
    return (await this.call(this.bed, this.bed.registerWard, request, group.manager)).ward!;
  }

  /** The daily report of the group's hospital ('' for today), as its group's administrator reads it. */
  dailyReport(group: GroupFixture, date: string, who: Identity = group.groupAdmin) {
    const request = { institutionId: group.hospitalId, date };
    return this.call(this.report, this.report.getDailyReport, request, who);
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
