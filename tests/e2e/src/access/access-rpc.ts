import { type DescMethod } from '@bufbuild/protobuf';
import { Client, credentials, Metadata, type ServiceError } from '@grpc/grpc-js';

/** A stream that got past the access rules stays open: its deadline is short, and reaching it is an answer. */
const STREAM_DEADLINE_MS = 1_500;
const UNARY_DEADLINE_MS = 20_000;

export interface RawAnswer {
  readonly error: ServiceError | null;
  /** The response (a unary call's message; a stream's messages are only counted). */
  readonly response: Buffer | undefined;
  readonly bytes: number;
}

/**
 * Calls any RPC of the contracts by its descriptor with a request already encoded, as a caller with `token` (none:
 * no `authorization`): the walk's calls and the calls that make the records it names go the same way.
 */
export class AccessRpc {
  private readonly clients = new Map<string, Client>();

  call(
    address: string,
    method: DescMethod,
    request: Uint8Array,
    token: string | undefined,
  ): Promise<RawAnswer> {
    let client = this.clients.get(address);
    if (!client) {
      client = new Client(address, credentials.createInsecure());
      this.clients.set(address, client);
    }
    const metadata = new Metadata();
    if (token) metadata.set('authorization', `Bearer ${token}`);
    metadata.set('x-purpose', 'treatment');
    const streaming = method.methodKind === 'server_streaming';
    const path = `/${method.parent.typeName}/${method.name}`;
    const args = [
      path,
      (b: Buffer) => b,
      (b: Buffer) => b,
      Buffer.from(request),
      metadata,
      { deadline: new Date(Date.now() + (streaming ? STREAM_DEADLINE_MS : UNARY_DEADLINE_MS)) },
    ] as const;
    return new Promise((resolve) => {
      if (streaming) {
        let bytes = 0;
        const stream = client.makeServerStreamRequest(...args);
        stream.on('data', (b: Buffer) => (bytes += b.length));
        stream.on('error', (error: ServiceError) => resolve({ error, response: undefined, bytes }));
        stream.on('end', () => resolve({ error: null, response: undefined, bytes }));
      } else {
        client.makeUnaryRequest(...args, (error, response?: Buffer) =>
          resolve({ error: error ?? null, response, bytes: response?.length ?? 0 }),
        );
      }
    });
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }
}
