import { Injectable } from '@nestjs/common';
import { schedulingV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { GetSlotHoldRequestQuery } from '../../application/get-slot-hold-request/get-slot-hold-request.query';
import { GetSlotHoldRequestUseCase } from '../../application/get-slot-hold-request/get-slot-hold-request.use-case';
import { slotHoldRequestToProto } from '../../contracts/slot-hold-request.proto-mapper';

/** medgrid.scheduling.v1.SchedulingService. */
@Injectable()
export class SchedulingGrpcController implements GrpcController {
  constructor(private readonly getSlotHoldRequest: GetSlotHoldRequestUseCase) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.scheduling.v1.SchedulingService', schedulingV1.SchedulingServiceService, {
      // rpc GetSlotHoldRequest
      getSlotHoldRequest: async (request, { identity }) => ({
        holdRequest: slotHoldRequestToProto(
          await this.getSlotHoldRequest.execute(identity, GetSlotHoldRequestQuery.create(request)),
        ),
      }),
    });
  }
}
