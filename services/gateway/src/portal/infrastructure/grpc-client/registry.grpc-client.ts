/* eslint-disable @typescript-eslint/unbound-method -- call() invokes each method on its client */
import { type Identity } from '@medgrid/auth';
import { organisationServiceV1 } from '@medgrid/contracts';
import { type ServiceTokens } from './service-tokens';
import { UserGrpcClient } from './user-grpc-client';

/** The registry's OrganisationService, called as the user. */
export class RegistryGrpcClient extends UserGrpcClient {
  private readonly organisation = this.open(organisationServiceV1.OrganisationServiceClient);

  constructor(address: string, tokens: ServiceTokens) {
    super(address, tokens);
  }

  listGrids(caller: Identity, cityId: string) {
    const request = organisationServiceV1.ListGridsRequest.fromPartial({ cityId });
    return this.call(caller, this.organisation, this.organisation.listGrids, request);
  }

  getMedicalGroup(caller: Identity, id: string) {
    const request = organisationServiceV1.GetMedicalGroupRequest.fromPartial({ id });
    return this.call(caller, this.organisation, this.organisation.getMedicalGroup, request);
  }

  getInstitution(caller: Identity, id: string) {
    const request = organisationServiceV1.GetInstitutionRequest.fromPartial({ id });
    return this.call(caller, this.organisation, this.organisation.getInstitution, request);
  }

  searchInstitutions(caller: Identity, request: organisationServiceV1.SearchInstitutionsRequest) {
    return this.call(caller, this.organisation, this.organisation.searchInstitutions, request);
  }
}
