import { Injectable } from '@nestjs/common';
import { pharmacyServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { DescribeServiceUseCase } from '../../application/describe-service/describe-service.use-case';
import { serviceInfoToProto } from '../../contracts/service-info.proto-mapper';

/** medgrid.pharmacy.v1.PharmacyService. */
@Injectable()
export class ServiceInfoGrpcController implements GrpcController {
  constructor(private readonly describeService: DescribeServiceUseCase) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.pharmacy.v1.PharmacyService', pharmacyServiceV1.PharmacyServiceService, {
      // rpc DescribePharmacyService
      describePharmacyService: async (_request, { identity }) =>
        serviceInfoToProto(await this.describeService.execute(identity)),
    });
  }
}
