import { Injectable } from '@nestjs/common';
import { claimServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer, readPurpose } from '@medgrid/grpc';
import { CorrectClaimCommand } from '../../application/correct-claim/correct-claim.command';
import { CorrectClaimUseCase } from '../../application/correct-claim/correct-claim.use-case';
import { GetClaimQuery } from '../../application/get-claim/get-claim.query';
import { GetClaimUseCase } from '../../application/get-claim/get-claim.use-case';
import { GetFirstContactStatisticsQuery } from '../../application/get-first-contact-statistics/get-first-contact-statistics.query';
import { GetFirstContactStatisticsUseCase } from '../../application/get-first-contact-statistics/get-first-contact-statistics.use-case';
import { SubmitClaimCommand } from '../../application/submit-claim/submit-claim.command';
import { SubmitClaimUseCase } from '../../application/submit-claim/submit-claim.use-case';
import { SubmitClaimsCommand } from '../../application/submit-claims/submit-claims.command';
import { SubmitClaimsUseCase } from '../../application/submit-claims/submit-claims.use-case';
import { type ClaimContent } from '../../application/claim-content';
import {
  claimContentFromProto,
  claimToProto,
  firstContactStatisticsToProto,
  refusalToProto,
} from '../../contracts/claim.proto-mapper';

/** medgrid.payment.v1.ClaimService. */
@Injectable()
export class ClaimGrpcController implements GrpcController {
  constructor(
    private readonly submitClaim: SubmitClaimUseCase,
    private readonly submitClaims: SubmitClaimsUseCase,
    private readonly correctClaim: CorrectClaimUseCase,
    private readonly getClaim: GetClaimUseCase,
    private readonly getFirstContactStatistics: GetFirstContactStatisticsUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.payment.v1.ClaimService', claimServiceV1.ClaimServiceService, {
      // rpc SubmitClaim
      submitClaim: async (r, { identity }) => ({
        claim: claimToProto(
          await this.submitClaim.execute(
            identity,
            SubmitClaimCommand.create({ ...r, claim: claimContentFromProto(r.claim) }),
          ),
        ),
      }),
      // rpc SubmitClaims
      submitClaims: async (r, { identity }) => {
        const outcomes = await this.submitClaims.execute(
          identity,
          SubmitClaimsCommand.create({
            ...r,
            claims: r.claims.map((claim) => claimContentFromProto(claim) as ClaimContent),
          }),
        );
        return {
          outcomes: outcomes.map((o) =>
            'claim' in o
              ? { index: o.index, claim: claimToProto(o.claim), refusal: undefined }
              : { index: o.index, claim: undefined, refusal: refusalToProto(o.refusal) },
          ),
        };
      },
      // rpc CorrectClaim
      correctClaim: async (r, { identity }) => ({
        claim: claimToProto(
          await this.correctClaim.execute(
            identity,
            CorrectClaimCommand.create({ ...r, claim: claimContentFromProto(r.claim) }),
          ),
        ),
      }),
      // rpc GetClaim
      getClaim: async (r, { identity, metadata }) => ({
        claim: claimToProto(
          await this.getClaim.execute(
            identity,
            GetClaimQuery.create({ ...r, 'x-purpose': readPurpose(metadata) }),
          ),
        ),
      }),
      // rpc GetFirstContactStatistics
      getFirstContactStatistics: async (r, { identity }) =>
        firstContactStatisticsToProto(
          await this.getFirstContactStatistics.execute(identity, GetFirstContactStatisticsQuery.create(r)),
        ),
    });
  }
}
