import { readFileSync } from 'node:fs';
import { errors, importSPKI, jwtVerify, type KeyLike } from 'jose';
import { AuthError, AuthErrorCode } from './auth-error';
import { type Identity } from './identity';
import { identityFromClaims } from './token-claims';

export const TOKEN_ALGORITHM = 'ES256';

export interface TokenVerifierOptions {
  publicKeyPem: string;
  issuer: string;
  audience: string;
}

/** Verifies a bearer token (ES256 JWT from the MedGrid issuer) into an Identity. */
export class TokenVerifier {
  private constructor(
    private readonly key: KeyLike,
    private readonly options: TokenVerifierOptions,
  ) {}

  static async create(options: TokenVerifierOptions): Promise<TokenVerifier> {
    return new TokenVerifier(await importSPKI(options.publicKeyPem, TOKEN_ALGORITHM), options);
  }

  static async fromFile(path: string, issuer: string, audience: string): Promise<TokenVerifier> {
    return TokenVerifier.create({ publicKeyPem: readFileSync(path, 'utf8'), issuer, audience });
  }

  /** Accepts "Bearer <jwt>" or a bare token. */
  async verify(authorization: string | undefined): Promise<Identity> {
    if (!authorization) throw new AuthError(AuthErrorCode.TokenMissing, 'authorization metadata is required');
    const token = authorization.replace(/^Bearer\s+/i, '').trim();
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [TOKEN_ALGORITHM],
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['exp', 'sub'],
      });
      return identityFromClaims(payload);
    } catch (error) {
      if (error instanceof AuthError) throw error;
      const reason = error instanceof errors.JOSEError ? error.code : 'ERR_UNKNOWN';
      throw new AuthError(AuthErrorCode.TokenInvalid, `token rejected (${reason})`);
    }
  }
}
