import { Injectable } from '@nestjs/common';
import { enrolmentServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer, readPurpose } from '@medgrid/grpc';
import { GetCoverageQuery } from '../../application/get-coverage/get-coverage.query';
import { GetCoverageUseCase } from '../../application/get-coverage/get-coverage.use-case';
import { LoadCoverageCommand } from '../../application/load-coverage/load-coverage.command';
import { LoadCoverageUseCase } from '../../application/load-coverage/load-coverage.use-case';
import { coverageLoadToProto, coverageToProto, rowFromProto } from '../../contracts/enrolment.proto-mapper';

/** medgrid.payment.v1.EnrolmentService. */
@Injectable()
export class EnrolmentGrpcController implements GrpcController {
  constructor(
    private readonly loadCoverage: LoadCoverageUseCase,
    private readonly getCoverage: GetCoverageUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.payment.v1.EnrolmentService', enrolmentServiceV1.EnrolmentServiceService, {
      // rpc LoadCoverage
      loadCoverage: async (r, { identity }) =>
        coverageLoadToProto(
          await this.loadCoverage.execute(
            identity,
            LoadCoverageCommand.create({ ...r, rows: r.rows.map(rowFromProto) }),
          ),
        ),
      // rpc GetCoverage
      getCoverage: async (r, { identity, metadata }) =>
        coverageToProto(
          await this.getCoverage.execute(
            identity,
            GetCoverageQuery.create({
              residentId: r.residentId,
              at: r.at,
              'x-purpose': readPurpose(metadata),
            }),
          ),
        ),
    });
  }
}
