import { type Client, credentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import {
  claimServiceV1,
  enrolmentServiceV1,
  paymentServiceV1,
  registryV1,
  ruleServiceV1,
  TOPICS,
} from '@medgrid/contracts';
import { anIdentity, type TestDatabase, uniqueSuffix, waitFor } from '@medgrid/testing';
import { Client as PgClient } from 'pg';
import { waitUntilCaughtUp } from './consumer-lag';
import { unary, type UnaryMethod } from './grpc-call';
import { RegistryHarness } from './registry-harness';
import { ServiceProcess, serviceEnv } from './service-process';
import { migratedDatabase } from './migrated-database';

/**
 * The topics the payment service consumes: the registry's institutions, groups, grids and cities, its teams and
 * contracts (who a group manages, a claim's contract on its date) and referral's referrals (a claim's referral).
 */
export const PAYMENT_INPUT_TOPICS = [
  TOPICS.registryInstitution.name,
  TOPICS.registryMedicalGroup.name,
  TOPICS.registryGrid.name,
  TOPICS.registryTeam.name,
  TOPICS.registryContract.name,
  TOPICS.referral.name,
];

/**
 * The registry and the payment service as real processes on fresh databases: the service learns
 * institutions and groups from the registry's topics, as in production.
 */
export class PaymentHarness {
  readonly registry = new RegistryHarness();
  db!: TestDatabase;
  process!: ServiceProcess;
  sql!: PgClient;
  client!: paymentServiceV1.PaymentServiceClient;
  enrolment!: enrolmentServiceV1.EnrolmentServiceClient;
  rules!: ruleServiceV1.RuleServiceClient;
  claims!: claimServiceV1.ClaimServiceClient;

  async start(label: string): Promise<void> {
    await this.registry.start(`${label}_registry`);
    this.db = await migratedDatabase('payment', label);
    // Its own consumer group, so neither scripts/up.sh's payment nor another suite takes these events.
    const consumerGroup = `payment-${label}-${uniqueSuffix()}`;
    this.process = await ServiceProcess.onFreePorts(
      'payment',
      serviceEnv(this.db.url, this.registry.auth.publicKeyFile, { KAFKA_CONSUMER_GROUP: consumerGroup }),
    );
    await this.process.start();
    await waitUntilCaughtUp(consumerGroup, PAYMENT_INPUT_TOPICS);
    this.client = new paymentServiceV1.PaymentServiceClient(
      this.process.grpcAddress,
      credentials.createInsecure(),
    );
    const address = this.process.grpcAddress;
    this.enrolment = new enrolmentServiceV1.EnrolmentServiceClient(address, credentials.createInsecure());
    this.rules = new ruleServiceV1.RuleServiceClient(address, credentials.createInsecure());
    this.claims = new claimServiceV1.ClaimServiceClient(address, credentials.createInsecure());
    this.sql = new PgClient({ connectionString: this.db.url });
    await this.sql.connect();
  }

  async stop(): Promise<void> {
    this.client?.close();
    this.enrolment?.close();
    this.rules?.close();
    this.claims?.close();
    await this.sql?.end();
    await this.process?.stop();
    await this.db?.drop();
    await this.registry.stop();
  }

  async describeService(identity: Identity): Promise<paymentServiceV1.DescribePaymentServiceResponse> {
    return unary(
      this.client,
      this.client.describePaymentService,
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
      'payment to learn the group from the registry',
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

  /** A unary call of any of the service's clients, with a token for `identity` and any metadata (x-purpose). */
  async call<Req, Res>(
    client: Client,
    method: UnaryMethod<Req, Res>,
    request: Req,
    identity: Identity,
    metadata: Record<string, string> = {},
  ): Promise<Res> {
    return unary(client, method, request, await this.registry.auth.token(identity), metadata);
  }

  /**
   * A complete group (a tertiary lead hospital, a secondary member, a primary community centre), the identities
   * acting for it and its region (the city of its grid), once the service has learnt all of them.
   */
  async completeGroup(): Promise<{
    groupId: string;
    regionId: string;
    leadId: string;
    centreId: string;
    admin: Identity;
    lead: Identity;
    centre: Identity;
  }> {
    const { gridId, group, lead, secondary, centre } = await this.registry.completeGroup();
    await waitFor(
      'payment to learn the group, its institutions and its city',
      async () => {
        const { rows } = await this.sql.query<{ n: string }>(
          `SELECT (SELECT count(*) FROM known_institution WHERE id IN ($1, $2, $3))
                + (SELECT count(*) FROM known_group WHERE id = $4 AND jsonb_array_length(members) = 3)
                + (SELECT count(*) FROM known_grid g JOIN known_city c ON c.id = g.city_id WHERE g.id = $5) AS n`,
          [lead.id, secondary.id, centre.id, group.id, gridId],
        );
        if (rows[0]!.n !== '5') throw new Error('not yet');
        return true;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    return {
      groupId: group.id,
      regionId: this.registry.cityId,
      leadId: lead.id,
      centreId: centre.id,
      admin: anIdentity({ role: 'group-admin', institutionId: lead.id, groupId: group.id }),
      lead: anIdentity({ role: 'hospital-staff', institutionId: lead.id, groupId: group.id }),
      centre: anIdentity({ role: 'primary-staff', institutionId: centre.id, groupId: group.id }),
    };
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
}
