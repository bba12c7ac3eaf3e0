import { type ErrorCategory } from './error-category';
import { type FieldViolation } from './field-violation';

/**
 * Base of every context's error class (docs/architecture.md, errors). A
 * context subclasses it with its own code enum; the code travels to clients
 * as the error reason. Domain code throws these, never transport exceptions.
 */
export class AppError extends Error {
  constructor(
    readonly category: ErrorCategory,
    readonly code: string,
    message: string,
    readonly violations: readonly FieldViolation[] = [],
    readonly metadata: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Raised when a request breaks one or more field rules; lists every violation at once. */
export class ValidationError extends AppError {
  constructor(violations: readonly FieldViolation[]) {
    super(
      'invalid-argument',
      'VALIDATION_FAILED',
      violations.map((v) => `${v.field}: ${v.description}`).join('; '),
      violations,
    );
  }
}
