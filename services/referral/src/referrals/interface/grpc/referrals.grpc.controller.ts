import { Inject, Injectable } from '@nestjs/common';
import { referralServiceV1, type referralV1 } from '@medgrid/contracts';
import { type CallContext, type GrpcController, type GrpcServer, readPurpose } from '@medgrid/grpc';
import { SERVICE_CONFIG } from '@medgrid/service';
import { type ReferralConfig } from '../../../config/referral.config';
import { AcceptReferralCommand } from '../../application/accept-referral/accept-referral.command';
import { AcceptReferralUseCase } from '../../application/accept-referral/accept-referral.use-case';
import { AcknowledgeReferralCommand } from '../../application/acknowledge-referral/acknowledge-referral.command';
import { AcknowledgeReferralUseCase } from '../../application/acknowledge-referral/acknowledge-referral.use-case';
import { CancelReferralCommand } from '../../application/cancel-referral/cancel-referral.command';
import { CancelReferralUseCase } from '../../application/cancel-referral/cancel-referral.use-case';
import { CloseReferralCommand } from '../../application/close-referral/close-referral.command';
import { CloseReferralUseCase } from '../../application/close-referral/close-referral.use-case';
import { CreateReferralCommand } from '../../application/create-referral/create-referral.command';
import { CreateReferralUseCase } from '../../application/create-referral/create-referral.use-case';
import { DeclineReferralCommand } from '../../application/decline-referral/decline-referral.command';
import { DeclineReferralUseCase } from '../../application/decline-referral/decline-referral.use-case';
import { GetReferralQuery } from '../../application/get-referral/get-referral.query';
import { GetReferralUseCase } from '../../application/get-referral/get-referral.use-case';
import { IssueDownwardCommand } from '../../application/issue-downward/issue-downward.command';
import { IssueDownwardUseCase } from '../../application/issue-downward/issue-downward.use-case';
import { GetReferralStatisticsQuery } from '../../application/get-referral-statistics/get-referral-statistics.query';
import { GetReferralStatisticsUseCase } from '../../application/get-referral-statistics/get-referral-statistics.use-case';
import { ListReferralsQuery } from '../../application/list-referrals/list-referrals.query';
import { ListReferralsUseCase } from '../../application/list-referrals/list-referrals.use-case';
import { RecordArrivalCommand } from '../../application/record-arrival/record-arrival.command';
import { RecordArrivalUseCase } from '../../application/record-arrival/record-arrival.use-case';
import { RecordCompletionCommand } from '../../application/record-completion/record-completion.command';
import { RecordCompletionUseCase } from '../../application/record-completion/record-completion.use-case';
import { RecordFollowUpCommand } from '../../application/record-follow-up/record-follow-up.command';
import { RecordFollowUpUseCase } from '../../application/record-follow-up/record-follow-up.use-case';
import { SubmitReferralCommand } from '../../application/submit-referral/submit-referral.command';
import { SubmitReferralUseCase } from '../../application/submit-referral/submit-referral.use-case';
import { WatchReferralsQuery } from '../../application/watch-referrals/watch-referrals.query';
import { WatchReferralsUseCase } from '../../application/watch-referrals/watch-referrals.use-case';
import { type ReferralSnapshot } from '../../domain/referral';
import {
  continuityToProto,
  directionFromProto,
  directionToProto,
  historyEntryToProto,
  referralToProto,
  resultKindFromProto,
  statusFromProto,
  treatmentPlanFromProto,
} from '../../contracts/referral.proto-mapper';

function resultsFromProto(results: referralV1.ResultReference[]) {
  return results.map((r) => ({
    kind: resultKindFromProto(r.kind),
    resultId: r.resultId,
    summary: r.summary,
  }));
}

/** Every write of a referral answers the referral as it is after it. */
const answer = async (referral: Promise<ReferralSnapshot>) => ({ referral: referralToProto(await referral) });

/** medgrid.referral.v1.ReferralService: maps in, calls a use case, maps out. */
@Injectable()
export class ReferralsGrpcController implements GrpcController {
  constructor(
    private readonly createReferral: CreateReferralUseCase,
    private readonly submitReferral: SubmitReferralUseCase,
    private readonly acceptReferral: AcceptReferralUseCase,
    private readonly declineReferral: DeclineReferralUseCase,
    private readonly cancelReferral: CancelReferralUseCase,
    private readonly recordArrival: RecordArrivalUseCase,
    private readonly recordCompletion: RecordCompletionUseCase,
    private readonly issueDownward: IssueDownwardUseCase,
    private readonly acknowledgeReferral: AcknowledgeReferralUseCase,
    private readonly recordFollowUp: RecordFollowUpUseCase,
    private readonly closeReferral: CloseReferralUseCase,
    private readonly getReferral: GetReferralUseCase,
    private readonly listReferrals: ListReferralsUseCase,
    private readonly referralStatistics: GetReferralStatisticsUseCase,
    private readonly watchReferrals: WatchReferralsUseCase,
    @Inject(SERVICE_CONFIG) private readonly config: ReferralConfig,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.referral.v1.ReferralService', referralServiceV1.ReferralServiceService, {
      // rpc CreateReferral
      createReferral: (request, { identity }) => {
        const command = CreateReferralCommand.create({
          ...request,
          direction: directionFromProto(request.direction),
          results: resultsFromProto(request.results),
        });
        return answer(this.createReferral.execute(identity, command));
      },
      // rpc SubmitReferral
      submitReferral: (request, { identity }) =>
        answer(this.submitReferral.execute(identity, SubmitReferralCommand.create(request))),
      // rpc AcceptReferral
      acceptReferral: (request, { identity }) =>
        answer(this.acceptReferral.execute(identity, AcceptReferralCommand.create(request))),
      // rpc DeclineReferral
      declineReferral: (request, { identity }) =>
        answer(this.declineReferral.execute(identity, DeclineReferralCommand.create(request))),
      // rpc CancelReferral
      cancelReferral: (request, { identity }) =>
        answer(this.cancelReferral.execute(identity, CancelReferralCommand.create(request))),
      // rpc RecordArrival
      recordArrival: (request, { identity }) =>
        answer(this.recordArrival.execute(identity, RecordArrivalCommand.create(request))),
      // rpc RecordCompletion
      recordCompletion: (request, { identity }) =>
        answer(this.recordCompletion.execute(identity, RecordCompletionCommand.create(request))),
      // rpc IssueDownwardReferral
      issueDownwardReferral: (request, { identity }) => {
        const command = IssueDownwardCommand.create({
          ...request,
          treatmentPlan: treatmentPlanFromProto(request.treatmentPlan),
          results: resultsFromProto(request.results),
        });
        return answer(this.issueDownward.execute(identity, command));
      },
      // rpc AcknowledgeReferral
      acknowledgeReferral: (request, { identity }) =>
        answer(this.acknowledgeReferral.execute(identity, AcknowledgeReferralCommand.create(request))),
      // rpc RecordFollowUp
      recordFollowUp: (request, { identity }) =>
        answer(this.recordFollowUp.execute(identity, RecordFollowUpCommand.create(request))),
      // rpc CloseReferral
      closeReferral: (request, { identity }) =>
        answer(this.closeReferral.execute(identity, CloseReferralCommand.create(request))),
      // rpc GetReferral; the purpose of the read comes from the x-purpose metadata.
      getReferral: async (request, { identity, metadata }) => {
        const query = GetReferralQuery.create({ id: request.id, 'x-purpose': readPurpose(metadata) });
        const { referral, history, continuity } = await this.getReferral.execute(identity, query);
        return {
          referral: { ...referralToProto(referral), continuity: continuityToProto(continuity) },
          history: history.map(historyEntryToProto),
        };
      },
      // rpc ListReferrals
      listReferrals: async (request, { identity, metadata }) => {
        const query = ListReferralsQuery.create({
          ...request,
          status: statusFromProto(request.status),
          direction: directionFromProto(request.direction),
          'x-purpose': readPurpose(metadata),
        });
        const page = await this.listReferrals.execute(identity, query);
        return { referrals: page.referrals.map(referralToProto), nextPageToken: page.nextPageToken };
      },
      // rpc GetReferralStatistics
      getReferralStatistics: async (request, { identity }) => {
        const query = GetReferralStatisticsQuery.create(request);
        const figures = await this.referralStatistics.execute(identity, query);
        return {
          figures: figures.map((row) => ({ ...row, direction: directionToProto(row.direction) })),
        };
      },
      // rpc WatchReferrals (server stream): every change the caller may see, until it hangs up.
      watchReferrals: (request, context) => this.watch(request, context),
    });
  }

  private async *watch(
    request: referralServiceV1.WatchReferralsRequest,
    { identity, metadata, signal }: CallContext,
  ): AsyncGenerator<referralServiceV1.WatchReferralsResponse> {
    const query = WatchReferralsQuery.create({
      afterSeq: Number(request.afterSeq),
      'x-purpose': readPurpose(metadata),
    });
    const listening = { signal, pollMs: this.config.WATCH_POLL_MS };
    for await (const { entry, referral } of this.watchReferrals.execute(identity, query, listening)) {
      yield { change: historyEntryToProto(entry), referral: referralToProto(referral) };
    }
  }
}
