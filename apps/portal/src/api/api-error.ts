import { type FieldViolation } from './portal-types';

/**
 * A refusal of the gateway: its code, its message (already in the user's language, chosen by the
 * Accept-Language the portal sends), and the service's field violations when it named fields.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldViolation[] = [],
    readonly detail?: string,
    /** The service's own reason (SETTLEMENT_NOT_FOUND) where `code` is the gateway's category (NOT_FOUND). */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The violation of one field, matched as the request named it (`slotRatio`, `slotRatio.numerator`). */
  fieldError(field: string): FieldViolation | undefined {
    return this.fields.find(
      (violation) => violation.field === field || violation.field.startsWith(`${field}.`),
    );
  }
}

/** The error an answer carries (`{ error: { code, message, fields } }`), or a generic one when it carries none. */
export function apiErrorFrom(status: number, body: unknown, fallbackMessage: string): ApiError {
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (!error || typeof error !== 'object') return new ApiError(status, `HTTP_${status}`, fallbackMessage);
  const fields = Array.isArray(error.fields)
    ? (error.fields as unknown[]).filter(
        (field): field is FieldViolation =>
          typeof field === 'object' && field !== null && typeof (field as FieldViolation).field === 'string',
      )
    : [];
  return new ApiError(
    status,
    typeof error.code === 'string' ? error.code : `HTTP_${status}`,
    typeof error.message === 'string' && error.message !== '' ? error.message : fallbackMessage,
    fields,
    typeof error.detail === 'string' ? error.detail : undefined,
    typeof error.reason === 'string' ? error.reason : undefined,
  );
}
