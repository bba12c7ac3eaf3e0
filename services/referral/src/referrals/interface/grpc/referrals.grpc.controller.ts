import { Inject, Injectable } from '@nestjs/common';
import { referralServiceV1, referralV1 } from '@medgrid/contracts';
import { type CallContext, type GrpcController, type GrpcServer, readPurpose } from '@medgrid/grpc';
import { SERVICE_CONFIG } from '@medgrid/service';
import { type ReferralConfig } from '../../../config/referral.config';
import { CreateReferralCommand } from '../../application/create-referral/create-referral.command';
import { CreateReferralUseCase } from '../../application/create-referral/create-referral.use-case';
import { IssueDownwardCommand } from '../../application/issue-downward/issue-downward.command';
import { IssueDownwardUseCase } from '../../application/issue-downward/issue-downward.use-case';
import { ReferralQueries } from '../../application/queries/referral-queries';
import {
  type ReferralStep,
  ReferralStepCommand,
  STEP_TEXT_FIELD,
} from '../../application/referral-steps/referral-step.command';
import { ReferralStepsUseCase } from '../../application/referral-steps/referral-steps.use-case';
import {
  directionFromProto,
  historyEntryToProto,
  referralToProto,
  resultKindFromProto,
  statusFromProto,
  treatmentPlanFromProto,
} from '../../contracts/referral.proto-mapper';

/** Any step's request: ids, and its text in the one field STEP_TEXT_FIELD names for the step. */
type StepRequest = {
  clientRequestId: string;
  id: string;
  note?: string;
  reason?: string;
  findings?: string;
};

function resultsFromProto(results: referralV1.ResultReference[]) {
  return results.map((r) => ({
    kind: resultKindFromProto(r.kind),
    resultId: r.resultId,
    summary: r.summary,
  }));
}

/** medgrid.referral.v1.ReferralService: maps in, calls a use case, maps out. */
@Injectable()
export class ReferralsGrpcController implements GrpcController {
  constructor(
    private readonly createReferral: CreateReferralUseCase,
    private readonly issueDownward: IssueDownwardUseCase,
    private readonly steps: ReferralStepsUseCase,
    private readonly queries: ReferralQueries,
    @Inject(SERVICE_CONFIG) private readonly config: ReferralConfig,
  ) {}

  register(server: GrpcServer): void {
    // A step's text comes from the field its request declares (note, reason or findings).
    const step =
      (name: ReferralStep) =>
      async (request: StepRequest, { identity }: CallContext) => {
        const command = ReferralStepCommand.create(identity, name, {
          clientRequestId: request.clientRequestId,
          id: request.id,
          note: request[STEP_TEXT_FIELD[name]] ?? '',
        });
        return { referral: referralToProto(await this.steps.execute(command)) };
      };
    server.addService('medgrid.referral.v1.ReferralService', referralServiceV1.ReferralServiceService, {
      // rpc CreateReferral
      createReferral: async (request, { identity }) => {
        const command = CreateReferralCommand.create(identity, {
          ...request,
          direction: directionFromProto(request.direction),
          results: resultsFromProto(request.results),
        });
        return { referral: referralToProto(await this.createReferral.execute(command)) };
      },
      submitReferral: step('submit'),
      acceptReferral: step('accept'),
      declineReferral: step('decline'),
      cancelReferral: step('cancel'),
      recordArrival: step('arrive'),
      recordCompletion: step('complete'),
      acknowledgeReferral: step('receive'),
      recordFollowUp: step('record-follow-up'),
      closeReferral: step('close'),
      // rpc IssueDownwardReferral
      issueDownwardReferral: async (request, { identity }) => {
        const command = IssueDownwardCommand.create(identity, {
          ...request,
          treatmentPlan: treatmentPlanFromProto(request.treatmentPlan),
          results: resultsFromProto(request.results),
        });
        return { referral: referralToProto(await this.issueDownward.execute(command)) };
      },
      // rpc GetReferral; the purpose of the read comes from the x-purpose metadata.
      getReferral: async (request, { identity, metadata }) => {
        const { referral, history } = await this.queries.get(identity, request.id, readPurpose(metadata));
        return { referral: referralToProto(referral), history: history.map(historyEntryToProto) };
      },
      // rpc ListReferrals
      listReferrals: async (request, { identity, metadata }) => {
        const page = await this.queries.list(identity, {
          institutionId: request.institutionId,
          patientResidentId: request.patientResidentId,
          status: statusFromProto(request.status),
          direction: directionFromProto(request.direction),
          createdFrom: request.createdFrom,
          createdTo: request.createdTo,
          overdueOnly: request.overdueOnly,
          pageSize: request.pageSize,
          pageToken: request.pageToken,
          purpose: readPurpose(metadata),
        });
        return { referrals: page.referrals.map(referralToProto), nextPageToken: page.nextPageToken };
      },
      // rpc WatchReferrals (server stream): every change the caller may see, until it hangs up.
      watchReferrals: (request, { identity, metadata, signal }) =>
        this.watch(request, identity, metadata, signal),
    });
  }

  private async *watch(
    request: referralServiceV1.WatchReferralsRequest,
    identity: CallContext['identity'],
    metadata: CallContext['metadata'],
    signal: AbortSignal,
  ): AsyncGenerator<referralServiceV1.WatchReferralsResponse> {
    const changes = this.queries.watch(
      identity,
      Number(request.afterSeq),
      readPurpose(metadata),
      signal,
      this.config.WATCH_POLL_MS,
    );
    for await (const { entry, referral } of changes) {
      yield { change: historyEntryToProto(entry), referral: referralToProto(referral) };
    }
  }
}
