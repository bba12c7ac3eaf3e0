import { type Client, Metadata, type ServiceError, type status } from '@grpc/grpc-js';
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
