import { type ChannelCredentials, credentials, Metadata, type ServiceError, status } from '@grpc/grpc-js';
import { TokenVerifier } from '@medgrid/auth';
import { DESCRIPTOR_SET_PATH, referralServiceV1 } from '@medgrid/contracts';
import { createLogger } from '@medgrid/logging';
import { anIdentity, TEST_AUDIENCE, TEST_ISSUER, TestAuth } from '@medgrid/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type CallContext } from './call-context';
import { GrpcServer } from './grpc-server';
import { decodeErrorDetails } from './status-for-error';

const DEV_CERTS = resolve(__dirname, '../../../../scripts/dev-certs.sh');

/**
 * Mutual TLS on the real grpc-js server with certificates from scripts/dev-certs.sh: a partner's certificate names
 * its institution, and a call's token must act for it; the gateway's platform certificate carries any institution's
 * calls; a client without a certificate of the CA does not get a connection.
 */
describe('gRPC over mutual TLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medgrid-mtls-'));
  const file = (name: string) => readFileSync(join(dir, name));
  const partner = anIdentity({ role: 'partner-system' });
  const other = anIdentity({ role: 'partner-system' });
  const seen: CallContext['identity'][] = [];
  let auth: TestAuth;
  let server: GrpcServer;
  let address: string;

  /** GetReferral over a connection with these credentials, as `identity`'s token. */
  const call = async (channel: ChannelCredentials, identity = partner) => {
    const client = new referralServiceV1.ReferralServiceClient(address, channel);
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${await auth.token(identity)}`);
    try {
      return await new Promise<referralServiceV1.GetReferralResponse>((done, fail) =>
        client.getReferral(
          { id: '0193a000-0000-7000-8000-000000000001' },
          metadata,
          { deadline: new Date(Date.now() + 5_000) },
          (error, response) => (error ? fail(error) : done(response)),
        ),
      );
    } finally {
      client.close();
    }
  };
  const failureOf = async (attempt: Promise<unknown>) =>
    attempt.then(
      () => {
        throw new Error('the call succeeded');
      },
      (error: ServiceError) => error,
    );
  const withCertificate = (name: string) =>
    credentials.createSsl(file('ca.crt'), file(`${name}.key`), file(`${name}.crt`));

  beforeAll(async () => {
    execFileSync('bash', [DEV_CERTS, '--dir', dir], { stdio: 'ignore' });
    for (const id of [partner.institutionId!])
      execFileSync('bash', [DEV_CERTS, 'partner', id, '--dir', dir], { stdio: 'ignore' });
    // A second CA's partner certificate for the same institution: right name, wrong issuer.
    execFileSync('bash', [DEV_CERTS, 'partner', partner.institutionId!, '--dir', join(dir, 'stranger')], {
      stdio: 'ignore',
    });
    auth = await TestAuth.create();
    server = new GrpcServer(
      {
        host: '127.0.0.1',
        port: 0,
        descriptorSet: readFileSync(DESCRIPTOR_SET_PATH),
        tls: { certChain: file('server.crt'), privateKey: file('server.key'), clientCa: file('ca.crt') },
      },
      await TokenVerifier.fromFile(auth.publicKeyFile, TEST_ISSUER, TEST_AUDIENCE),
      createLogger({ service: 'mtls-int', level: 'fatal' }),
    );
    const unused = () => Promise.reject(new Error('not called by these tests'));
    const handlers = Object.fromEntries(
      Object.keys(referralServiceV1.ReferralServiceService).map((method) => [method, unused]),
    );
    server.addService('medgrid.referral.v1.ReferralService', referralServiceV1.ReferralServiceService, {
      ...handlers,
      getReferral: (_request: unknown, context: CallContext) => {
        seen.push(context.identity);
        return Promise.resolve(referralServiceV1.GetReferralResponse.fromPartial({}));
      },
    } as never);
    address = `127.0.0.1:${await server.start()}`;
  });

  afterAll(async () => {
    await server?.stop(0);
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => (seen.length = 0));

  it("serves a partner whose token acts for its certificate's institution", async () => {
    await call(withCertificate(`partner-${partner.institutionId}`));

    expect(seen.map((identity) => identity.institutionId)).toEqual([partner.institutionId]);
  });

  it("refuses a partner's certificate carrying another institution's token, before the handler", async () => {
    const error = await failureOf(call(withCertificate(`partner-${partner.institutionId}`), other));

    expect(error.code).toBe(status.PERMISSION_DENIED);
    expect(decodeErrorDetails(error.metadata).reason).toBe('CERTIFICATE_INSTITUTION_MISMATCH');
    expect(seen).toEqual([]);
  });

  it("lets the gateway's platform certificate carry any institution's calls", async () => {
    await call(withCertificate('gateway'), other);

    expect(seen.map((identity) => identity.institutionId)).toEqual([other.institutionId]);
  });

  it('gives no connection to a client without a certificate, with one of another CA, or in plaintext', async () => {
    const refused = [
      credentials.createSsl(file('ca.crt')),
      credentials.createSsl(
        file('ca.crt'),
        readFileSync(join(dir, 'stranger', `partner-${partner.institutionId}.key`)),
        readFileSync(join(dir, 'stranger', `partner-${partner.institutionId}.crt`)),
      ),
      credentials.createInsecure(),
    ];
    for (const channel of refused) expect((await failureOf(call(channel))).code).toBe(status.UNAVAILABLE);
    expect(seen).toEqual([]);
  });
});
