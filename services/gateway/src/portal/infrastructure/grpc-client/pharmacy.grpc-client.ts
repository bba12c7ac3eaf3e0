/* eslint-disable @typescript-eslint/unbound-method -- call() invokes each method on its client */
import { type ChannelCredentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import { drugCatalogueServiceV1, prescribingServiceV1 } from '@medgrid/contracts';
import { type ServiceTokens } from './service-tokens';
import { UserGrpcClient } from './user-grpc-client';

/** Pharmacy's PrescribingService (the prescribing statistics) and CatalogueService (drugs), called as the user. */
export class PharmacyGrpcClient extends UserGrpcClient {
  private readonly prescribing = this.open(prescribingServiceV1.PrescribingServiceClient);
  private readonly catalogue = this.open(drugCatalogueServiceV1.CatalogueServiceClient);

  constructor(address: string, tokens: ServiceTokens, channel?: ChannelCredentials) {
    super(address, tokens, channel);
  }

  getPrescribingStatistics(caller: Identity, request: prescribingServiceV1.GetPrescribingStatisticsRequest) {
    return this.call(caller, this.prescribing, this.prescribing.getPrescribingStatistics, request);
  }

  getDrugCatalogue(caller: Identity, request: drugCatalogueServiceV1.GetDrugCatalogueRequest) {
    return this.call(caller, this.catalogue, this.catalogue.getDrugCatalogue, request);
  }

  getDrug(caller: Identity, request: drugCatalogueServiceV1.GetDrugRequest) {
    return this.call(caller, this.catalogue, this.catalogue.getDrug, request);
  }

  searchDrugs(caller: Identity, request: drugCatalogueServiceV1.SearchDrugsRequest) {
    return this.call(caller, this.catalogue, this.catalogue.searchDrugs, request);
  }

  putDrug(caller: Identity, request: drugCatalogueServiceV1.PutDrugRequest) {
    return this.call(caller, this.catalogue, this.catalogue.putDrug, request);
  }

  withdrawDrug(caller: Identity, request: drugCatalogueServiceV1.WithdrawDrugRequest) {
    return this.call(caller, this.catalogue, this.catalogue.withdrawDrug, request);
  }
}
