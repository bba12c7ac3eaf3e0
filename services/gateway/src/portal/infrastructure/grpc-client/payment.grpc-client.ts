/* eslint-disable @typescript-eslint/unbound-method -- call() invokes each method on its client */
import { type ChannelCredentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import { claimServiceV1, settlementServiceV1 } from '@medgrid/contracts';
import { type ServiceTokens } from './service-tokens';
import { UserGrpcClient } from './user-grpc-client';

/** Payment's ClaimService (first-contact statistics) and SettlementService, called as the user. */
export class PaymentGrpcClient extends UserGrpcClient {
  private readonly claims = this.open(claimServiceV1.ClaimServiceClient);
  private readonly settlements = this.open(settlementServiceV1.SettlementServiceClient);

  constructor(address: string, tokens: ServiceTokens, channel?: ChannelCredentials) {
    super(address, tokens, channel);
  }

  getFirstContactStatistics(caller: Identity, from: string, until: string, groupId: string) {
    const request = claimServiceV1.GetFirstContactStatisticsRequest.fromPartial({ from, until, groupId });
    return this.call(caller, this.claims, this.claims.getFirstContactStatistics, request);
  }

  startSettlementRun(caller: Identity, request: settlementServiceV1.StartSettlementRunRequest) {
    return this.call(caller, this.settlements, this.settlements.startSettlementRun, request);
  }

  getSettlementRun(caller: Identity, runId: string) {
    const request = settlementServiceV1.GetSettlementRunRequest.fromPartial({ runId });
    return this.call(caller, this.settlements, this.settlements.getSettlementRun, request);
  }

  getSettlementReport(caller: Identity, groupId: string, month: string) {
    const request = settlementServiceV1.GetSettlementReportRequest.fromPartial({ groupId, month });
    return this.call(caller, this.settlements, this.settlements.getSettlementReport, request);
  }
}
