/* eslint-disable @typescript-eslint/unbound-method -- call() invokes each method on its client */
import { type Identity } from '@medgrid/auth';
import { prescribingServiceV1 } from '@medgrid/contracts';
import { type ServiceTokens } from './service-tokens';
import { UserGrpcClient } from './user-grpc-client';

/** Pharmacy's PrescribingService (the prescribing statistics), called as the user. */
export class PharmacyGrpcClient extends UserGrpcClient {
  private readonly prescribing = this.open(prescribingServiceV1.PrescribingServiceClient);

  constructor(address: string, tokens: ServiceTokens) {
    super(address, tokens);
  }

  getPrescribingStatistics(caller: Identity, request: prescribingServiceV1.GetPrescribingStatisticsRequest) {
    return this.call(caller, this.prescribing, this.prescribing.getPrescribingStatistics, request);
  }
}
