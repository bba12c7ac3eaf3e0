import { Body, Controller, Get, Header, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { settlementServiceV1 } from '@medgrid/contracts';
import { CsrfGuard } from '../../../accounts/interface/http/csrf.guard';
import { SessionGuard, type SignedInRequest } from '../../../accounts/interface/http/session.guard';
import { UserThrottlerGuard } from '../../../accounts/interface/http/user-throttler.guard';
import { ServiceCallers } from '../../application/service-callers';
import { PaymentGrpcClient } from '../../infrastructure/grpc-client/payment.grpc-client';

/**
 * Insurance settlement of a group's month (payment's SettlementService) as the signed-in user: city operators
 * start a run for the insurance administration, a group's administrators read their group's.
 */
@ApiTags('settlements')
@ApiCookieAuth()
@Controller('api/settlements')
@UseGuards(SessionGuard, UserThrottlerGuard, CsrfGuard)
export class SettlementsHttpController {
  constructor(
    private readonly callers: ServiceCallers,
    private readonly payment: PaymentGrpcClient,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      "Settles a group's month once it is over (StartSettlementRun): { clientRequestId, groupId, month: 'YYYY-MM' }",
  })
  async start(@Req() request: SignedInRequest, @Body() body: Record<string, unknown>): Promise<unknown> {
    const run = settlementServiceV1.StartSettlementRunRequest.fromJSON(body);
    const answer = await this.payment.startSettlementRun(
      await this.callers.identityOf(request.portal.user),
      run,
    );
    return settlementServiceV1.StartSettlementRunResponse.toJSON(answer);
  }

  @Get('runs/:runId')
  @ApiOperation({ summary: 'A settlement run with its ledger (GetSettlementRun)' })
  async run(@Req() request: SignedInRequest, @Param('runId') runId: string): Promise<unknown> {
    const answer = await this.payment.getSettlementRun(
      await this.callers.identityOf(request.portal.user),
      runId,
    );
    return settlementServiceV1.GetSettlementRunResponse.toJSON(answer);
  }

  @Get(':groupId/:month')
  @ApiOperation({
    summary: "A group's month as settled, with the insurance bureau's CSV (GetSettlementReport)",
  })
  async report(
    @Req() request: SignedInRequest,
    @Param('groupId') groupId: string,
    @Param('month') month: string,
  ): Promise<unknown> {
    const user = request.portal.user;
    const answer = await this.payment.getSettlementReport(
      await this.callers.identityOf(user),
      this.callers.scopedGroupId(user, groupId),
      month,
    );
    return settlementServiceV1.GetSettlementReportResponse.toJSON(answer);
  }

  @Get(':groupId/:month/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: "The insurance bureau's CSV of a group's settled month" })
  async csv(
    @Req() request: SignedInRequest,
    @Param('groupId') groupId: string,
    @Param('month') month: string,
  ): Promise<string> {
    const user = request.portal.user;
    const answer = await this.payment.getSettlementReport(
      await this.callers.identityOf(user),
      this.callers.scopedGroupId(user, groupId),
      month,
    );
    request.res?.setHeader(
      'Content-Disposition',
      `attachment; filename="settlement-${groupId}-${month}.csv"`,
    );
    return answer.csv;
  }
}
