import { type Client, Metadata, type ServiceError } from '@grpc/grpc-js';

/** Promisified unary call with a bearer token, optional extra metadata and a deadline. */
export function unary<Req, Res>(
  client: Client,
  method: (
    request: Req,
    metadata: Metadata,
    options: { deadline: Date },
    callback: (error: ServiceError | null, response: Res) => void,
  ) => unknown,
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
