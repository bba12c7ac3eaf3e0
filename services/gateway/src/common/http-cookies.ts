import { type CookieOptions, type Request } from 'express';

/** Whether the gateway's cookies are Secure: always, never, or when the request came over https. */
export type CookieSecurity = 'auto' | 'always' | 'never';

export function secureCookies(request: Request, security: CookieSecurity): boolean {
  if (security === 'always') return true;
  if (security === 'never') return false;
  return request.secure;
}

/**
 * The session cookie's name: `__Host-` when Secure, which browsers accept only from https, for
 * the whole host and with no Domain, so a sibling subdomain cannot set or shadow it.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-medgrid_session' : 'medgrid_session';
}

export function csrfCookieName(secure: boolean): string {
  return secure ? '__Host-medgrid_csrf' : 'medgrid_csrf';
}

/** The session id of a request (from either cookie name, since a proxy may add https later). */
export function sessionIdOf(request: Request): unknown {
  const cookies = (request.cookies ?? {}) as Record<string, unknown>;
  return cookies[sessionCookieName(true)] ?? cookies[sessionCookieName(false)];
}

/** httpOnly, SameSite=Strict, path /, Secure when `secure`; no Max-Age when `expires` is null. */
export function sessionCookieOptions(secure: boolean, expires: Date | null): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/', ...(expires ? { expires } : {}) };
}
