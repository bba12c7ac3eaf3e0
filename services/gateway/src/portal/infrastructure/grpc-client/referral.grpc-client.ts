/* eslint-disable @typescript-eslint/unbound-method -- unary() and serverStream() call each method on its client */
import { type ClientReadableStream, credentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import { referralServiceV1 } from '@medgrid/contracts';
import { serverStream, unary } from './calls';
import { type ServiceTokens } from './service-tokens';

type Api = typeof referralServiceV1;

/** Referral's ReferralService, called as the user. */
export class ReferralGrpcClient {
  private readonly client: InstanceType<Api['ReferralServiceClient']>;

  constructor(
    address: string,
    private readonly tokens: ServiceTokens,
  ) {
    this.client = new referralServiceV1.ReferralServiceClient(address, credentials.createInsecure());
  }

  async listReferrals(caller: Identity, request: referralServiceV1.ListReferralsRequest) {
    return unary(this.client, this.client.listReferrals, request, await this.tokens.tokenFor(caller));
  }

  async getReferral(caller: Identity, id: string) {
    const request = referralServiceV1.GetReferralRequest.fromPartial({ id });
    return unary(this.client, this.client.getReferral, request, await this.tokens.tokenFor(caller));
  }

  async watchReferrals(
    caller: Identity,
    afterSeq: number,
  ): Promise<ClientReadableStream<referralServiceV1.WatchReferralsResponse>> {
    const request = referralServiceV1.WatchReferralsRequest.fromPartial({ afterSeq });
    return serverStream(this.client, this.client.watchReferrals, request, await this.tokens.tokenFor(caller));
  }

  close(): void {
    this.client.close();
  }
}
