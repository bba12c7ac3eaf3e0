import { Injectable } from '@nestjs/common';
import { type PortalUserView } from '../../../accounts/domain/portal-user';
import { PortalSessionRepository } from '../../../accounts/domain/portal-session.repository';
import { PortalUserRepository } from '../../../accounts/domain/portal-user.repository';
import { type AdministeredAccount, administeredAccountOf } from '../../domain/administered-account';
import { AdministrationError, AdministrationErrorCode } from '../../domain/administration-error';
import { AdministrationAccess, requireAdministrator } from '../administration-access.policy';
import { type DisableAccountCommand } from './disable-account.command';

/**
 * POST /api/accounts/:id/disable: the account may no longer sign in, and its sessions end now.
 * Disabling a disabled account answers it as it is. The sessions are deleted after the flag is
 * set; a session that slipped between the two is still refused, since a disabled account's
 * session never resumes.
 */
@Injectable()
export class DisableAccountUseCase {
  constructor(
    private readonly users: PortalUserRepository,
    private readonly sessions: PortalSessionRepository,
  ) {}

  async execute(
    operator: PortalUserView,
    command: DisableAccountCommand,
    now = new Date(),
  ): Promise<AdministeredAccount> {
    requireAdministrator(operator);
    const account = await this.users.byId(command.id);
    const standing = account ? AdministrationAccess.standingOf(operator, account) : 'not-visible';
    if (!account || standing === 'not-visible') {
      throw new AdministrationError(
        AdministrationErrorCode.AccountNotFound,
        `no account ${command.id} in your city`,
      );
    }
    if (standing === 'self') {
      throw new AdministrationError(
        AdministrationErrorCode.CannotDisableSelf,
        'an operator may not disable its own account',
      );
    }
    await this.users.disable(account.id, now);
    await this.sessions.deleteOfUser(account.id);
    return administeredAccountOf({ ...account, disabled: true });
  }
}
