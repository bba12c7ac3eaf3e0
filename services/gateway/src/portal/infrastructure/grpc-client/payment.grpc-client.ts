/* eslint-disable @typescript-eslint/unbound-method -- unary() calls each method on its client */
import { credentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import { claimServiceV1, settlementServiceV1 } from '@medgrid/contracts';
import { unary } from './calls';
import { type ServiceTokens } from './service-tokens';

/** Payment's ClaimService (first-contact statistics) and SettlementService, called as the user. */
export class PaymentGrpcClient {
  private readonly claims: InstanceType<(typeof claimServiceV1)['ClaimServiceClient']>;
  private readonly settlements: InstanceType<(typeof settlementServiceV1)['SettlementServiceClient']>;

  constructor(
    address: string,
    private readonly tokens: ServiceTokens,
  ) {
    this.claims = new claimServiceV1.ClaimServiceClient(address, credentials.createInsecure());
    this.settlements = new settlementServiceV1.SettlementServiceClient(address, credentials.createInsecure());
  }

  async getFirstContactStatistics(caller: Identity, from: string, until: string, groupId: string) {
    const request = claimServiceV1.GetFirstContactStatisticsRequest.fromPartial({ from, until, groupId });
    return unary(
      this.claims,
      this.claims.getFirstContactStatistics,
      request,
      await this.tokens.tokenFor(caller),
    );
  }

  async startSettlementRun(caller: Identity, request: settlementServiceV1.StartSettlementRunRequest) {
    return unary(
      this.settlements,
      this.settlements.startSettlementRun,
      request,
      await this.tokens.tokenFor(caller),
    );
  }

  async getSettlementRun(caller: Identity, runId: string) {
    const request = settlementServiceV1.GetSettlementRunRequest.fromPartial({ runId });
    return unary(
      this.settlements,
      this.settlements.getSettlementRun,
      request,
      await this.tokens.tokenFor(caller),
    );
  }

  async getSettlementReport(caller: Identity, groupId: string, month: string) {
    const request = settlementServiceV1.GetSettlementReportRequest.fromPartial({ groupId, month });
    return unary(
      this.settlements,
      this.settlements.getSettlementReport,
      request,
      await this.tokens.tokenFor(caller),
    );
  }

  close(): void {
    this.claims.close();
    this.settlements.close();
  }
}
