import { type Client, credentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import {
  centreServiceV1,
  peopleV1,
  registryV1,
  labReportServiceV1,
  labSharingServiceV1,
  orderServiceV1,
  recognitionServiceV1,
  ReferralChangedEvent,
  type referralV1,
  resultServiceV1,
  sterilisationServiceV1,
  TOPICS,
} from '@medgrid/contracts';
import {
  aResidentId,
  anIdentity,
  type TestDatabase,
  testKafkaBrokers,
  uniqueSuffix,
  waitFor,
} from '@medgrid/testing';
import { createLogger } from '@medgrid/logging';
import { createKafka, encodeEnvelope } from '@medgrid/messaging';
import { Client as PgClient } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { waitUntilCaughtUp } from './consumer-lag';
import { unary, type UnaryMethod } from './grpc-call';
import { RegistryHarness } from './registry-harness';
import { ServiceProcess, serviceEnv } from './service-process';
import { migratedDatabase } from './migrated-database';

/** The topics the lab-sharing service consumes: the registry's institutions, groups and practitioners. */
export const LAB_SHARING_INPUT_TOPICS = [
  TOPICS.registryInstitution.name,
  TOPICS.registryMedicalGroup.name,
  TOPICS.registryPractitioner.name,
  TOPICS.registryGrid.name,
  TOPICS.registryTeam.name,
  TOPICS.registryContract.name,
  TOPICS.referral.name,
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
  recognition!: recognitionServiceV1.RecognitionServiceClient;
  results!: resultServiceV1.ResultServiceClient;

  /** Starts both services; `env` adds to or replaces lab-sharing's settings (short sweep and acknowledgement times). */
  async start(label: string, env: Record<string, string> = {}): Promise<void> {
    await this.registry.start(`${label}_registry`);
    this.db = await migratedDatabase('lab-sharing', label);
    // Its own consumer group, so neither scripts/up.sh's lab-sharing nor another suite takes these events.
    const consumerGroup = `lab-sharing-${label}-${uniqueSuffix()}`;
    this.process = await ServiceProcess.onFreePorts(
      'lab-sharing',
      serviceEnv(this.db.url, this.registry.auth.publicKeyFile, {
        KAFKA_CONSUMER_GROUP: consumerGroup,
        ...env,
      }),
    );
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
    this.recognition = new recognitionServiceV1.RecognitionServiceClient(
      this.process.grpcAddress,
      credentials.createInsecure(),
    );
    this.results = new resultServiceV1.ResultServiceClient(
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
    this.recognition?.close();
    this.results?.close();
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
    const r = this.registry;
    const grid = await r.newGrid();
    const group = await r.newGroup(grid.id);
    const centre = await r.newCentre(grid.id);
    await r.join(group.id, centre.id, registryV1.MembershipRole.MEMBERSHIP_ROLE_MEMBER);
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

  /** A unary call with a token for `identity` and the reading purpose (x-purpose) of the call. */
  async read<Req, Res>(
    client: Client,
    method: UnaryMethod<Req, Res>,
    request: Req,
    identity: Identity,
    purpose: string,
  ): Promise<Res> {
    return unary(client, method, request, await this.registry.auth.token(identity), { 'x-purpose': purpose });
  }

  /** Once the service knows the grid's city (grid → city): the region of its institutions' catalogue. */
  async knowsCityOf(gridId: string): Promise<string> {
    await this.waitForRows(
      'lab-sharing to learn the grid and its city',
      'SELECT count(*) AS n FROM known_grid g JOIN known_city c ON c.id = g.city_id WHERE g.id = $1',
      [gridId],
      1,
    );
    const { rows } = await this.sql.query<{ city_id: string }>(
      'SELECT city_id FROM known_grid WHERE id = $1',
      [gridId],
    );
    return rows[0]!.city_id;
  }

  /** The platform's starter catalogue loaded for a city, from the version read. */
  async loadStarterCatalogue(
    operator: Identity,
    regionId: string,
    fromVersion = 0,
  ): Promise<recognitionServiceV1.Catalogue> {
    const { catalogue } = await this.call(
      this.recognition,
      this.recognition.loadStarterCatalogue,
      { clientRequestId: uuidv7(), regionId, fromVersion },
      operator,
    );
    return catalogue!;
  }

  /** An ISO 15189 accreditation of the institution, valid from 60 days ago for a year. */
  async accredit(operator: Identity, institutionId: string): Promise<void> {
    const day = 86_400_000;
    await this.call(
      this.centres,
      this.centres.recordLabQuality,
      {
        clientRequestId: uuidv7(),
        institutionId,
        kind: centreServiceV1.LabQualityKind.LAB_QUALITY_KIND_ISO15189_ACCREDITATION,
        reference: `CNAS-ML${Math.floor(Math.random() * 1e4)}`,
        validFrom: new Date(Date.now() - 60 * day),
        validUntil: new Date(Date.now() + 300 * day),
      },
      operator,
    );
  }

  /** A result the caller's institution performed, recorded as a partner's LIS would. */
  async recordResult(
    identity: Identity,
    request: Partial<resultServiceV1.RecordResultRequest> &
      Pick<resultServiceV1.RecordResultRequest, 'patientResidentId' | 'itemCode' | 'performedAt'>,
  ): Promise<resultServiceV1.Result> {
    const { result } = await this.call(
      this.results,
      this.results.recordResult,
      {
        clientRequestId: uuidv7(),
        reportedAt: request.performedAt,
        observations: [],
        conclusion: '',
        study: undefined,
        ...request,
      },
      identity,
    );
    return result!;
  }

  /** "Already done?" for the patient and item, by the caller's institution, for treatment. */
  async lookUp(
    identity: Identity,
    patientResidentId: string,
    itemCode: string,
  ): Promise<recognitionServiceV1.Lookup> {
    const { lookup } = await this.read(
      this.recognition,
      this.recognition.lookUpResults,
      { clientRequestId: uuidv7(), patientResidentId, itemCode },
      identity,
      'treatment',
    );
    return lookup!;
  }

  async reuseResult(
    identity: Identity,
    lookupId: string,
    resultId: string,
  ): Promise<recognitionServiceV1.Lookup> {
    const { lookup } = await this.call(
      this.recognition,
      this.recognition.reuseResult,
      { clientRequestId: uuidv7(), lookupId, resultId },
      identity,
    );
    return lookup!;
  }

  async orderAnyway(
    identity: Identity,
    lookupId: string,
    reason: string,
  ): Promise<recognitionServiceV1.Lookup> {
    const { lookup } = await this.call(
      this.recognition,
      this.recognition.orderAnyway,
      { clientRequestId: uuidv7(), lookupId, reason },
      identity,
    );
    return lookup!;
  }

  async getResult(identity: Identity, id: string, purpose: string): Promise<resultServiceV1.Result> {
    const { result } = await this.read(this.results, this.results.getResult, { id }, identity, purpose);
    return result!;
  }

  /** A result as the FHIR R4 bundle the service answers, parsed. */
  async getResultFhir(identity: Identity, id: string, purpose: string): Promise<Record<string, unknown>> {
    const { bundleJson } = await this.read(
      this.results,
      this.results.getResultFhir,
      { id },
      identity,
      purpose,
    );
    return JSON.parse(bundleJson) as Record<string, unknown>;
  }

  async listPatientResults(
    identity: Identity,
    request: Partial<resultServiceV1.ListPatientResultsRequest> & { patientResidentId: string },
    purpose = 'treatment',
  ): Promise<resultServiceV1.ListPatientResultsResponse> {
    return this.read(
      this.results,
      this.results.listPatientResults,
      {
        itemCode: '',
        performedFrom: undefined,
        performedTo: undefined,
        pageSize: 0,
        pageToken: '',
        ...request,
      },
      identity,
      purpose,
    );
  }

  /** A resident registered in the grid under contract with a new team of the institution, known to lab-sharing. */
  async contractedPatient(institutionId: string, gridId: string): Promise<string> {
    const r = this.registry;
    const residentIdNumber = aResidentId(1 + Math.floor(Math.random() * 12_000_000));
    const { resident } = await r.call(r.residents, r.residents.registerResident, {
      clientRequestId: uuidv7(),
      residentIdNumber,
      name: '陈签约',
      phone: '13800138000',
      gridId,
    });
    const teamId = await r.newTeam(institutionId);
    await r.call(r.residents, r.residents.signContract, {
      clientRequestId: uuidv7(),
      residentId: resident!.id,
      teamId,
      startDate: '',
      tags: [],
    });
    await this.waitForRows(
      'lab-sharing to learn the contract',
      `SELECT count(*) AS n FROM known_contract c JOIN known_team t ON t.id = c.team_id
        WHERE c.resident_id_number = $1 AND c.status = 'active'`,
      [residentIdNumber],
      1,
    );
    return residentIdNumber;
  }

  /**
   * A referral's latest state published on the referral topic as the referral service would (ReferralChanged), for
   * lab-sharing's projection of referrals. It carries no history entry, so scheduling (which acts on a declined
   * referral's ReferralChanged only) leaves it alone.
   */
  async publishReferral(referral: referralV1.Referral): Promise<void> {
    const producer = createKafka(
      { brokers: testKafkaBrokers(), clientId: 'e2e-lab-sharing-referral' },
      createLogger({ service: 'e2e', level: 'warn' }),
    ).producer();
    await producer.connect();
    try {
      await producer.send({
        topic: ReferralChangedEvent.topic.name,
        messages: [
          {
            key: referral.id,
            value: encodeEnvelope({
              eventId: uuidv7(),
              type: ReferralChangedEvent.type,
              schemaVersion: ReferralChangedEvent.schemaVersion,
              occurredAt: new Date(),
              producer: 'referral',
              aggregateId: referral.id,
              aggregateVersion: referral.version,
              traceContext: {},
              payload: Buffer.from(
                ReferralChangedEvent.codec.encode({ referral, change: undefined }).finish(),
              ),
            }),
          },
        ],
      });
    } finally {
      await producer.disconnect();
    }
    await this.waitForRows(
      'lab-sharing to learn the referral',
      'SELECT count(*) AS n FROM referral_pass WHERE referral_id = $1 AND version = $2',
      [referral.id, referral.version],
      1,
    );
  }

  /** The audit trail's reads of a subject: who read it and why. */
  async readsOf(subjectKind: string, subjectId: string): Promise<{ actor_role: string; purpose: string }[]> {
    const { rows } = await this.sql.query<{ actor_role: string; purpose: string }>(
      `SELECT actor_role, purpose FROM audit_log
        WHERE action = 'read' AND subject_kind = $1 AND subject_id = $2 ORDER BY seq`,
      [subjectKind, subjectId],
    );
    return rows;
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
