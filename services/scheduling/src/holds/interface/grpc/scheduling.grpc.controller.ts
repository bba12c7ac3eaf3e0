import { Injectable } from '@nestjs/common';
import { schedulingV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { ReferralSagaUseCase } from '../../application/hold-for-referral/referral-saga.use-case';
import { slotHoldRequestToProto } from '../../contracts/slot-hold-request.proto-mapper';

/** medgrid.scheduling.v1.SchedulingService. */
@Injectable()
export class SchedulingGrpcController implements GrpcController {
  constructor(private readonly saga: ReferralSagaUseCase) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.scheduling.v1.SchedulingService', schedulingV1.SchedulingServiceService, {
      // rpc GetSlotHoldRequest
      getSlotHoldRequest: async (request, { identity }) => ({
        holdRequest: slotHoldRequestToProto(await this.saga.get(identity, request.referralId)),
      }),
    });
  }
}
