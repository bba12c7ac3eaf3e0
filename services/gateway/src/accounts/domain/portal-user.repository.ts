import { type LockState } from './lockout';
import { type PortalUser } from './portal-user';

/** The portal's accounts. */
export abstract class PortalUserRepository {
  abstract insert(user: PortalUser): Promise<void>;
  abstract byId(id: string): Promise<PortalUser | null>;
  abstract byOidcSubject(subject: string): Promise<PortalUser | null>;
  /** The account of a (normalised) username, or null. */
  abstract byUsername(username: string): Promise<PortalUser | null>;
  /** Up to `limit` accounts of a city by username, after `afterUsername` when given. */
  abstract pageOfCity(cityId: string, afterUsername: string | null, limit: number): Promise<PortalUser[]>;
  /** Marks an account disabled (its sessions are refused from then on); disabling twice is no change. */
  abstract disable(id: string, now: Date): Promise<void>;
  /**
   * Runs `work` with the account of `username` (or null) read and locked against other sign-ins
   * of the same account until it returns, and stores the lock state it answers: concurrent
   * guesses are counted one after another, none lost.
   */
  abstract withLockedAccount<T>(
    username: string,
    work: (user: PortalUser | null) => Promise<{ lockState: LockState | null; result: T }>,
  ): Promise<T>;
}
