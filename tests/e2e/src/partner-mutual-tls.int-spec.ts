import { type ChannelCredentials, credentials, status } from '@grpc/grpc-js';
import { organisationServiceV1 } from '@medgrid/contracts';
import { anIdentity } from '@medgrid/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fails, unary } from './grpc-call';
import { RegistryHarness } from './registry-harness';
import { REPO_ROOT } from './service-process';

/**
 * A partner system (a hospital's HIS) calling a service that requires mutual TLS, as a deployment with
 * GRPC_TLS_CLIENT_CA_FILE runs it: the registry as a process with the certificates of scripts/dev-certs.sh.
 */
describe('a partner system over mutual TLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medgrid-e2e-mtls-'));
  const pem = (name: string) => readFileSync(join(dir, name));
  const devCerts = (...args: string[]) =>
    execFileSync('bash', [join(REPO_ROOT, 'scripts/dev-certs.sh'), ...args, '--dir', dir], {
      stdio: 'ignore',
    });
  const h = new RegistryHarness();
  let hospital: { id: string; groupId: string };

  /** GetInstitution of the hospital over a connection with these credentials, with a partner token of `institutionId`. */
  const getInstitution = async (channel: ChannelCredentials, institutionId: string) => {
    const client = new organisationServiceV1.OrganisationServiceClient(h.process.grpcAddress, channel);
    try {
      const token = await h.auth.token(
        anIdentity({ role: 'partner-system', institutionId, groupId: hospital.groupId }),
      );
      return await unary(client, client.getInstitution, { id: hospital.id }, token);
    } finally {
      client.close();
    }
  };
  const asPartnerOf = (institutionId: string) =>
    credentials.createSsl(
      pem('ca.crt'),
      pem(`partner-${institutionId}.key`),
      pem(`partner-${institutionId}.crt`),
    );

  beforeAll(async () => {
    devCerts();
    await h.start('e2e_mutual_tls', {
      env: {
        GRPC_TLS_CERT_FILE: join(dir, 'server.crt'),
        GRPC_TLS_KEY_FILE: join(dir, 'server.key'),
        GRPC_TLS_CLIENT_CA_FILE: join(dir, 'ca.crt'),
      },
      // The harness sets the city up as the platform would: the gateway's certificate carries any caller.
      channel: credentials.createSsl(pem('ca.crt'), pem('gateway.key'), pem('gateway.crt')),
    });
    const { group, lead } = await h.completeGroup();
    hospital = { id: lead.id, groupId: group.id };
    devCerts('partner', hospital.id);
  }, 180_000);

  afterAll(async () => {
    await h.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers the hospital's HIS when its certificate and its token name the hospital", async () => {
    const answer = await getInstitution(asPartnerOf(hospital.id), hospital.id);

    expect(answer.institution?.id).toBe(hospital.id);
  });

  it("refuses the hospital's certificate carrying a token of another institution", async () => {
    const refusal = await fails(getInstitution(asPartnerOf(hospital.id), anIdentity().institutionId!));

    expect(refusal).toMatchObject({
      code: status.PERMISSION_DENIED,
      reason: 'CERTIFICATE_INSTITUTION_MISMATCH',
    });
  });

  it('gives no connection in plaintext or without a client certificate', async () => {
    for (const channel of [credentials.createInsecure(), credentials.createSsl(pem('ca.crt'))])
      expect(await fails(getInstitution(channel, hospital.id))).toMatchObject({
        code: status.UNAVAILABLE,
      });
  });
});
