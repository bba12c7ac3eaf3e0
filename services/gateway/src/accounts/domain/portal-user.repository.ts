import { type LockState } from './lockout';
import { type PortalUser } from './portal-user';

/** The portal's accounts. */
export abstract class PortalUserRepository {
  abstract insert(user: PortalUser): Promise<void>;
  abstract byId(id: string): Promise<PortalUser | null>;
  abstract byOidcSubject(subject: string): Promise<PortalUser | null>;
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
