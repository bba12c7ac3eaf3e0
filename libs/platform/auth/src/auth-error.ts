import { AppError } from '@medgrid/errors';

export enum AuthErrorCode {
  TokenMissing = 'TOKEN_MISSING',
  TokenInvalid = 'TOKEN_INVALID',
  ClaimInvalid = 'CLAIM_INVALID',
}

/** Raised when a call carries no usable identity. */
export class AuthError extends AppError {
  constructor(code: AuthErrorCode, message: string) {
    super('unauthenticated', code, message);
  }
}
