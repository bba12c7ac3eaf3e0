import { readFileSync } from 'node:fs';
import { doubleCsrf, type DoubleCsrfUtilities } from 'csrf-csrf';
import { type Request, type Response } from 'express';
import { csrfCookieName, sessionIdOf } from '../../../common/http-cookies';

/**
 * CSRF tokens by the signed double-submit pattern of `csrf-csrf`: the token is an HMAC (keyed by
 * the CSRF_SECRET_FILE secret) of a random value and the request's session id, sent back by the browser both
 * in a cookie and in the X-CSRF-Token header. A page of another site can make the browser send
 * the cookie but cannot read it to put it in the header, and a token of one session is refused
 * for another. Secure and plain http get a cookie of their own (`__Host-` needs https).
 */
export class CsrfTokens {
  private readonly secure: DoubleCsrfUtilities;
  private readonly plain: DoubleCsrfUtilities;

  /** The secret of a file (a mounted Secret), refused when shorter than 32 characters. */
  static fromFile(path: string): CsrfTokens {
    const secret = readFileSync(path, 'utf8').trim();
    if (secret.length < 32)
      throw new Error(`gateway: the CSRF secret in ${path} must be at least 32 characters`);
    return new CsrfTokens(secret);
  }

  constructor(secret: string) {
    const make = (secure: boolean) =>
      doubleCsrf({
        getSecret: () => secret,
        getSessionIdentifier: (request) => {
          const sessionId = sessionIdOf(request);
          return typeof sessionId === 'string' ? sessionId : '';
        },
        cookieName: csrfCookieName(secure),
        // Readable by the portal's script (it copies the value into the header), strict same-site.
        cookieOptions: { sameSite: 'strict', path: '/', secure, httpOnly: false },
        size: 32,
      });
    this.secure = make(true);
    this.plain = make(false);
  }

  /** A new token for the request's session, its cookie set on the response. */
  issue(request: Request, response: Response, secure: boolean): string {
    return (secure ? this.secure : this.plain).generateCsrfToken(request, response, { overwrite: true });
  }

  /** Whether the request carries a valid token, in its header and its cookie, for its session. */
  valid(request: Request, secure: boolean): boolean {
    if (!sessionIdOf(request)) return false;
    return (secure ? this.secure : this.plain).validateRequest(request);
  }
}
