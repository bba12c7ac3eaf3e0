/** Why the accounts context refused; the HTTP layer words each in the user's language. */
export enum AccountsErrorCode {
  /** Unknown user, wrong password, locked or disabled account: one answer for all. */
  SignInFailed = 'SIGN_IN_FAILED',
  /** No session cookie, or a session that is unknown, over or of a disabled account. */
  NotSignedIn = 'NOT_SIGNED_IN',
  UsernameTaken = 'USERNAME_TAKEN',
  OidcNotConfigured = 'OIDC_NOT_CONFIGURED',
  OidcFailed = 'OIDC_FAILED',
}

export class AccountsError extends Error {
  constructor(
    readonly code: AccountsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AccountsError';
  }
}
