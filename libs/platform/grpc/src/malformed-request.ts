import { type ServiceDefinition } from '@grpc/grpc-js';
import { ValidationError } from '@medgrid/errors';

/**
 * What a request decodes to when its bytes are not a message of the method's type (truncated, an invalid wire
 * type, a length past the end). grpc-js answers a deserializer that throws with INTERNAL before any handler runs,
 * which reads as the service failing; the deserializer below hands the handler this marker instead, and the call is
 * refused as INVALID_ARGUMENT after the caller's token and group claim were checked, like any other bad request.
 */
export class MalformedRequest {
  constructor(readonly cause: string) {}
}

/** The definition with every method's request deserializer answering a MalformedRequest instead of throwing. */
export function tolerantDefinition<D extends ServiceDefinition>(definition: D): D {
  const tolerant: Record<string, D[keyof D]> = {};
  for (const [name, method] of Object.entries(definition)) {
    tolerant[name] = {
      ...method,
      requestDeserialize: (bytes: Buffer): unknown => {
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

/** Refuses a request its deserializer could not decode, naming the whole request as the bad field. */
export function rejectMalformedRequest(request: unknown): void {
  if (request instanceof MalformedRequest)
    throw new ValidationError([
      {
        field: 'request',
        reason: 'MALFORMED_MESSAGE',
        description: `is not a protobuf message of the method's request type (${request.cause})`,
      },
    ]);
}
