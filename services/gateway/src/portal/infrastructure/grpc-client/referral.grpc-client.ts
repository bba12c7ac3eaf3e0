/* eslint-disable @typescript-eslint/unbound-method -- call() and serverStream() invoke each method on its client */
import { type ClientReadableStream } from '@grpc/grpc-js';
import { type ChannelCredentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import { referralServiceV1 } from '@medgrid/contracts';
import { serverStream } from './calls';
import { type ServiceTokens } from './service-tokens';
import { UserGrpcClient } from './user-grpc-client';

/** Referral's ReferralService, called as the user. */
export class ReferralGrpcClient extends UserGrpcClient {
  private readonly referrals = this.open(referralServiceV1.ReferralServiceClient);

  constructor(address: string, tokens: ServiceTokens, channel?: ChannelCredentials) {
    super(address, tokens, channel);
  }

  listReferrals(caller: Identity, request: referralServiceV1.ListReferralsRequest) {
    return this.call(caller, this.referrals, this.referrals.listReferrals, request);
  }

  getReferral(caller: Identity, id: string) {
    const request = referralServiceV1.GetReferralRequest.fromPartial({ id });
    return this.call(caller, this.referrals, this.referrals.getReferral, request);
  }

  getReferralStatistics(caller: Identity, request: referralServiceV1.GetReferralStatisticsRequest) {
    return this.call(caller, this.referrals, this.referrals.getReferralStatistics, request);
  }

  async watchReferrals(
    caller: Identity,
    afterSeq: number,
  ): Promise<ClientReadableStream<referralServiceV1.WatchReferralsResponse>> {
    const request = referralServiceV1.WatchReferralsRequest.fromPartial({ afterSeq });
    return serverStream(this.referrals, this.referrals.watchReferrals, request, await this.tokenFor(caller));
  }
}
