import { credentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import { registryV1, labSharingServiceV1, TOPICS } from '@medgrid/contracts';
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
import { waitUntilCaughtUp } from './consumer-lag';
import { unary } from './grpc-call';
import { RegistryHarness } from './registry-harness';
import { freePort, migrate, ServiceProcess } from './service-process';

/** The topics the lab-sharing service consumes: the registry's institutions and groups. */
export const LAB_SHARING_INPUT_TOPICS = [TOPICS.registryInstitution.name, TOPICS.registryMedicalGroup.name];

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

  async start(label: string): Promise<void> {
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
    });
    await this.process.start();
    await waitUntilCaughtUp(consumerGroup, LAB_SHARING_INPUT_TOPICS);
    this.client = new labSharingServiceV1.LabSharingServiceClient(
      this.process.grpcAddress,
      credentials.createInsecure(),
    );
    this.sql = new PgClient({ connectionString: this.db.url });
    await this.sql.connect();
  }

  async stop(): Promise<void> {
    this.client?.close();
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
}
