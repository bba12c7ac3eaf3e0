/* eslint-disable @typescript-eslint/unbound-method -- unary() and serverStream() call each method on its client */
import { credentials } from '@grpc/grpc-js';
import { organisationServiceV1 } from '@medgrid/contracts';
import { type ServiceTokens } from './service-tokens';
import { unary } from './calls';
import { type Identity } from '@medgrid/auth';

type Api = typeof organisationServiceV1;

/** The registry's OrganisationService, called as the user. */
export class RegistryGrpcClient {
  private readonly client: InstanceType<Api['OrganisationServiceClient']>;

  constructor(
    address: string,
    private readonly tokens: ServiceTokens,
  ) {
    this.client = new organisationServiceV1.OrganisationServiceClient(address, credentials.createInsecure());
  }

  async listGrids(caller: Identity, cityId: string) {
    const request = organisationServiceV1.ListGridsRequest.fromPartial({ cityId });
    return unary(this.client, this.client.listGrids, request, await this.tokens.tokenFor(caller));
  }

  async getMedicalGroup(caller: Identity, id: string) {
    const request = organisationServiceV1.GetMedicalGroupRequest.fromPartial({ id });
    return unary(this.client, this.client.getMedicalGroup, request, await this.tokens.tokenFor(caller));
  }

  async getInstitution(caller: Identity, id: string) {
    const request = organisationServiceV1.GetInstitutionRequest.fromPartial({ id });
    return unary(this.client, this.client.getInstitution, request, await this.tokens.tokenFor(caller));
  }

  async searchInstitutions(caller: Identity, request: organisationServiceV1.SearchInstitutionsRequest) {
    return unary(this.client, this.client.searchInstitutions, request, await this.tokens.tokenFor(caller));
  }

  close(): void {
    this.client.close();
  }
}
