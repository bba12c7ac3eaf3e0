import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import { type Metadata, status as GrpcStatus } from '@grpc/grpc-js';
import { AppError, type ErrorCategory, type FieldViolation } from '@medgrid/errors';
import { decodeErrorDetails } from '@medgrid/grpc';
import { LOGGER, type Logger } from '@medgrid/logging';
import { type Request, type Response } from 'express';
import { fieldDescriptionOf, hasMessage, languageOf, messageOf } from '../../../common/messages';
import { AccountsError, AccountsErrorCode } from '../../domain/accounts-error';
import { CsrfRefused } from './csrf.guard';

/** What the portal receives for any refusal: a code, a message in its language, the fields. */
export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  /** The service's own words, for the support desk (English, as the service said it). */
  readonly detail?: string;
  /** The service's machine reason (ErrorInfo), e.g. PERIOD_ALREADY_SETTLED. */
  readonly reason?: string;
  readonly fields: readonly FieldViolation[];
}

interface Mapped {
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly reason?: string;
  readonly fields?: readonly FieldViolation[];
  /** The gateway's own refusal: its reason has a message of its own, its fields are worded here. */
  readonly own?: boolean;
}

const ACCOUNTS_STATUS: Readonly<Record<AccountsErrorCode, number>> = {
  [AccountsErrorCode.SignInFailed]: 401,
  [AccountsErrorCode.NotSignedIn]: 401,
  [AccountsErrorCode.UsernameTaken]: 409,
  [AccountsErrorCode.OidcNotConfigured]: 501,
  [AccountsErrorCode.OidcFailed]: 401,
};

const CATEGORY: Readonly<Record<ErrorCategory, { status: number; code: string }>> = {
  'invalid-argument': { status: 400, code: 'VALIDATION_FAILED' },
  'not-found': { status: 404, code: 'NOT_FOUND' },
  'already-exists': { status: 409, code: 'CONFLICT' },
  'failed-precondition': { status: 409, code: 'CONFLICT' },
  conflict: { status: 409, code: 'CONFLICT' },
  'permission-denied': { status: 403, code: 'PERMISSION_DENIED' },
  unauthenticated: { status: 401, code: 'NOT_SIGNED_IN' },
  'resource-exhausted': { status: 429, code: 'RATE_LIMITED' },
  unavailable: { status: 503, code: 'UNAVAILABLE' },
};

/** gRPC status of a service's answer → HTTP status and the gateway's code. */
const GRPC: Readonly<Partial<Record<GrpcStatus, { status: number; code: string }>>> = {
  [GrpcStatus.INVALID_ARGUMENT]: { status: 400, code: 'VALIDATION_FAILED' },
  [GrpcStatus.OUT_OF_RANGE]: { status: 400, code: 'VALIDATION_FAILED' },
  [GrpcStatus.PERMISSION_DENIED]: { status: 403, code: 'PERMISSION_DENIED' },
  [GrpcStatus.NOT_FOUND]: { status: 404, code: 'NOT_FOUND' },
  [GrpcStatus.ALREADY_EXISTS]: { status: 409, code: 'CONFLICT' },
  [GrpcStatus.FAILED_PRECONDITION]: { status: 409, code: 'CONFLICT' },
  [GrpcStatus.ABORTED]: { status: 409, code: 'CONFLICT' },
  [GrpcStatus.RESOURCE_EXHAUSTED]: { status: 429, code: 'RATE_LIMITED' },
  [GrpcStatus.UNAVAILABLE]: { status: 503, code: 'UNAVAILABLE' },
  [GrpcStatus.DEADLINE_EXCEEDED]: { status: 503, code: 'UNAVAILABLE' },
  // The service refused the gateway's own token: a deployment fault, not the user's.
  [GrpcStatus.UNAUTHENTICATED]: { status: 502, code: 'UNAVAILABLE' },
};

function isServiceError(
  error: unknown,
): error is Error & { code: number; details?: string; metadata?: Metadata } {
  return (
    error instanceof Error && typeof (error as { code?: unknown }).code === 'number' && 'metadata' in error
  );
}

/** Any error of a request, as the status, code, detail and fields the client gets (unlogged). */
export function mapError(error: unknown): Mapped | null {
  if (error instanceof AccountsError) return { status: ACCOUNTS_STATUS[error.code], code: error.code };
  if (error instanceof CsrfRefused) return { status: 403, code: error.code };
  if (error instanceof AppError) {
    const { status, code } = CATEGORY[error.category];
    return { status, code, reason: error.code, fields: error.violations, own: true };
  }
  if (isServiceError(error)) {
    const mapped = GRPC[error.code as GrpcStatus];
    if (!mapped) return null;
    const details = decodeErrorDetails(error.metadata);
    return {
      ...mapped,
      detail: error.details,
      reason: details.reason,
      fields: details.fieldViolations.map((v) => ({
        field: v.field,
        reason: v.reason ?? '',
        description: v.description,
      })),
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === 429) return { status, code: 'RATE_LIMITED' };
    if (status === 404) return { status, code: 'NOT_FOUND' };
    if (status === 403) return { status, code: 'PERMISSION_DENIED' };
    if (status === 401) return { status, code: 'NOT_SIGNED_IN' };
    if (status < 500) return { status, code: 'VALIDATION_FAILED', detail: error.message };
  }
  return null;
}

/**
 * Every error of the gateway's API as one JSON shape, `{ error: ApiErrorBody }`, its message in
 * the user's language (zh-CN, or en by Accept-Language); never a stack trace. What it cannot
 * place is logged and answered INTERNAL. Paths outside /api (health, metrics) keep Nest's answer.
 */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    if (!request.path.startsWith('/api') && error instanceof HttpException) {
      response.status(error.getStatus()).json(error.getResponse());
      return;
    }
    if (response.headersSent) {
      this.logger.warn({ err: error, path: request.path }, 'error after the response started');
      response.end();
      return;
    }
    const mapped = mapError(error) ?? { status: 500, code: 'INTERNAL' };
    if (mapped.status >= 500) this.logger.error({ err: error, path: request.path }, 'request failed');
    const language = languageOf(request.get('accept-language'));
    // A refusal of the gateway's own with a message of its reason says what happened (NOT_CITY_OPERATOR
    // rather than a bare PERMISSION_DENIED); a service's reasons are not the gateway's to word.
    const worded = mapped.own && mapped.reason && hasMessage(mapped.reason) ? mapped.reason : mapped.code;
    const code = hasMessage(worded) ? worded : 'INTERNAL';
    const fields = mapped.fields ?? [];
    const body: ApiErrorBody = {
      code: mapped.code,
      message: messageOf(code, language),
      ...(mapped.detail ? { detail: mapped.detail } : {}),
      ...(mapped.reason ? { reason: mapped.reason } : {}),
      fields: mapped.own
        ? fields.map((violation) => ({ ...violation, description: fieldDescriptionOf(violation, language) }))
        : fields,
    };
    response.status(mapped.status).setHeader('Content-Language', language).json({ error: body });
  }
}
