import { type Client, Metadata, type ServiceError, status } from '@grpc/grpc-js';
import { decodeErrorDetails, type DecodedErrorDetails } from '@medgrid/grpc';

/** A generated client's unary method, as the clients declare it. */
export type UnaryMethod<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: { deadline: Date },
  callback: (error: ServiceError | null, response: Res) => void,
) => unknown;

/** The status code and decoded details (ErrorInfo reason, field violations) of a failed call. */
export function refusal(error: unknown): { code: status } & DecodedErrorDetails {
  const failed = error as ServiceError;
  return { code: failed.code, ...decodeErrorDetails(failed.metadata) };
}

/** The refusal of a call that must fail. */
export function fails(promise: Promise<unknown>): Promise<{ code: status } & DecodedErrorDetails> {
  return promise.then(() => {
    throw new Error('expected the call to fail');
  }, refusal);
}

/** Promisified unary call with a bearer token, optional extra metadata and a deadline. */
export function unary<Req, Res>(
  client: Client,
  method: UnaryMethod<Req, Res>,
  request: Req,
  token: string,
  extra: Record<string, string> = {},
): Promise<Res> {
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  for (const [key, value] of Object.entries(extra)) metadata.set(key, value);
  return new Promise((resolve, reject) =>
    method.call(client, request, metadata, { deadline: new Date(Date.now() + 10_000) }, (error, response) =>
      error ? reject(error) : resolve(response),
    ),
  );
}

/**
 * grpc.health.v1.Health/Check for the whole server, as raw bytes (no health proto needed): 'SERVING', another
 * status as `status <n>`, or how the call failed (its code's name and details).
 */
export function serverHealth(client: Client, deadlineMs: number): Promise<string> {
  return new Promise((resolve) =>
    client.makeUnaryRequest(
      '/grpc.health.v1.Health/Check',
      (b: Buffer) => b,
      (b: Buffer) => b,
      Buffer.alloc(0),
      new Metadata(),
      { deadline: new Date(Date.now() + deadlineMs) },
      (error, response) => {
        if (error) resolve(`${status[error.code]} ${error.details}`);
        // HealthCheckResponse { status = 1 }: SERVING is 1, encoded as 08 01.
        else
          resolve(
            response?.[0] === 0x08 && response[1] === 0x01 ? 'SERVING' : `status ${response?.[1] ?? 0}`,
          );
      },
    ),
  );
}
