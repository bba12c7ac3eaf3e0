import { Injectable } from '@nestjs/common';
import { labSharingServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { DescribeServiceUseCase } from '../../application/describe-service/describe-service.use-case';
import { serviceInfoToProto } from '../../contracts/service-info.proto-mapper';

/** medgrid.lab_sharing.v1.LabSharingService. */
@Injectable()
export class ServiceInfoGrpcController implements GrpcController {
  constructor(private readonly describeService: DescribeServiceUseCase) {}

  register(server: GrpcServer): void {
    server.addService(
      'medgrid.lab_sharing.v1.LabSharingService',
      labSharingServiceV1.LabSharingServiceService,
      {
        // rpc DescribeLabSharingService
        describeLabSharingService: async (_request, { identity }) =>
          serviceInfoToProto(await this.describeService.execute(identity)),
      },
    );
  }
}
