import { Injectable } from '@nestjs/common';
import { paymentServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { DescribeServiceUseCase } from '../../application/describe-service/describe-service.use-case';
import { serviceInfoToProto } from '../../contracts/service-info.proto-mapper';

/** medgrid.payment.v1.PaymentService. */
@Injectable()
export class ServiceInfoGrpcController implements GrpcController {
  constructor(private readonly describeService: DescribeServiceUseCase) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.payment.v1.PaymentService', paymentServiceV1.PaymentServiceService, {
      // rpc DescribePaymentService
      describePaymentService: async (_request, { identity }) =>
        serviceInfoToProto(await this.describeService.execute(identity)),
    });
  }
}
