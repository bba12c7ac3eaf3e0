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
  /** Milliseconds since the epoch; tests move it. */
  now?: () => number;
}

/** Distinct tokens remembered as verified; a partner system sends one token for many calls. */
const REMEMBERED_TOKENS = 10_000;
/** A remembered token is verified again at least this often, even when it lives longer. */
const REMEMBER_AT_MOST_MS = 5 * 60_000;

/** A token that verified: who it proves and when it stops proving it. */
export interface VerifiedToken {
  readonly identity: Identity;
  /** The token's exp claim. */
  readonly expiresAt: Date;
}

interface Remembered extends VerifiedToken {
  readonly until: number;
}

/**
 * Verifies a bearer token (ES256 JWT from the MedGrid issuer) into an Identity.
 * A token that verified is remembered until it expires (five minutes at most):
 * the signature check is most of a small call's CPU, and the same string
 * verifies the same way until its exp. It is remembered by the authorization
 * value as it arrived ("Bearer <jwt>"), so a remembered one is found without
 * copying the token, and answered at once (`remembered`) without a promise.
 */
export class TokenVerifier {
  /** In the order they were verified: when full, the oldest goes first. */
  private readonly verified = new Map<string, Remembered>();
  private readonly now: () => number;

  private constructor(
    private readonly key: KeyLike,
    private readonly options: TokenVerifierOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  static async create(options: TokenVerifierOptions): Promise<TokenVerifier> {
    return new TokenVerifier(await importSPKI(options.publicKeyPem, TOKEN_ALGORITHM), options);
  }

  static async fromFile(path: string, issuer: string, audience: string): Promise<TokenVerifier> {
    return TokenVerifier.create({ publicKeyPem: readFileSync(path, 'utf8'), issuer, audience });
  }

  /** Accepts "Bearer <jwt>" or a bare token. */
  async verify(authorization: string | undefined): Promise<Identity> {
    return (await this.verifyToken(authorization)).identity;
  }

  /**
   * What a remembered authorization value verified into, while it holds; undefined when it must be verified
   * (verifyToken). Synchronous, so a caller that sends the same token call after call costs no promise.
   */
  remembered(authorization: string | undefined, now = this.now()): VerifiedToken | undefined {
    if (authorization === undefined) return undefined;
    const remembered = this.verified.get(authorization);
    if (remembered === undefined) return undefined;
    if (now < remembered.until) return remembered;
    this.verified.delete(authorization);
    return undefined;
  }

  /** The identity and expiry of "Bearer <jwt>" or a bare token: one answer object per token, not one per call. */
  async verifyToken(authorization: string | undefined): Promise<VerifiedToken> {
    const now = this.now();
    const remembered = this.remembered(authorization, now);
    if (remembered) return remembered;
    if (!authorization) throw new AuthError(AuthErrorCode.TokenMissing, 'authorization metadata is required');
    const token = authorization.replace(/^Bearer\s+/i, '').trim();
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [TOKEN_ALGORITHM],
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['exp', 'sub'],
        currentDate: new Date(now),
      });
      const expiresAt = payload.exp! * 1000;
      const verified = {
        identity: identityFromClaims(payload),
        expiresAt: new Date(expiresAt),
        until: Math.min(expiresAt, now + REMEMBER_AT_MOST_MS),
      };
      this.remember(authorization, verified);
      return verified;
    } catch (error) {
      if (error instanceof AuthError) throw error;
      const reason = error instanceof errors.JOSEError ? error.code : 'ERR_UNKNOWN';
      throw new AuthError(AuthErrorCode.TokenInvalid, `token rejected (${reason})`);
    }
  }

  private remember(authorization: string, verified: Remembered): void {
    if (this.verified.size >= REMEMBERED_TOKENS) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(authorization, verified);
  }
}
