import { Injectable } from '@nestjs/common';
import { gatewayServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { DescribeServiceUseCase } from '../../application/describe-service/describe-service.use-case';
import { serviceInfoToProto } from '../../contracts/service-info.proto-mapper';

/** medgrid.gateway.v1.GatewayService. */
@Injectable()
export class ServiceInfoGrpcController implements GrpcController {
  constructor(private readonly describeService: DescribeServiceUseCase) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.gateway.v1.GatewayService', gatewayServiceV1.GatewayServiceService, {
      // rpc DescribeGatewayService
      describeGatewayService: async (_request, { identity }) =>
        serviceInfoToProto(await this.describeService.execute(identity)),
    });
  }
}
