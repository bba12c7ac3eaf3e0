/* eslint-disable @typescript-eslint/unbound-method -- call() invokes each method on its client */
import { type Identity } from '@medgrid/auth';
import { recognitionServiceV1 } from '@medgrid/contracts';
import { type ServiceTokens } from './service-tokens';
import { UserGrpcClient } from './user-grpc-client';

/** Lab-sharing's RecognitionService (mutual recognition of results), called as the user. */
export class LabSharingGrpcClient extends UserGrpcClient {
  private readonly recognition = this.open(recognitionServiceV1.RecognitionServiceClient);

  constructor(address: string, tokens: ServiceTokens) {
    super(address, tokens);
  }

  getRecognitionStatistics(caller: Identity, since: Date, groupId: string) {
    const request = recognitionServiceV1.GetRecognitionStatisticsRequest.fromPartial({ since, groupId });
    return this.call(caller, this.recognition, this.recognition.getRecognitionStatistics, request);
  }
}
