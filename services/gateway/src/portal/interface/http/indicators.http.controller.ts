import { Controller, Get, Query, Req, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  claimServiceV1,
  prescribingServiceV1,
  recognitionServiceV1,
  referralServiceV1,
} from '@medgrid/contracts';
import { CsrfGuard } from '../../../accounts/interface/http/csrf.guard';
import { SessionGuard, type SignedInRequest } from '../../../accounts/interface/http/session.guard';
import { UserThrottlerGuard } from '../../../accounts/interface/http/user-throttler.guard';
import { requiredInstant, text } from '../../../common/proto-json-request';
import { ServiceCallers } from '../../application/service-callers';
import { LabSharingGrpcClient } from '../../infrastructure/grpc-client/lab-sharing.grpc-client';
import { PaymentGrpcClient } from '../../infrastructure/grpc-client/payment.grpc-client';
import { PharmacyGrpcClient } from '../../infrastructure/grpc-client/pharmacy.grpc-client';
import { ReferralGrpcClient } from '../../infrastructure/grpc-client/referral.grpc-client';

/**
 * The city's indicators that the services count (docs/domain.md section 8), read as the signed-in user: each
 * service decides which groups the user may see, and the gateway passes its figures on as proto3 JSON.
 */
@ApiTags('indicators')
@ApiCookieAuth()
@Controller('api/indicators')
@UseGuards(SessionGuard, UserThrottlerGuard, CsrfGuard)
export class IndicatorsHttpController {
  constructor(
    private readonly callers: ServiceCallers,
    private readonly labSharing: LabSharingGrpcClient,
    private readonly pharmacy: PharmacyGrpcClient,
    private readonly payment: PaymentGrpcClient,
    private readonly referrals: ReferralGrpcClient,
  ) {}

  @Get('referrals')
  @ApiOperation({
    summary:
      'Referrals sent per local month, group and direction, with the 48-hour outcome: volumes, growth and trend (referral GetReferralStatistics)',
  })
  @ApiQuery({ name: 'from', description: 'First day, YYYY-MM-DD (Asia/Shanghai)' })
  @ApiQuery({ name: 'until', description: 'Last day, YYYY-MM-DD, inclusive' })
  @ApiQuery({ name: 'groupId', required: false })
  @ApiQuery({ name: 'institutionId', required: false })
  async referralStatistics(
    @Req() request: SignedInRequest,
    @Query() query: Record<string, unknown>,
  ): Promise<unknown> {
    const user = request.portal.user;
    const statistics = referralServiceV1.GetReferralStatisticsRequest.fromPartial({
      from: text(query.from),
      until: text(query.until),
      institutionId: text(query.institutionId),
      groupId: this.callers.scopedGroupId(user, text(query.groupId) || undefined),
    });
    const answer = await this.referrals.getReferralStatistics(
      await this.callers.identityOf(user),
      statistics,
    );
    return referralServiceV1.GetReferralStatisticsResponse.toJSON(answer);
  }

  @Get('first-contact')
  @ApiOperation({
    summary:
      'Where residents went first when ill: outpatient visits without a referral and the share at primary level (payment GetFirstContactStatistics)',
  })
  @ApiQuery({ name: 'from', description: 'First service date, YYYY-MM-DD' })
  @ApiQuery({ name: 'until', description: 'Last service date, YYYY-MM-DD, inclusive' })
  @ApiQuery({ name: 'groupId', required: false })
  async firstContact(
    @Req() request: SignedInRequest,
    @Query() query: Record<string, unknown>,
  ): Promise<unknown> {
    const user = request.portal.user;
    const answer = await this.payment.getFirstContactStatistics(
      await this.callers.identityOf(user),
      text(query.from),
      text(query.until),
      this.callers.scopedGroupId(user, text(query.groupId) || undefined),
    );
    return claimServiceV1.GetFirstContactStatisticsResponse.toJSON(answer);
  }

  @Get('recognition')
  @ApiOperation({
    summary:
      'Mutual recognition since an instant: look-ups, results reused (repeat tests avoided) and the rate (lab-sharing GetRecognitionStatistics)',
  })
  @ApiQuery({ name: 'since', description: 'ISO 8601 instant' })
  @ApiQuery({ name: 'groupId', required: false })
  async recognition(
    @Req() request: SignedInRequest,
    @Query() query: Record<string, unknown>,
  ): Promise<unknown> {
    const user = request.portal.user;
    const since = requiredInstant(query.since, 'since');
    const answer = await this.labSharing.getRecognitionStatistics(
      await this.callers.identityOf(user),
      since,
      this.callers.scopedGroupId(user, text(query.groupId) || undefined),
    );
    return recognitionServiceV1.GetRecognitionStatisticsResponse.toJSON(answer);
  }

  @Get('prescribing')
  @ApiOperation({
    summary:
      'Prescribing over local days: essential-medicine and volume-based shares, long prescriptions (pharmacy GetPrescribingStatistics)',
  })
  @ApiQuery({ name: 'from', description: 'First day, YYYY-MM-DD (Asia/Shanghai)' })
  @ApiQuery({ name: 'until', description: 'Last day, YYYY-MM-DD, inclusive' })
  @ApiQuery({ name: 'groupId', required: false })
  @ApiQuery({ name: 'institutionId', required: false })
  async prescribing(
    @Req() request: SignedInRequest,
    @Query() query: Record<string, unknown>,
  ): Promise<unknown> {
    const user = request.portal.user;
    const statistics = prescribingServiceV1.GetPrescribingStatisticsRequest.fromPartial({
      from: text(query.from),
      until: text(query.until),
      institutionId: text(query.institutionId),
      groupId: this.callers.scopedGroupId(user, text(query.groupId) || undefined),
    });
    const answer = await this.pharmacy.getPrescribingStatistics(
      await this.callers.identityOf(user),
      statistics,
    );
    return prescribingServiceV1.GetPrescribingStatisticsResponse.toJSON(answer);
  }
}
