/* eslint-disable @typescript-eslint/unbound-method -- unary() calls each method on its client */
import { credentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import { prescribingServiceV1 } from '@medgrid/contracts';
import { unary } from './calls';
import { type ServiceTokens } from './service-tokens';

/** Pharmacy's PrescribingService (the prescribing statistics), called as the user. */
export class PharmacyGrpcClient {
  private readonly prescribing: InstanceType<(typeof prescribingServiceV1)['PrescribingServiceClient']>;

  constructor(
    address: string,
    private readonly tokens: ServiceTokens,
  ) {
    this.prescribing = new prescribingServiceV1.PrescribingServiceClient(
      address,
      credentials.createInsecure(),
    );
  }

  async getPrescribingStatistics(
    caller: Identity,
    request: prescribingServiceV1.GetPrescribingStatisticsRequest,
  ) {
    return unary(
      this.prescribing,
      this.prescribing.getPrescribingStatistics,
      request,
      await this.tokens.tokenFor(caller),
    );
  }

  close(): void {
    this.prescribing.close();
  }
}
