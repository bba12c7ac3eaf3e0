import { Injectable } from '@nestjs/common';
import { AccountsError, AccountsErrorCode } from '../../domain/accounts-error';
import { PortalUserRepository } from '../../domain/portal-user.repository';
import { SessionOpener, type SignedIn, type SignInOrigin } from '../session-opener';

/**
 * Signs in the account linked to an identity provider's subject. The provider proves who the
 * person is; the portal account (linked beforehand, oidc_subject) says what they may do. An
 * unlinked subject or a disabled account is OIDC_FAILED.
 */
@Injectable()
export class SignInWithOidcUseCase {
  constructor(
    private readonly users: PortalUserRepository,
    private readonly opener: SessionOpener,
  ) {}

  async execute(subject: string, origin: SignInOrigin, now = new Date()): Promise<SignedIn> {
    const user = await this.users.byOidcSubject(subject);
    if (!user || user.disabled) {
      throw new AccountsError(AccountsErrorCode.OidcFailed, 'no portal account is linked to this identity');
    }
    return this.opener.open(user, origin, now);
  }
}
