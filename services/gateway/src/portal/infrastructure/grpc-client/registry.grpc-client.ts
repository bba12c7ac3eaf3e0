/* eslint-disable @typescript-eslint/unbound-method -- call() invokes each method on its client */
import { type ChannelCredentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import { organisationServiceV1, workforceServiceV1 } from '@medgrid/contracts';
import { type ServiceTokens } from './service-tokens';
import { UserGrpcClient } from './user-grpc-client';

/** The registry's OrganisationService and WorkforceService, called as the user. */
export class RegistryGrpcClient extends UserGrpcClient {
  private readonly organisation = this.open(organisationServiceV1.OrganisationServiceClient);
  private readonly workforce = this.open(workforceServiceV1.WorkforceServiceClient);

  constructor(address: string, tokens: ServiceTokens, channel?: ChannelCredentials) {
    super(address, tokens, channel);
  }

  listGrids(caller: Identity, cityId: string) {
    const request = organisationServiceV1.ListGridsRequest.fromPartial({ cityId });
    return this.call(caller, this.organisation, this.organisation.listGrids, request);
  }

  getMedicalGroup(caller: Identity, id: string) {
    const request = organisationServiceV1.GetMedicalGroupRequest.fromPartial({ id });
    return this.call(caller, this.organisation, this.organisation.getMedicalGroup, request);
  }

  listMedicalGroups(caller: Identity, cityId: string) {
    const request = organisationServiceV1.ListMedicalGroupsRequest.fromPartial({ cityId });
    return this.call(caller, this.organisation, this.organisation.listMedicalGroups, request);
  }

  getInstitution(caller: Identity, id: string) {
    const request = organisationServiceV1.GetInstitutionRequest.fromPartial({ id });
    return this.call(caller, this.organisation, this.organisation.getInstitution, request);
  }

  searchInstitutions(caller: Identity, request: organisationServiceV1.SearchInstitutionsRequest) {
    return this.call(caller, this.organisation, this.organisation.searchInstitutions, request);
  }

  registerInstitution(caller: Identity, request: organisationServiceV1.RegisterInstitutionRequest) {
    return this.call(caller, this.organisation, this.organisation.registerInstitution, request);
  }

  updateInstitution(caller: Identity, request: organisationServiceV1.UpdateInstitutionRequest) {
    return this.call(caller, this.organisation, this.organisation.updateInstitution, request);
  }

  createMedicalGroup(caller: Identity, request: organisationServiceV1.CreateMedicalGroupRequest) {
    return this.call(caller, this.organisation, this.organisation.createMedicalGroup, request);
  }

  addMembership(caller: Identity, request: organisationServiceV1.AddMembershipRequest) {
    return this.call(caller, this.organisation, this.organisation.addMembership, request);
  }

  removeMembership(caller: Identity, request: organisationServiceV1.RemoveMembershipRequest) {
    return this.call(caller, this.organisation, this.organisation.removeMembership, request);
  }

  searchPractitioners(caller: Identity, request: workforceServiceV1.SearchPractitionersRequest) {
    return this.call(caller, this.workforce, this.workforce.searchPractitioners, request);
  }

  createTeam(caller: Identity, request: workforceServiceV1.CreateTeamRequest) {
    return this.call(caller, this.workforce, this.workforce.createTeam, request);
  }

  addTeamMember(caller: Identity, request: workforceServiceV1.AddTeamMemberRequest) {
    return this.call(caller, this.workforce, this.workforce.addTeamMember, request);
  }

  removeTeamMember(caller: Identity, request: workforceServiceV1.RemoveTeamMemberRequest) {
    return this.call(caller, this.workforce, this.workforce.removeTeamMember, request);
  }

  getTeam(caller: Identity, id: string) {
    const request = workforceServiceV1.GetTeamRequest.fromPartial({ id });
    return this.call(caller, this.workforce, this.workforce.getTeam, request);
  }

  listTeams(caller: Identity, institutionId: string) {
    const request = workforceServiceV1.ListTeamsRequest.fromPartial({ institutionId });
    return this.call(caller, this.workforce, this.workforce.listTeams, request);
  }
}
