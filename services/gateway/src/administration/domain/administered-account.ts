import { type PortalUser, type PortalUserView, viewOf } from '../../accounts/domain/portal-user';

/** An account as its city's operators see it: who, bound to what, and whether it may sign in. */
export interface AdministeredAccount extends PortalUserView {
  readonly disabled: boolean;
  /** Locked by failed sign-ins until then, or null. */
  readonly lockedUntil: Date | null;
  readonly createdAt: Date;
}

/** Never the password hash, the failure count or the identity provider's subject. */
export function administeredAccountOf(user: PortalUser): AdministeredAccount {
  return {
    ...viewOf(user),
    disabled: user.disabled,
    lockedUntil: user.lockedUntil,
    createdAt: user.createdAt,
  };
}
