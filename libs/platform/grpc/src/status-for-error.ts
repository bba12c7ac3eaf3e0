import { Metadata, status, type StatusObject } from '@grpc/grpc-js';
import { type protobufAny, rpcErrorDetails, rpcStatus } from '@medgrid/contracts';
import { AppError, type ErrorCategory } from '@medgrid/errors';

const DETAILS_KEY = 'grpc-status-details-bin';
const ERROR_DOMAIN = 'medgrid.health.gov.cn';

/** Exhaustive map from error category to gRPC status: a new category cannot go unmapped. */
export function grpcCodeFor(category: ErrorCategory): status {
  switch (category) {
    case 'invalid-argument':
      return status.INVALID_ARGUMENT;
    case 'not-found':
      return status.NOT_FOUND;
    case 'already-exists':
      return status.ALREADY_EXISTS;
    case 'failed-precondition':
      return status.FAILED_PRECONDITION;
    case 'permission-denied':
      return status.PERMISSION_DENIED;
    case 'unauthenticated':
      return status.UNAUTHENTICATED;
    case 'resource-exhausted':
      return status.RESOURCE_EXHAUSTED;
    case 'conflict':
      return status.ABORTED;
    case 'unavailable':
      return status.UNAVAILABLE;
  }
}

function pack(typeName: string, value: Uint8Array): protobufAny.Any {
  return { typeUrl: `type.googleapis.com/${typeName}`, value: Buffer.from(value) };
}

/**
 * Turns an error into a gRPC status with google.rpc.Status details in the
 * `grpc-status-details-bin` trailer: ErrorInfo carries the error code, and
 * BadRequest lists the field violations. Anything that is not an AppError is
 * an internal failure whose text is not leaked to the caller.
 */
export function statusForError(error: unknown): Partial<StatusObject> {
  if (!(error instanceof AppError)) {
    return { code: status.INTERNAL, details: 'internal error', metadata: new Metadata() };
  }
  const code = grpcCodeFor(error.category);
  const details: protobufAny.Any[] = [
    pack(
      'google.rpc.ErrorInfo',
      rpcErrorDetails.ErrorInfo.encode({
        reason: error.code,
        domain: ERROR_DOMAIN,
        metadata: { ...error.metadata },
      }).finish(),
    ),
  ];
  if (error.violations.length > 0) {
    details.push(
      pack(
        'google.rpc.BadRequest',
        rpcErrorDetails.BadRequest.encode({
          fieldViolations: error.violations.map((v) => ({
            field: v.field,
            description: v.description,
            reason: v.reason,
          })),
        }).finish(),
      ),
    );
  }
  const metadata = new Metadata();
  metadata.set(
    DETAILS_KEY,
    Buffer.from(rpcStatus.Status.encode({ code, message: error.message, details }).finish()),
  );
  return { code, details: error.message, metadata };
}

export interface DecodedErrorDetails {
  reason?: string;
  fieldViolations: { field: string; reason: string; description: string }[];
}

/** Reads ErrorInfo and BadRequest back from a status's trailers (for clients and tests). */
export function decodeErrorDetails(metadata: Metadata | undefined): DecodedErrorDetails {
  const raw = metadata?.get(DETAILS_KEY)[0];
  const result: DecodedErrorDetails = { fieldViolations: [] };
  if (!raw || typeof raw === 'string') return result;
  for (const detail of rpcStatus.Status.decode(raw).details) {
    if (detail.typeUrl.endsWith('/google.rpc.ErrorInfo')) {
      result.reason = rpcErrorDetails.ErrorInfo.decode(detail.value).reason;
    } else if (detail.typeUrl.endsWith('/google.rpc.BadRequest')) {
      result.fieldViolations = rpcErrorDetails.BadRequest.decode(detail.value).fieldViolations;
    }
  }
  return result;
}
