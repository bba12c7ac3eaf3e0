/** A signed-in browser: its id is only ever stored hashed, the cookie carries it. */
export interface PortalSession {
  /** SHA-256 (hex) of the session id; the id itself is never stored. */
  readonly idHash: string;
  readonly userId: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  /** The absolute end: sign-in time plus the absolute lifetime. */
  readonly expiresAt: Date;
  readonly userAgent: string | null;
  readonly ipAddress: string | null;
}

export interface SessionPolicy {
  readonly idleMs: number;
  readonly absoluteMs: number;
}

/** Whether a session still holds at `now`: neither past its absolute end nor idle too long. */
export function sessionStanding(
  session: Pick<PortalSession, 'lastSeenAt' | 'expiresAt'>,
  now: Date,
  policy: Pick<SessionPolicy, 'idleMs'>,
): 'active' | 'expired' | 'idle' {
  if (now.getTime() >= session.expiresAt.getTime()) return 'expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= policy.idleMs) return 'idle';
  return 'active';
}

/** lastSeenAt is written at most once a minute: a page's burst of requests is one write. */
export const TOUCH_EVERY_MS = 60_000;

export function needsTouch(session: Pick<PortalSession, 'lastSeenAt'>, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS;
}

/** When the session ends if it is not used again: the earlier of its idle and absolute ends. */
export function sessionEndsAt(
  session: Pick<PortalSession, 'lastSeenAt' | 'expiresAt'>,
  policy: Pick<SessionPolicy, 'idleMs'>,
): Date {
  return new Date(Math.min(session.lastSeenAt.getTime() + policy.idleMs, session.expiresAt.getTime()));
}
