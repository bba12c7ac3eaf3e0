import { createHash, randomBytes } from 'node:crypto';

/** A new session id: 32 random bytes, base64url (43 characters); only its hash is stored. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a session id: SHA-256, hex. */
export function sessionIdHash(sessionId: string): string {
  return createHash('sha256').update(sessionId, 'utf8').digest('hex');
}

/** Whether a cookie value can be a session id at all (anything else is not looked up). */
export function looksLikeSessionId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
