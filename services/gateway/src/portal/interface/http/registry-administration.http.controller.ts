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
import { AppError } from '@medgrid/errors';
import { CsrfGuard } from '../../../accounts/interface/http/csrf.guard';
import { SessionGuard, type SignedInRequest } from '../../../accounts/interface/http/session.guard';
import { UserThrottlerGuard } from '../../../accounts/interface/http/user-throttler.guard';
import { ServiceCallers } from '../../application/service-callers';
import { RegistryGrpcClient } from '../../infrastructure/grpc-client/registry.grpc-client';

type Json = Record<string, unknown>;

/** A generated message's JSON reader and its encoder (which refuses what the wire cannot carry). */
interface MessageType<T> {
  fromJSON(object: unknown): T;
  encode(message: T): { finish(): Uint8Array };
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const count = (value: unknown) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : 0);

/**
 * A version as the body sent it, or 0 when it is no whole number (the registry then names
 * expectedVersion as missing, where the encoder would have thrown on a fraction or a word).
 */
const version = (value: unknown) => {
  const read = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof read === 'number' && Number.isSafeInteger(read) && read >= 0 ? read : 0;
};

/**
 * The request a body stands for, as proto3 JSON reads it. A body the message cannot hold (a
 * member that is not an object, a number too large for its field) is the caller's mistake: 400,
 * not the encoder's exception as a 500.
 */
function requestOf<T>(type: MessageType<T>, body: unknown, path: Json = {}): T {
  const json: Json = { ...(typeof body === 'object' && body !== null ? (body as Json) : {}), ...path };
  try {
    const request = type.fromJSON(json);
    type.encode(request).finish();
    return request;
  } catch {
    throw new AppError('invalid-argument', 'MALFORMED_REQUEST', 'the body is not a request of this endpoint');
  }
}

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
    const answer = await this.registry.registerInstitution(
      await this.callers.identityOf(request.portal.user),
      register,
    );
    return organisationServiceV1.RegisterInstitutionResponse.toJSON(answer);
  }

  /** GetInstitution. */
  @Get('institutions/:id')
  @ApiOperation({ summary: 'One institution with its credit code and version (registry GetInstitution)' })
  async institution(@Req() request: SignedInRequest, @Param('id') id: string): Promise<unknown> {
    const answer = await this.registry.getInstitution(await this.callers.identityOf(request.portal.user), id);
    return organisationServiceV1.GetInstitutionResponse.toJSON(answer);
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
    const answer = await this.registry.updateInstitution(
      await this.callers.identityOf(request.portal.user),
      update,
    );
    return organisationServiceV1.UpdateInstitutionResponse.toJSON(answer);
  }

  /** CreateMedicalGroup. */
  @Post('groups')
  @ApiOperation({
    summary:
      'Creates the medical group of a grid (registry CreateMedicalGroup; city operators): { clientRequestId, gridId, name }',
  })
  async createGroup(@Req() request: SignedInRequest, @Body() body: unknown): Promise<unknown> {
    const create = requestOf(organisationServiceV1.CreateMedicalGroupRequest, body);
    const answer = await this.registry.createMedicalGroup(
      await this.callers.identityOf(request.portal.user),
      create,
    );
    return organisationServiceV1.CreateMedicalGroupResponse.toJSON(answer);
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
    const answer = await this.registry.addMembership(await this.callers.identityOf(request.portal.user), add);
    return organisationServiceV1.AddMembershipResponse.toJSON(answer);
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
    const answer = await this.registry.removeMembership(
      await this.callers.identityOf(request.portal.user),
      remove,
    );
    return organisationServiceV1.RemoveMembershipResponse.toJSON(answer);
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
    const answer = await this.registry.searchPractitioners(
      await this.callers.identityOf(request.portal.user),
      search,
    );
    return workforceServiceV1.SearchPractitionersResponse.toJSON(answer);
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
    const answer = await this.registry.listTeams(
      await this.callers.identityOf(request.portal.user),
      text(institutionId),
    );
    return workforceServiceV1.ListTeamsResponse.toJSON(answer);
  }

  /** CreateTeam. */
  @Post('teams')
  @ApiOperation({
    summary:
      'Forms a family-doctor team at a primary institution of a group (registry CreateTeam; those who act for the institution): { clientRequestId, institutionId, name, members: [{ practitionerId, role }] }, a general practitioner among them',
  })
  async createTeam(@Req() request: SignedInRequest, @Body() body: unknown): Promise<unknown> {
    const create = requestOf(workforceServiceV1.CreateTeamRequest, body);
    const answer = await this.registry.createTeam(await this.callers.identityOf(request.portal.user), create);
    return workforceServiceV1.CreateTeamResponse.toJSON(answer);
  }

  /** GetTeam. */
  @Get('teams/:id')
  @ApiOperation({ summary: 'One family-doctor team with its members (registry GetTeam)' })
  async team(@Req() request: SignedInRequest, @Param('id') id: string): Promise<unknown> {
    const answer = await this.registry.getTeam(await this.callers.identityOf(request.portal.user), id);
    return workforceServiceV1.GetTeamResponse.toJSON(answer);
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
    const answer = await this.registry.addTeamMember(await this.callers.identityOf(request.portal.user), add);
    return workforceServiceV1.AddTeamMemberResponse.toJSON(answer);
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
    const answer = await this.registry.removeTeamMember(
      await this.callers.identityOf(request.portal.user),
      remove,
    );
    return workforceServiceV1.RemoveTeamMemberResponse.toJSON(answer);
  }
}
