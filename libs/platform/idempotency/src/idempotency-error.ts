import { AppError, type ErrorCategory } from '@medgrid/errors';

/** What a client request id can be refused for. */
export enum IdempotencyErrorCode {
  /** The id was already used for another request (another operation, other content or another thing). */
  ClientRequestReused = 'CLIENT_REQUEST_REUSED',
}

function categoryOf(code: IdempotencyErrorCode): ErrorCategory {
  switch (code) {
    case IdempotencyErrorCode.ClientRequestReused:
      // The request is wrong whatever the state: its id belongs to another request.
      return 'invalid-argument';
  }
}

/** A refusal of @medgrid/idempotency, naming the request field that carried the id. */
export class IdempotencyError extends AppError {
  constructor(code: IdempotencyErrorCode, message: string, field: string) {
    super(categoryOf(code), code, message, [{ field, reason: code, description: message }]);
  }
}
