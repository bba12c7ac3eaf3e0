import { needsTouch, sessionEndsAt, sessionStanding } from './portal-session';

describe('portal session', () => {
  const policy = { idleMs: 30 * 60_000 };
  const signedIn = new Date('2026-12-05T08:00:00Z');
  const at = (minutes: number) => new Date(signedIn.getTime() + minutes * 60_000);
  const session = { lastSeenAt: signedIn, expiresAt: at(12 * 60) };

  it('is active while used within the idle time and before its absolute end', () => {
    expect(sessionStanding(session, at(29), policy)).toBe('active');
    expect(sessionStanding({ ...session, lastSeenAt: at(700) }, at(719), policy)).toBe('active');
  });

  it('is idle after 30 minutes unused', () => {
    expect(sessionStanding(session, at(30), policy)).toBe('idle');
  });

  it('is expired at its absolute end however recently used', () => {
    expect(sessionStanding({ ...session, lastSeenAt: at(719) }, at(720), policy)).toBe('expired');
  });

  it('ends at the earlier of its idle and absolute ends', () => {
    expect(sessionEndsAt(session, policy)).toEqual(at(30));
    expect(sessionEndsAt({ ...session, lastSeenAt: at(710) }, policy)).toEqual(at(720));
  });

  it('is touched at most once a minute', () => {
    expect(needsTouch(session, new Date(signedIn.getTime() + 59_999))).toBe(false);
    expect(needsTouch(session, at(1))).toBe(true);
  });
});
