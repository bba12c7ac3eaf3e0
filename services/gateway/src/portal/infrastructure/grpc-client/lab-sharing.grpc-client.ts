/* eslint-disable @typescript-eslint/unbound-method -- call() invokes each method on its client */
import { type ChannelCredentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import { recognitionServiceV1 } from '@medgrid/contracts';
import { type ServiceTokens } from './service-tokens';
import { UserGrpcClient } from './user-grpc-client';

/** Lab-sharing's RecognitionService (mutual recognition of results and its catalogue), called as the user. */
export class LabSharingGrpcClient extends UserGrpcClient {
  private readonly recognition = this.open(recognitionServiceV1.RecognitionServiceClient);

  constructor(address: string, tokens: ServiceTokens, channel?: ChannelCredentials) {
    super(address, tokens, channel);
  }

  getRecognitionStatistics(caller: Identity, since: Date, groupId: string) {
    const request = recognitionServiceV1.GetRecognitionStatisticsRequest.fromPartial({ since, groupId });
    return this.call(caller, this.recognition, this.recognition.getRecognitionStatistics, request);
  }

  getRecognitionCatalogue(caller: Identity, regionId: string, pageSize: number, pageToken: string) {
    const request = recognitionServiceV1.GetCatalogueRequest.fromPartial({ regionId, pageSize, pageToken });
    return this.call(caller, this.recognition, this.recognition.getCatalogue, request);
  }

  getRecognitionCatalogueItem(caller: Identity, regionId: string, itemCode: string) {
    const request = recognitionServiceV1.GetCatalogueItemRequest.fromPartial({ regionId, itemCode });
    return this.call(caller, this.recognition, this.recognition.getCatalogueItem, request);
  }

  putRecognitionCatalogueItem(caller: Identity, request: recognitionServiceV1.PutCatalogueItemRequest) {
    return this.call(caller, this.recognition, this.recognition.putCatalogueItem, request);
  }

  removeRecognitionCatalogueItem(caller: Identity, request: recognitionServiceV1.RemoveCatalogueItemRequest) {
    return this.call(caller, this.recognition, this.recognition.removeCatalogueItem, request);
  }
}
