import { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, SignJWT, type KeyLike } from 'jose';
import { type Identity } from './identity';
import { claimsFromIdentity } from './token-claims';
import { TOKEN_ALGORITHM } from './token-verifier';

/**
 * The development issuer: signs tokens for local runs and tests. In a cluster
 * tokens come from the city's identity provider; this key pair is generated on
 * the machine (scripts/dev-keys) and never committed.
 */
export class TokenIssuer {
  private constructor(
    private readonly key: KeyLike,
    private readonly issuer: string,
    private readonly audience: string,
  ) {}

  static async fromPrivateKeyPem(pem: string, issuer: string, audience: string): Promise<TokenIssuer> {
    return new TokenIssuer(await importPKCS8(pem, TOKEN_ALGORITHM), issuer, audience);
  }

  /** A fresh key pair as PEM strings (private PKCS#8, public SPKI). */
  static async generateKeyPairPem(): Promise<{ privateKeyPem: string; publicKeyPem: string }> {
    const { privateKey, publicKey } = await generateKeyPair(TOKEN_ALGORITHM, { extractable: true });
    return { privateKeyPem: await exportPKCS8(privateKey), publicKeyPem: await exportSPKI(publicKey) };
  }

  async sign(identity: Identity, ttlSeconds = 3600): Promise<string> {
    return new SignJWT(claimsFromIdentity(identity))
      .setProtectedHeader({ alg: TOKEN_ALGORITHM })
      .setSubject(identity.subject)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.key);
  }
}
