import { Injectable } from '@nestjs/common';
import { continuityServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer, readPurpose } from '@medgrid/grpc';
import { GetContinuityAssessmentQuery } from '../../application/get-continuity-assessment/get-continuity-assessment.query';
import { GetContinuityAssessmentUseCase } from '../../application/get-continuity-assessment/get-continuity-assessment.use-case';
import { continuityAssessmentToProto } from '../../contracts/continuity.proto-mapper';

/** medgrid.pharmacy.v1.ContinuityService. */
@Injectable()
export class ContinuityGrpcController implements GrpcController {
  constructor(private readonly getAssessment: GetContinuityAssessmentUseCase) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.pharmacy.v1.ContinuityService', continuityServiceV1.ContinuityServiceService, {
      // rpc GetContinuityAssessment; the purpose of the read comes from the x-purpose metadata.
      getContinuityAssessment: async (r, { identity, metadata }) => {
        const assessment = await this.getAssessment.execute(
          identity,
          GetContinuityAssessmentQuery.create({
            referralId: r.referralId,
            'x-purpose': readPurpose(metadata),
          }),
        );
        return { assessment: continuityAssessmentToProto(assessment) };
      },
    });
  }
}
