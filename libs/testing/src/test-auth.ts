import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Identity, TokenIssuer } from '@medgrid/auth';
import { v7 as uuidv7 } from 'uuid';

export const TEST_ISSUER = 'medgrid-test-issuer';
export const TEST_AUDIENCE = 'medgrid';

/**
 * A throwaway token issuer: its public key file is what services under test verify against, and
 * its private key file what a gateway under test signs its users' tokens with.
 */
export class TestAuth {
  private constructor(
    readonly publicKeyFile: string,
    readonly privateKeyFile: string,
    private readonly issuer: TokenIssuer,
  ) {}

  static async create(): Promise<TestAuth> {
    const keys = await TokenIssuer.generateKeyPairPem();
    const dir = mkdtempSync(join(tmpdir(), 'medgrid-auth-'));
    const publicKeyFile = join(dir, 'issuer-public.pem');
    writeFileSync(publicKeyFile, keys.publicKeyPem);
    const privateKeyFile = join(dir, 'issuer-private.pem');
    writeFileSync(privateKeyFile, keys.privateKeyPem, { mode: 0o600 });
    return new TestAuth(
      publicKeyFile,
      privateKeyFile,
      await TokenIssuer.fromPrivateKeyPem(keys.privateKeyPem, TEST_ISSUER, TEST_AUDIENCE),
    );
  }

  /** A token for `identity`, valid for an hour unless told otherwise. */
  token(identity: Identity, ttlSeconds?: number): Promise<string> {
    return this.issuer.sign(identity, ttlSeconds);
  }
}

/** An identity of staff at an institution of a group; ids are fresh unless given. */
export function anIdentity(overrides: Partial<Identity> = {}): Identity {
  return {
    subject: `test-${uuidv7()}`,
    role: 'primary-staff',
    institutionId: uuidv7(),
    groupId: uuidv7(),
    practitionerId: null,
    ...overrides,
  };
}
