import { Metadata, status, type StatusObject } from '@grpc/grpc-js';
import { type protobufAny, rpcErrorDetails, rpcStatus } from '@medgrid/contracts';
import { AppError, type ErrorCategory, isDependencyUnavailable } from '@medgrid/errors';

const DETAILS_KEY = 'grpc-status-details-bin';
const ERROR_DOMAIN = 'medgrid.health.gov.cn';
/**
 * The status travels in HTTP/2 trailers, which clients cap (grpc-java at 8 KiB of metadata, Node's HTTP/2 at 64 KiB
 * of headers): a request with 100,000 bad list items once made a multi-megabyte trailer that broke the caller's
 * whole connection, every other call on it included. The violations listed stop at this many bytes, a last one
 * says how many more there were, and the message is cut to its own budget (percent-encoding can triple it).
 */
const VIOLATIONS_BUDGET_BYTES = 4096;
const MESSAGE_BUDGET_BYTES = 512;
const FIELD_TEXT_BYTES = 256;

const DEPENDENCY_UNAVAILABLE = new AppError(
  'unavailable',
  'DEPENDENCY_UNAVAILABLE',
  'the service cannot reach its database just now; send the same request again',
);

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
    // The database down or starting: the same request succeeds once it is back, so it is a status callers retry.
    if (isDependencyUnavailable(error)) return statusForError(DEPENDENCY_UNAVAILABLE);
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
        rpcErrorDetails.BadRequest.encode({ fieldViolations: listedViolations(error.violations) }).finish(),
      ),
    );
  }
  const message = clip(error.message, MESSAGE_BUDGET_BYTES);
  const metadata = new Metadata();
  metadata.set(DETAILS_KEY, Buffer.from(rpcStatus.Status.encode({ code, message, details }).finish()));
  return { code, details: message, metadata };
}

/** The violations that fit the trailer's budget, each text clipped, and a last one counting those left out. */
function listedViolations(
  violations: readonly { field: string; reason: string; description: string }[],
): { field: string; reason: string; description: string }[] {
  const listed: { field: string; reason: string; description: string }[] = [];
  let bytes = 0;
  for (const v of violations) {
    const item = {
      field: clip(v.field, FIELD_TEXT_BYTES),
      reason: clip(v.reason, FIELD_TEXT_BYTES),
      description: clip(v.description, FIELD_TEXT_BYTES),
    };
    const size =
      Buffer.byteLength(item.field) + Buffer.byteLength(item.reason) + Buffer.byteLength(item.description);
    if (bytes + size > VIOLATIONS_BUDGET_BYTES) break;
    listed.push(item);
    bytes += size;
  }
  const left = violations.length - listed.length;
  if (left > 0)
    listed.push({
      field: 'request',
      reason: 'MORE_VIOLATIONS',
      description: `${left} more field violations not listed; correct those above and send the request again`,
    });
  return listed;
}

/** The text cut to at most `bytes` of UTF-8, on a character boundary, marked with an ellipsis when cut. */
function clip(text: string, bytes: number): string {
  if (Buffer.byteLength(text) <= bytes) return text;
  let cut = '';
  let used = 3; // the ellipsis
  for (const char of text) {
    used += Buffer.byteLength(char);
    if (used > bytes) break;
    cut += char;
  }
  return `${cut}…`;
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
