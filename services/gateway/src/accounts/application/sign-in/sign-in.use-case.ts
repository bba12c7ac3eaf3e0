import { Injectable } from '@nestjs/common';
import { AccountsError, AccountsErrorCode } from '../../domain/accounts-error';
import { afterFailure, isLocked, UNLOCKED } from '../../domain/lockout';
import { PasswordHasher } from '../../domain/password-hasher';
import { PortalUserRepository } from '../../domain/portal-user.repository';
import { AccountsSettings } from '../accounts-settings';
import { SessionOpener, type SignedIn, type SignInOrigin } from '../session-opener';
import { newSessionId } from '../session-ids';
import { type SignInCommand } from './sign-in.command';

/**
 * Signs a user in with a password. Every refusal is the same SIGN_IN_FAILED, as slow as a wrong
 * password (an unknown user's password is checked against a hash of nothing), so the answer
 * never tells whether the user exists or is locked. Failures are counted on the locked account
 * row: the LOCKOUT_MAX_FAILURES-th in a row locks it for LOCKOUT_MINUTES, during which even the
 * right password is refused.
 */
@Injectable()
export class SignInUseCase {
  private decoy: Promise<string> | null = null;

  constructor(
    private readonly users: PortalUserRepository,
    private readonly hasher: PasswordHasher,
    private readonly opener: SessionOpener,
    private readonly settings: AccountsSettings,
  ) {}

  async execute(command: SignInCommand, origin: SignInOrigin, now = new Date()): Promise<SignedIn> {
    const user = await this.users.withLockedAccount(command.username, async (account) => {
      if (!account || account.disabled || account.passwordHash === null) {
        await this.hasher.verify(await this.decoyHash(), command.password);
        return { lockState: null, result: null };
      }
      const matches = await this.hasher.verify(account.passwordHash, command.password);
      if (isLocked(account, now)) return { lockState: null, result: null };
      if (!matches) return { lockState: afterFailure(account, now, this.settings.lockout), result: null };
      const changed = account.failedAttempts !== 0 || account.lockedUntil !== null;
      return { lockState: changed ? UNLOCKED : null, result: account };
    });
    if (!user) throw new AccountsError(AccountsErrorCode.SignInFailed, 'sign-in failed');
    return this.opener.open(user, origin, now);
  }

  private decoyHash(): Promise<string> {
    this.decoy ??= this.hasher.hash(newSessionId());
    return this.decoy;
  }
}
