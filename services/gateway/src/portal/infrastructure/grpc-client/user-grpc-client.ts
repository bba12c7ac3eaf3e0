import { type ChannelCredentials, type Client, type ClientOptions, credentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import { type Unary, unary } from './calls';
import { type ServiceTokens } from './service-tokens';

type ClientClass<C extends Client> = new (
  address: string,
  channel: ChannelCredentials,
  options: Partial<ClientOptions>,
) => C;

/** Channelz statistics cost every call a little CPU and memory, and nothing reads them. */
const CLIENT_OPTIONS: Partial<ClientOptions> = { 'grpc.enable_channelz': 0 };

/**
 * One service's gRPC clients on its address, every call made as the signed-in user: the user's
 * service token in the metadata and the gateway's deadline, each call in a client span whose
 * context the service continues (calls.ts). A subclass opens the services it calls and names one
 * method per call.
 */
export abstract class UserGrpcClient {
  private readonly opened: Client[] = [];

  /** `channel`: plaintext unless the gateway is given TLS settings (grpcClientCredentials). */
  protected constructor(
    private readonly address: string,
    private readonly tokens: ServiceTokens,
    private readonly channel: ChannelCredentials = credentials.createInsecure(),
  ) {}

  protected open<C extends Client>(Service: ClientClass<C>): C {
    const client = new Service(this.address, this.channel, CLIENT_OPTIONS);
    this.opened.push(client);
    return client;
  }

  protected async call<C extends Client, Req, Res>(
    caller: Identity,
    client: C,
    method: Unary<Req, Res>,
    request: Req,
  ): Promise<Res> {
    return unary(client, method, request, await this.tokens.tokenFor(caller));
  }

  protected async tokenFor(caller: Identity): Promise<string> {
    return this.tokens.tokenFor(caller);
  }

  /** Nest calls this as the gateway shuts down. */
  onModuleDestroy(): void {
    this.close();
  }

  close(): void {
    for (const client of this.opened.splice(0)) client.close();
  }
}
