import { Body, Controller, Get, Headers, Param, Put, Query, Req, Sse, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type MessageEvent } from '@nestjs/common';
import {
  organisationServiceV1,
  referralServiceV1,
  reportServiceV1,
  scheduleServiceV1,
} from '@medgrid/contracts';
import { Observable } from 'rxjs';
import { CsrfGuard } from '../../../accounts/interface/http/csrf.guard';
import { SessionGuard, type SignedInRequest } from '../../../accounts/interface/http/session.guard';
import { UserThrottlerGuard } from '../../../accounts/interface/http/user-throttler.guard';
import { count, text } from '../../../common/proto-json-request';
import { ServiceCallers } from '../../application/service-callers';
import { ReferralGrpcClient } from '../../infrastructure/grpc-client/referral.grpc-client';
import { RegistryGrpcClient } from '../../infrastructure/grpc-client/registry.grpc-client';
import { SchedulingGrpcClient } from '../../infrastructure/grpc-client/scheduling.grpc-client';

/**
 * The portal's data, read and changed through the services as the signed-in user: proto3 JSON in
 * and out (camelCase, enums by name, instants in ISO 8601). The services decide what the user may
 * see; a refusal reaches the browser as the API's error shape.
 */
@ApiTags('portal')
@ApiCookieAuth()
@Controller('api')
@UseGuards(SessionGuard, UserThrottlerGuard, CsrfGuard)
export class PortalHttpController {
  constructor(
    private readonly callers: ServiceCallers,
    private readonly registry: RegistryGrpcClient,
    private readonly referrals: ReferralGrpcClient,
    private readonly scheduling: SchedulingGrpcClient,
  ) {}

  @Get('registry/grids')
  @ApiOperation({ summary: "The grids of the user's city (registry ListGrids)" })
  async grids(@Req() request: SignedInRequest): Promise<unknown> {
    const user = request.portal.user;
    const answer = await this.registry.listGrids(await this.callers.identityOf(user), user.cityId);
    return organisationServiceV1.ListGridsResponse.toJSON(answer);
  }

  @Get('registry/groups')
  @ApiOperation({
    summary:
      "The medical groups of the user's city with their members (registry ListMedicalGroups); group-bound users: their own",
  })
  async groups(@Req() request: SignedInRequest): Promise<unknown> {
    const user = request.portal.user;
    const answer = await this.registry.listMedicalGroups(await this.callers.identityOf(user), user.cityId);
    const groups =
      user.role === 'city-operator' ? answer.groups : answer.groups.filter((g) => g.id === user.groupId);
    return organisationServiceV1.ListMedicalGroupsResponse.toJSON({ groups });
  }

  @Get('registry/groups/:id')
  @ApiOperation({
    summary: 'A medical group with its members (registry GetMedicalGroup); group-bound users: their own',
  })
  async group(@Req() request: SignedInRequest, @Param('id') id: string): Promise<unknown> {
    const user = request.portal.user;
    const groupId = this.callers.scopedGroupId(user, id);
    const answer = await this.registry.getMedicalGroup(await this.callers.identityOf(user), groupId);
    return organisationServiceV1.GetMedicalGroupResponse.toJSON(answer);
  }

  @Get('registry/institutions')
  @ApiOperation({
    summary: "Institutions of the user's scope (registry SearchInstitutions): a group-bound user's group",
  })
  async institutions(
    @Req() request: SignedInRequest,
    @Query() query: Record<string, unknown>,
  ): Promise<unknown> {
    const user = request.portal.user;
    const search = organisationServiceV1.SearchInstitutionsRequest.fromPartial({
      nameContains: text(query.nameContains),
      gridId: text(query.gridId),
      groupId: this.callers.scopedGroupId(user, text(query.groupId) || undefined),
      pageSize: count(query.pageSize),
      pageToken: text(query.pageToken),
    });
    const answer = await this.registry.searchInstitutions(await this.callers.identityOf(user), search);
    return organisationServiceV1.SearchInstitutionsResponse.toJSON(answer);
  }

  @Get('referrals')
  @ApiOperation({ summary: 'Referrals the user may see, newest first (referral ListReferrals)' })
  async referralList(
    @Req() request: SignedInRequest,
    @Query() query: Record<string, unknown>,
  ): Promise<unknown> {
    const list = referralServiceV1.ListReferralsRequest.fromJSON({
      institutionId: text(query.institutionId),
      patientResidentId: text(query.patientResidentId),
      status: text(query.status) || undefined,
      direction: text(query.direction) || undefined,
      overdueOnly: query.overdueOnly === 'true',
      pageSize: count(query.pageSize),
      pageToken: text(query.pageToken),
    });
    const answer = await this.referrals.listReferrals(
      await this.callers.identityOf(request.portal.user),
      list,
    );
    return referralServiceV1.ListReferralsResponse.toJSON(answer);
  }

  @Sse('referrals/events')
  @ApiOperation({
    summary: 'Live changes of the referrals the user may see, as server-sent events (WatchReferrals)',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this history position' })
  async referralEvents(
    @Req() request: SignedInRequest,
    @Headers('last-event-id') lastEventId?: string,
  ): Promise<Observable<MessageEvent>> {
    const stream = await this.referrals.watchReferrals(
      await this.callers.identityOf(request.portal.user),
      count(lastEventId),
    );
    // The stream ends when the session would, so a reconnecting EventSource is checked again.
    const endsInMs = Math.max(1000, Math.min(request.portal.endsAt.getTime() - Date.now(), 10 * 60_000));
    return new Observable<MessageEvent>((subscriber) => {
      const timer = setTimeout(() => stream.cancel(), endsInMs);
      stream.on('data', (change: referralServiceV1.WatchReferralsResponse) =>
        subscriber.next({
          id: String(change.change?.seq ?? ''),
          type: 'referral',
          data: referralServiceV1.WatchReferralsResponse.toJSON(change) as object,
        }),
      );
      stream.on('error', () => subscriber.complete());
      stream.on('end', () => subscriber.complete());
      return () => {
        clearTimeout(timer);
        stream.cancel();
      };
    });
  }

  @Get('referrals/:id')
  @ApiOperation({ summary: 'One referral with its timeline, oldest first (referral GetReferral)' })
  async referral(@Req() request: SignedInRequest, @Param('id') id: string): Promise<unknown> {
    const answer = await this.referrals.getReferral(await this.callers.identityOf(request.portal.user), id);
    return referralServiceV1.GetReferralResponse.toJSON(answer);
  }

  @Get('reserve-policies/:institutionId')
  @ApiOperation({
    summary: "A hospital's reserve ratios with the city's floors (scheduling GetReservePolicy)",
  })
  async reservePolicy(
    @Req() request: SignedInRequest,
    @Param('institutionId') institutionId: string,
  ): Promise<unknown> {
    const answer = await this.scheduling.getReservePolicy(
      await this.callers.identityOf(request.portal.user),
      institutionId,
    );
    return scheduleServiceV1.GetReservePolicyResponse.toJSON(answer);
  }

  @Get('reports/daily/:institutionId')
  @ApiOperation({
    summary:
      "A hospital's slots and beds of one local date against its reserve targets (scheduling GetDailyReport); ?date=YYYY-MM-DD, today when absent",
  })
  async dailyReport(
    @Req() request: SignedInRequest,
    @Param('institutionId') institutionId: string,
    @Query('date') date?: string,
  ): Promise<unknown> {
    const answer = await this.scheduling.getDailyReport(
      await this.callers.identityOf(request.portal.user),
      institutionId,
      text(date),
    );
    return reportServiceV1.GetDailyReportResponse.toJSON(answer);
  }

  @Put('reserve-policies/:institutionId')
  @ApiOperation({
    summary:
      "Changes a hospital's reserve ratios (scheduling SetReservePolicy); overrideReason below the floor",
  })
  async changeReservePolicy(
    @Req() request: SignedInRequest,
    @Param('institutionId') institutionId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<unknown> {
    const change = scheduleServiceV1.SetReservePolicyRequest.fromJSON({ ...body, institutionId });
    const answer = await this.scheduling.setReservePolicy(
      await this.callers.identityOf(request.portal.user),
      change,
    );
    return scheduleServiceV1.SetReservePolicyResponse.toJSON(answer);
  }
}
