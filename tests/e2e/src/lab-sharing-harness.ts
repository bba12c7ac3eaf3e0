import { type Client, credentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import {
  centreServiceV1,
  peopleV1,
  registryV1,
  labReportServiceV1,
  labSharingServiceV1,
  orderServiceV1,
  sterilisationServiceV1,
  TOPICS,
} from '@medgrid/contracts';
import {
  anIdentity,
  TEST_AUDIENCE,
  TEST_ISSUER,
  TestDatabase,
  testKafkaBrokers,
  uniqueSuffix,
  waitFor,
} from '@medgrid/testing';
import { Client as PgClient } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { waitUntilCaughtUp } from './consumer-lag';
import { unary, type UnaryMethod } from './grpc-call';
import { RegistryHarness } from './registry-harness';
import { freePort, migrate, ServiceProcess } from './service-process';

/** The topics the lab-sharing service consumes: the registry's institutions, groups and practitioners. */
export const LAB_SHARING_INPUT_TOPICS = [
  TOPICS.registryInstitution.name,
  TOPICS.registryMedicalGroup.name,
  TOPICS.registryPractitioner.name,
];

/**
 * The registry and the lab-sharing service as real processes on fresh databases: the service learns
 * institutions and groups from the registry's topics, as in production.
 */
export class LabSharingHarness {
  readonly registry = new RegistryHarness();
  db!: TestDatabase;
  process!: ServiceProcess;
  sql!: PgClient;
  client!: labSharingServiceV1.LabSharingServiceClient;
  centres!: centreServiceV1.CentreServiceClient;
  sterilisation!: sterilisationServiceV1.SterilisationServiceClient;

  orders!: orderServiceV1.OrderServiceClient;
  reports!: labReportServiceV1.ReportServiceClient;

  /** Starts both services; `env` adds to or replaces lab-sharing's settings (short sweep and acknowledgement times). */
  async start(label: string, env: Record<string, string> = {}): Promise<void> {
    await this.registry.start(`${label}_registry`);
    this.db = await TestDatabase.create(label);
    const migrated = migrate('lab-sharing', this.db.url, 'up');
    if (migrated.code !== 0) throw new Error(`lab-sharing migration failed: ${migrated.output}`);
    // Its own consumer group, so neither scripts/up.sh's lab-sharing nor another suite takes these events.
    const consumerGroup = `lab-sharing-${label}-${uniqueSuffix()}`;
    this.process = new ServiceProcess('lab-sharing', await freePort(), await freePort(), {
      DATABASE_URL: this.db.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CONSUMER_GROUP: consumerGroup,
      AUTH_PUBLIC_KEY_FILE: this.registry.auth.publicKeyFile,
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      OUTBOX_POLL_INTERVAL_MS: '50',
      ...env,
    });
    await this.process.start();
    await waitUntilCaughtUp(consumerGroup, LAB_SHARING_INPUT_TOPICS);
    this.client = new labSharingServiceV1.LabSharingServiceClient(
      this.process.grpcAddress,
      credentials.createInsecure(),
    );
    this.centres = new centreServiceV1.CentreServiceClient(
      this.process.grpcAddress,
      credentials.createInsecure(),
    );
    this.sterilisation = new sterilisationServiceV1.SterilisationServiceClient(
      this.process.grpcAddress,
      credentials.createInsecure(),
    );
    this.orders = new orderServiceV1.OrderServiceClient(
      this.process.grpcAddress,
      credentials.createInsecure(),
    );
    this.reports = new labReportServiceV1.ReportServiceClient(
      this.process.grpcAddress,
      credentials.createInsecure(),
    );
    this.sql = new PgClient({ connectionString: this.db.url });
    await this.sql.connect();
  }

  async stop(): Promise<void> {
    this.client?.close();
    this.centres?.close();
    this.sterilisation?.close();
    this.orders?.close();
    this.reports?.close();
    await this.sql?.end();
    await this.process?.stop();
    await this.db?.drop();
    await this.registry.stop();
  }

  async describeService(identity: Identity): Promise<labSharingServiceV1.DescribeLabSharingServiceResponse> {
    return unary(
      this.client,
      this.client.describeLabSharingService,
      {},
      await this.registry.auth.token(identity),
    );
  }

  /** A group with a community centre as its member, once the service has learnt both. */
  async newGroup(): Promise<{ groupId: string; centreId: string; centre: Identity }> {
    const { InstitutionLevel: L, InstitutionType: T, MembershipRole: R } = registryV1;
    const r = this.registry;
    const grid = await r.newGrid();
    const group = await r.newGroup(grid.id);
    const centre = await r.newInstitution(
      grid.id,
      L.INSTITUTION_LEVEL_PRIMARY,
      T.INSTITUTION_TYPE_COMMUNITY_HEALTH_CENTRE,
    );
    await r.join(group.id, centre.id, R.MEMBERSHIP_ROLE_MEMBER);
    await waitFor(
      'lab-sharing to learn the group from the registry',
      async () => {
        const { rows } = await this.sql.query<{ n: string }>(
          `SELECT count(*) AS n FROM known_group g, known_institution i
            WHERE g.id = $1 AND i.id = $2 AND g.members @> jsonb_build_array(jsonb_build_object('institutionId', $2::text))`,
          [group.id, centre.id],
        );
        if (rows[0]!.n !== '1') throw new Error('not yet');
        return true;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    return {
      groupId: group.id,
      centreId: centre.id,
      centre: anIdentity({ role: 'primary-staff', institutionId: centre.id, groupId: group.id }),
    };
  }

  /** A unary call of any of the service's clients, with a token for `identity`. */
  async call<Req, Res>(
    client: Client,
    method: UnaryMethod<Req, Res>,
    request: Req,
    identity: Identity,
  ): Promise<Res> {
    return unary(client, method, request, await this.registry.auth.token(identity));
  }

  /**
   * A complete group (a tertiary lead hospital, a secondary member hospital, a community centre member) and the
   * identities acting for it, once the service has learnt the group and its institutions.
   */
  async completeGroup(): Promise<{
    groupId: string;
    gridId: string;
    leadId: string;
    secondaryId: string;
    memberId: string;
    admin: Identity;
    lead: Identity;
    member: Identity;
  }> {
    const { gridId, group, lead, secondary, centre } = await this.registry.completeGroup();
    await this.waitForRows(
      'lab-sharing to learn the group and its institutions',
      `SELECT (SELECT count(*) FROM known_institution WHERE id IN ($1, $2, $3))
            + (SELECT count(*) FROM known_group WHERE id = $4 AND jsonb_array_length(members) = 3) AS n`,
      [lead.id, secondary.id, centre.id, group.id],
      4,
    );
    return {
      groupId: group.id,
      gridId,
      leadId: lead.id,
      secondaryId: secondary.id,
      memberId: centre.id,
      admin: anIdentity({ role: 'group-admin', institutionId: lead.id, groupId: group.id }),
      lead: anIdentity({ role: 'hospital-staff', institutionId: lead.id, groupId: group.id }),
      member: anIdentity({ role: 'primary-staff', institutionId: centre.id, groupId: group.id }),
    };
  }

  /** A practitioner registered at `homeInstitutionId` with `specialtyCode`, once the service has learnt them. */
  async newPractitioner(homeInstitutionId: string, specialtyCode: string, name = '医生'): Promise<string> {
    const r = this.registry;
    const { practitioner } = await r.call(r.workforce, r.workforce.registerPractitioner, {
      clientRequestId: uuidv7(),
      licenceNumber: String(300000000000000 + Math.floor(Math.random() * 1e12)),
      name,
      title: peopleV1.PractitionerTitle.PRACTITIONER_TITLE_ATTENDING,
      specialtyCode,
      homeInstitutionId,
    });
    await this.waitForRows(
      'lab-sharing to learn the practitioner',
      'SELECT count(*) AS n FROM known_practitioner WHERE id = $1',
      [practitioner!.id],
      1,
    );
    return practitioner!.id;
  }

  /** Registers a centre of `kind` for the group, hosted by `hostInstitutionId`, as its administrator. */
  async newSharedCentre(
    admin: Identity,
    kind: centreServiceV1.CentreKind,
    hostInstitutionId: string,
    servedInstitutionIds: string[] = [],
  ): Promise<centreServiceV1.SharedCentre> {
    const { centre } = await this.call(
      this.centres,
      this.centres.registerCentre,
      {
        clientRequestId: uuidv7(),
        groupId: '',
        kind,
        name: `中心-${uuidv7()}`,
        hostInstitutionId,
        servedInstitutionIds,
      },
      admin,
    );
    return centre!;
  }

  /** PlaceOrder as `identity`, with a new client request id unless the request names one. */
  async placeOrder(
    identity: Identity,
    request: Partial<orderServiceV1.PlaceOrderRequest>,
  ): Promise<orderServiceV1.Order> {
    const { order } = await this.call(
      this.orders,
      this.orders.placeOrder,
      orderServiceV1.PlaceOrderRequest.fromPartial({ clientRequestId: uuidv7(), ...request }),
      identity,
    );
    return order!;
  }

  /** RecordExamData as `identity` (one of study, trace, specimen). */
  async recordExamData(
    identity: Identity,
    request: Partial<orderServiceV1.RecordExamDataRequest>,
  ): Promise<orderServiceV1.Order> {
    const { order } = await this.call(
      this.orders,
      this.orders.recordExamData,
      orderServiceV1.RecordExamDataRequest.fromPartial({ clientRequestId: uuidv7(), ...request }),
      identity,
    );
    return order!;
  }

  async getOrder(identity: Identity, orderId: string): Promise<orderServiceV1.Order> {
    const { order } = await this.call(this.orders, this.orders.getOrder, { orderId }, identity);
    return order!;
  }

  /** A centre's worklist, its first page. */
  async worklist(identity: Identity, centreId: string): Promise<labReportServiceV1.WorklistEntry[]> {
    const { entries } = await this.call(
      this.reports,
      this.reports.getWorklist,
      { centreId, pageSize: 0, pageToken: '' },
      identity,
    );
    return entries;
  }

  async claimReport(identity: Identity, reportId: string): Promise<labReportServiceV1.Report> {
    const { report } = await this.call(
      this.reports,
      this.reports.claimReport,
      { clientRequestId: uuidv7(), reportId },
      identity,
    );
    return report!;
  }

  async saveDraft(
    identity: Identity,
    reportId: string,
    content: Partial<labReportServiceV1.ReportContent>,
  ): Promise<labReportServiceV1.Report> {
    const { report } = await this.call(
      this.reports,
      this.reports.saveDraft,
      {
        clientRequestId: uuidv7(),
        reportId,
        content: labReportServiceV1.ReportContent.fromPartial(content),
      },
      identity,
    );
    return report!;
  }

  async signReport(identity: Identity, reportId: string): Promise<labReportServiceV1.SignReportResponse> {
    return this.call(
      this.reports,
      this.reports.signReport,
      { clientRequestId: uuidv7(), reportId },
      identity,
    );
  }

  async getReport(identity: Identity, orderId: string): Promise<labReportServiceV1.Report> {
    const { report } = await this.call(
      this.reports,
      this.reports.getReport,
      { reportId: '', orderId },
      identity,
    );
    return report!;
  }

  async acknowledgeCriticalValue(
    identity: Identity,
    criticalValueId: string,
  ): Promise<labReportServiceV1.CriticalValueAlert> {
    const { criticalValue } = await this.call(
      this.reports,
      this.reports.acknowledgeCriticalValue,
      { clientRequestId: uuidv7(), criticalValueId },
      identity,
    );
    return criticalValue!;
  }

  private async waitForRows(what: string, query: string, params: unknown[], expected: number): Promise<void> {
    await waitFor(
      what,
      async () => {
        const { rows } = await this.sql.query<{ n: string }>(query, params);
        if (Number(rows[0]!.n) !== expected) throw new Error('not yet');
        return true;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  }
}
