import { type ServiceDefinition } from '@grpc/grpc-js';
import { AppError, ValidationError } from '@medgrid/errors';

/**
 * The largest request a method takes unless its service says otherwise: gRPC's usual 4 MB. The server as a whole
 * receives up to 64 MB (GrpcServer), for the few bulk methods that take a file; every other method refuses more
 * than this before decoding it, so a client cannot make a service decode 64 MB of a search.
 */
export const DEFAULT_REQUEST_LIMIT_BYTES = 4 * 1024 * 1024;

/** Per method (the generated definition's key, e.g. importCsv), the largest request it takes in bytes. */
export type RequestLimits<D> = Partial<Record<keyof D, number>>;

/**
 * What a request decodes to when its bytes are not a message of the method's type (truncated, an invalid wire
 * type, a length past the end). grpc-js answers a deserializer that throws with INTERNAL before any handler runs,
 * which reads as the service failing; the deserializer below hands the handler this marker instead, and the call is
 * refused as INVALID_ARGUMENT after the caller's token and group claim were checked, like any other bad request.
 */
export class MalformedRequest {
  constructor(readonly cause: string) {}
}

/** A request larger than its method takes, left undecoded. */
export class OversizeRequest {
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {}
}

/**
 * The definition with every method's request deserializer answering an OversizeRequest past the method's limit and
 * a MalformedRequest instead of throwing.
 */
export function tolerantDefinition<D extends ServiceDefinition>(
  definition: D,
  limits: RequestLimits<D> = {},
): D {
  const tolerant: Record<string, D[keyof D]> = {};
  for (const [name, method] of Object.entries(definition)) {
    const limit = limits[name as keyof D] ?? DEFAULT_REQUEST_LIMIT_BYTES;
    tolerant[name] = {
      ...method,
      requestDeserialize: (bytes: Buffer): unknown => {
        if (bytes.length > limit) return new OversizeRequest(bytes.length, limit);
        try {
          return method.requestDeserialize(bytes);
        } catch (error) {
          return new MalformedRequest(error instanceof Error ? error.message : String(error));
        }
      },
    } as D[keyof D];
  }
  return tolerant as unknown as D;
}

/**
 * Refuses a request its deserializer did not decode: one too large as RESOURCE_EXHAUSTED (REQUEST_TOO_LARGE, with
 * the limit), one malformed as INVALID_ARGUMENT naming the whole request as the bad field.
 */
export function admitDecodedRequest(request: unknown): void {
  if (request instanceof OversizeRequest)
    throw new AppError(
      'resource-exhausted',
      'REQUEST_TOO_LARGE',
      `the request is ${request.bytes} bytes; this method takes at most ${request.limit}`,
      [],
      { limitBytes: String(request.limit), requestBytes: String(request.bytes) },
    );
  if (request instanceof MalformedRequest)
    throw new ValidationError([
      {
        field: 'request',
        reason: 'MALFORMED_MESSAGE',
        description: `is not a protobuf message of the method's request type (${request.cause})`,
      },
    ]);
}
