import { type CookieSecurity } from '../../common/http-cookies';
import { type LockoutPolicy } from '../domain/lockout';
import { type SessionPolicy } from '../domain/portal-session';

/** The deployment's session, lockout and cookie rules (from the gateway's config), injected by class. */
export class AccountsSettings {
  constructor(
    readonly session: SessionPolicy,
    readonly lockout: LockoutPolicy,
    readonly cookieSecurity: CookieSecurity,
  ) {}
}
