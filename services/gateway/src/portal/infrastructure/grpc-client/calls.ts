import {
  type CallOptions,
  type Client,
  type ClientReadableStream,
  Metadata,
  type ServiceError,
} from '@grpc/grpc-js';

/** How long the gateway waits for a service's answer. */
const DEADLINE_MS = 10_000;

export type Unary<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: Partial<CallOptions>,
  callback: (error: ServiceError | null, response: Res) => void,
) => unknown;

type ServerStream<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options?: Partial<CallOptions>,
) => ClientReadableStream<Res>;

export function bearer(token: string): Metadata {
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  return metadata;
}

/** One unary call with the user's token and a deadline; a refusal rejects with the ServiceError. */
export function unary<Req, Res>(
  client: Client,
  method: Unary<Req, Res>,
  request: Req,
  token: string,
): Promise<Res> {
  return new Promise((resolve, reject) =>
    method.call(
      client,
      request,
      bearer(token),
      { deadline: new Date(Date.now() + DEADLINE_MS) },
      (error, response) => (error ? reject(error) : resolve(response)),
    ),
  );
}

/** A server stream with the user's token (no deadline: it lasts as long as the watcher). */
export function serverStream<Req, Res>(
  client: Client,
  method: ServerStream<Req, Res>,
  request: Req,
  token: string,
): ClientReadableStream<Res> {
  return method.call(client, request, bearer(token), {});
}
