import { type PortalSession } from './portal-session';
import { type PortalUser } from './portal-user';

/** Signed-in sessions, in PostgreSQL so every replica of the gateway sees them. */
export abstract class PortalSessionRepository {
  abstract insert(session: PortalSession): Promise<void>;
  /** The session of that id hash with its account, or null. */
  abstract withUser(idHash: string): Promise<{ session: PortalSession; user: PortalUser } | null>;
  abstract touch(idHash: string, lastSeenAt: Date): Promise<void>;
  abstract delete(idHash: string): Promise<void>;
  /** Ends every session of an account (a disabled account, a changed password). */
  abstract deleteOfUser(userId: string): Promise<number>;
  /** Removes sessions past their ends; answers how many. */
  abstract deleteEndedBefore(absoluteNow: Date, idleSince: Date): Promise<number>;
}
