import { isReleaseDue } from './reserve-release';
import { type SessionSnapshot } from './session';

/**
 * Whether a hospital's new release lead time reaches one of its sessions. A
 * hospital that changes its lead time means it for the sessions still ahead,
 * so an open session whose reserve has not been released yet takes the new
 * time (a longer lead time may make the release due at once). A session whose
 * release was already due keeps it: its reserved slots went, or are going, to
 * the public pool, where anyone may have booked them, and cannot be taken back.
 */
export function takesNewReleaseLead(session: SessionSnapshot, leadHours: number, now: Date): boolean {
  return (
    session.status === 'open' &&
    session.releaseLeadHours !== leadHours &&
    session.reservedReleased === 0 &&
    !isReleaseDue(session.startsAt, session.releaseLeadHours, now)
  );
}
