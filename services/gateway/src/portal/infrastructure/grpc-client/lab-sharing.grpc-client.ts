/* eslint-disable @typescript-eslint/unbound-method -- unary() calls each method on its client */
import { credentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import { recognitionServiceV1 } from '@medgrid/contracts';
import { unary } from './calls';
import { type ServiceTokens } from './service-tokens';

/** Lab-sharing's RecognitionService (mutual recognition of results), called as the user. */
export class LabSharingGrpcClient {
  private readonly recognition: InstanceType<(typeof recognitionServiceV1)['RecognitionServiceClient']>;

  constructor(
    address: string,
    private readonly tokens: ServiceTokens,
  ) {
    this.recognition = new recognitionServiceV1.RecognitionServiceClient(
      address,
      credentials.createInsecure(),
    );
  }

  async getRecognitionStatistics(caller: Identity, since: Date, groupId: string) {
    const request = recognitionServiceV1.GetRecognitionStatisticsRequest.fromPartial({ since, groupId });
    return unary(
      this.recognition,
      this.recognition.getRecognitionStatistics,
      request,
      await this.tokens.tokenFor(caller),
    );
  }

  close(): void {
    this.recognition.close();
  }
}
