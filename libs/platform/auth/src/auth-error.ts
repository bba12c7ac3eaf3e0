import { AppError, type ErrorCategory } from '@medgrid/errors';

export enum AuthErrorCode {
  TokenMissing = 'TOKEN_MISSING',
  TokenInvalid = 'TOKEN_INVALID',
  ClaimInvalid = 'CLAIM_INVALID',
  /** The token's institution does not belong to (or collaborate with) the group it claims. */
  GroupClaimMismatch = 'GROUP_CLAIM_MISMATCH',
  /** The registry has no such institution. */
  InstitutionNotKnown = 'INSTITUTION_NOT_KNOWN',
  /** A service's projection of the registry does not have the institution (yet). */
  InstitutionNotKnownYet = 'INSTITUTION_NOT_KNOWN_YET',
}

function categoryOf(code: AuthErrorCode): ErrorCategory {
  switch (code) {
    case AuthErrorCode.TokenMissing:
    case AuthErrorCode.TokenInvalid:
    case AuthErrorCode.ClaimInvalid:
      return 'unauthenticated';
    case AuthErrorCode.GroupClaimMismatch:
    case AuthErrorCode.InstitutionNotKnown:
      return 'permission-denied';
    case AuthErrorCode.InstitutionNotKnownYet:
      return 'unavailable';
  }
}

/** Raised when a call carries no usable identity, or one whose claims do not hold together. */
export class AuthError extends AppError {
  constructor(code: AuthErrorCode, message: string) {
    super(categoryOf(code), code, message);
  }
}
