import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentials } from '@grpc/grpc-js';
import { type Identity, TokenIssuer } from '@medgrid/auth';
import { registryV1, gatewayServiceV1, TOPICS } from '@medgrid/contracts';
import { anIdentity, type TestDatabase, uniqueSuffix, waitFor } from '@medgrid/testing';
import { Client as PgClient } from 'pg';
import { waitUntilCaughtUp } from './consumer-lag';
import { unary } from './grpc-call';
import { RegistryHarness } from './registry-harness';
import { ServiceProcess, serviceEnv } from './service-process';
import { migratedDatabase } from './migrated-database';

/** The topics the gateway service consumes: the registry's institutions and groups. */
export const GATEWAY_INPUT_TOPICS = [TOPICS.registryInstitution.name, TOPICS.registryMedicalGroup.name];

/**
 * The registry and the gateway service as real processes on fresh databases: the service learns
 * institutions and groups from the registry's topics, as in production.
 */
export class GatewayHarness {
  readonly registry = new RegistryHarness();
  db!: TestDatabase;
  process!: ServiceProcess;
  sql!: PgClient;
  client!: gatewayServiceV1.GatewayServiceClient;

  async start(label: string): Promise<void> {
    await this.registry.start(`${label}_registry`);
    this.db = await migratedDatabase('gateway', label);
    // Its own consumer group, so neither scripts/up.sh's gateway nor another suite takes these events.
    const consumerGroup = `gateway-${label}-${uniqueSuffix()}`;
    // The gateway signs its per-user tokens and CSRF tokens with files of its own.
    const secrets = mkdtempSync(join(tmpdir(), 'gateway-e2e-'));
    const signingKeyFile = join(secrets, 'issuer-private.pem');
    writeFileSync(signingKeyFile, (await TokenIssuer.generateKeyPairPem()).privateKeyPem, { mode: 0o600 });
    const csrfSecretFile = join(secrets, 'csrf-secret');
    writeFileSync(csrfSecretFile, randomBytes(32).toString('hex'), { mode: 0o600 });
    this.process = await ServiceProcess.onFreePorts(
      'gateway',
      serviceEnv(this.db.url, this.registry.auth.publicKeyFile, {
        KAFKA_CONSUMER_GROUP: consumerGroup,
        AUTH_SIGNING_KEY_FILE: signingKeyFile,
        CSRF_SECRET_FILE: csrfSecretFile,
        PASSWORD_HASH_MEMORY_KIB: '1024',
      }),
    );
    await this.process.start();
    await waitUntilCaughtUp(consumerGroup, GATEWAY_INPUT_TOPICS);
    this.client = new gatewayServiceV1.GatewayServiceClient(
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

  async describeService(identity: Identity): Promise<gatewayServiceV1.DescribeGatewayServiceResponse> {
    return unary(
      this.client,
      this.client.describeGatewayService,
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
      'gateway to learn the group from the registry',
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
