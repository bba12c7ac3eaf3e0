import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  UseGuards,
} from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { organisationServiceV1, workforceServiceV1 } from '@medgrid/contracts';
import { CsrfGuard } from '../../../accounts/interface/http/csrf.guard';
import { SessionGuard, type SignedInRequest } from '../../../accounts/interface/http/session.guard';
import { UserThrottlerGuard } from '../../../accounts/interface/http/user-throttler.guard';
import { count, requestOf, text } from '../../../common/proto-json-request';
import { ServiceCallers } from '../../application/service-callers';
import { RegistryGrpcClient } from '../../infrastructure/grpc-client/registry.grpc-client';

type Json = Record<string, unknown>;

/**
 * A version as the body sent it, or 0 when it is no whole number (the registry then names
 * expectedVersion as missing, where the encoder would have thrown on a fraction or a word).
 */
const version = (value: unknown) => {
  const read = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof read === 'number' && Number.isSafeInteger(read) && read >= 0 ? read : 0;
};

/** A removal's idempotency key: in the body, as on every write, or in the query where a client sends no body. */
const clientRequestIdOf = (body: unknown, query: Json) =>
  text((body as Json | undefined)?.clientRequestId) || text(query.clientRequestId);

/**
 * The registry's map of care administered from the portal as the signed-in user: institutions,
 * medical groups and their memberships, family-doctor teams and the practitioners they are formed
 * from. Proto3 JSON in and out; every write carries the client's clientRequestId (a retry is
 * answered as the first was). The registry decides who may do what (city operators the city's
 * map, a group's administrators their group and its institutions, an institution's staff its
 * teams); its refusals reach the browser as the API's error shape, field violations included.
 */
@ApiTags('registry administration')
@ApiCookieAuth()
@Controller('api/registry')
@UseGuards(SessionGuard, UserThrottlerGuard, CsrfGuard)
export class RegistryAdministrationHttpController {
  constructor(
    private readonly callers: ServiceCallers,
    private readonly registry: RegistryGrpcClient,
  ) {}

  /** RegisterInstitution. */
  @Post('institutions')
  @ApiOperation({
    summary:
      'Registers an institution in a grid (registry RegisterInstitution; city operators): { clientRequestId, creditCode, name, level, type, gridId, address }',
  })
  async registerInstitution(@Req() request: SignedInRequest, @Body() body: unknown): Promise<unknown> {
    const register = requestOf(organisationServiceV1.RegisterInstitutionRequest, body);
    return this.callers.answer(
      request.portal.user,
      organisationServiceV1.RegisterInstitutionResponse,
      (caller) => this.registry.registerInstitution(caller, register),
    );
  }

  /** GetInstitution. */
  @Get('institutions/:id')
  @ApiOperation({ summary: 'One institution with its credit code and version (registry GetInstitution)' })
  async institution(@Req() request: SignedInRequest, @Param('id') id: string): Promise<unknown> {
    return this.callers.answer(request.portal.user, organisationServiceV1.GetInstitutionResponse, (caller) =>
      this.registry.getInstitution(caller, id),
    );
  }

  /** UpdateInstitution. */
  @Patch('institutions/:id')
  @ApiOperation({
    summary:
      "Changes an institution's name, level, type and address against the version read (registry UpdateInstitution; city operators, its group's administrators): { clientRequestId, expectedVersion, name, level, type, address }",
  })
  async updateInstitution(
    @Req() request: SignedInRequest,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<unknown> {
    const update = requestOf(organisationServiceV1.UpdateInstitutionRequest, body, {
      id,
      expectedVersion: version((body as Json | undefined)?.expectedVersion),
    });
    return this.callers.answer(
      request.portal.user,
      organisationServiceV1.UpdateInstitutionResponse,
      (caller) => this.registry.updateInstitution(caller, update),
    );
  }

  /** CreateMedicalGroup. */
  @Post('groups')
  @ApiOperation({
    summary:
      'Creates the medical group of a grid (registry CreateMedicalGroup; city operators): { clientRequestId, gridId, name }',
  })
  async createGroup(@Req() request: SignedInRequest, @Body() body: unknown): Promise<unknown> {
    const create = requestOf(organisationServiceV1.CreateMedicalGroupRequest, body);
    return this.callers.answer(
      request.portal.user,
      organisationServiceV1.CreateMedicalGroupResponse,
      (caller) => this.registry.createMedicalGroup(caller, create),
    );
  }

  /** AddMembership. */
  @Post('groups/:id/members')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Adds an institution to a group as MEMBERSHIP_ROLE_LEAD, _MEMBER or _COLLABORATING (registry AddMembership; city operators, the group's administrators): { clientRequestId, institutionId, role }",
  })
  async addMember(
    @Req() request: SignedInRequest,
    @Param('id') groupId: string,
    @Body() body: unknown,
  ): Promise<unknown> {
    const add = requestOf(organisationServiceV1.AddMembershipRequest, body, { groupId });
    return this.callers.answer(request.portal.user, organisationServiceV1.AddMembershipResponse, (caller) =>
      this.registry.addMembership(caller, add),
    );
  }

  /** RemoveMembership. */
  @Delete('groups/:id/members/:institutionId')
  @ApiOperation({
    summary:
      "Removes an institution from a group (registry RemoveMembership; city operators, the group's administrators): { clientRequestId }",
  })
  async removeMember(
    @Req() request: SignedInRequest,
    @Param('id') groupId: string,
    @Param('institutionId') institutionId: string,
    @Body() body: unknown,
    @Query() query: Json,
  ): Promise<unknown> {
    const remove = organisationServiceV1.RemoveMembershipRequest.fromPartial({
      groupId,
      institutionId,
      clientRequestId: clientRequestIdOf(body, query),
    });
    return this.callers.answer(
      request.portal.user,
      organisationServiceV1.RemoveMembershipResponse,
      (caller) => this.registry.removeMembership(caller, remove),
    );
  }

  /** SearchPractitioners. */
  @Get('practitioners')
  @ApiOperation({
    summary:
      'Practitioners by name, home institution or specialty, by name (registry SearchPractitioners): ?nameContains&institutionId&specialtyCode&pageSize&pageToken',
  })
  async practitioners(@Req() request: SignedInRequest, @Query() query: Json): Promise<unknown> {
    const search = workforceServiceV1.SearchPractitionersRequest.fromPartial({
      nameContains: text(query.nameContains),
      institutionId: text(query.institutionId),
      specialtyCode: text(query.specialtyCode),
      pageSize: count(query.pageSize),
      pageToken: text(query.pageToken),
    });
    return this.callers.answer(
      request.portal.user,
      workforceServiceV1.SearchPractitionersResponse,
      (caller) => this.registry.searchPractitioners(caller, search),
    );
  }

  /** ListTeams. */
  @Get('teams')
  @ApiOperation({
    summary: 'The family-doctor teams of a primary institution (registry ListTeams): ?institutionId',
  })
  async teams(
    @Req() request: SignedInRequest,
    @Query('institutionId') institutionId?: string,
  ): Promise<unknown> {
    return this.callers.answer(request.portal.user, workforceServiceV1.ListTeamsResponse, (caller) =>
      this.registry.listTeams(caller, text(institutionId)),
    );
  }

  /** CreateTeam. */
  @Post('teams')
  @ApiOperation({
    summary:
      'Forms a family-doctor team at a primary institution of a group (registry CreateTeam; those who act for the institution): { clientRequestId, institutionId, name, members: [{ practitionerId, role }] }, a general practitioner among them',
  })
  async createTeam(@Req() request: SignedInRequest, @Body() body: unknown): Promise<unknown> {
    const create = requestOf(workforceServiceV1.CreateTeamRequest, body);
    return this.callers.answer(request.portal.user, workforceServiceV1.CreateTeamResponse, (caller) =>
      this.registry.createTeam(caller, create),
    );
  }

  /** GetTeam. */
  @Get('teams/:id')
  @ApiOperation({ summary: 'One family-doctor team with its members (registry GetTeam)' })
  async team(@Req() request: SignedInRequest, @Param('id') id: string): Promise<unknown> {
    return this.callers.answer(request.portal.user, workforceServiceV1.GetTeamResponse, (caller) =>
      this.registry.getTeam(caller, id),
    );
  }

  /** AddTeamMember. */
  @Post('teams/:id/members')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Adds a member to a team as TEAM_MEMBER_ROLE_GENERAL_PRACTITIONER, _SPECIALIST or _HEALTH_MANAGER (registry AddTeamMember): { clientRequestId, member: { practitionerId, role } }',
  })
  async addTeamMember(
    @Req() request: SignedInRequest,
    @Param('id') teamId: string,
    @Body() body: unknown,
  ): Promise<unknown> {
    const add = requestOf(workforceServiceV1.AddTeamMemberRequest, body, { teamId });
    return this.callers.answer(request.portal.user, workforceServiceV1.AddTeamMemberResponse, (caller) =>
      this.registry.addTeamMember(caller, add),
    );
  }

  /** RemoveTeamMember. */
  @Delete('teams/:id/members/:practitionerId')
  @ApiOperation({
    summary:
      'Removes a member from a team, which keeps a general practitioner (registry RemoveTeamMember): { clientRequestId }',
  })
  async removeTeamMember(
    @Req() request: SignedInRequest,
    @Param('id') teamId: string,
    @Param('practitionerId') practitionerId: string,
    @Body() body: unknown,
    @Query() query: Json,
  ): Promise<unknown> {
    const remove = workforceServiceV1.RemoveTeamMemberRequest.fromPartial({
      teamId,
      practitionerId,
      clientRequestId: clientRequestIdOf(body, query),
    });
    return this.callers.answer(request.portal.user, workforceServiceV1.RemoveTeamMemberResponse, (caller) =>
      this.registry.removeTeamMember(caller, remove),
    );
  }
}
