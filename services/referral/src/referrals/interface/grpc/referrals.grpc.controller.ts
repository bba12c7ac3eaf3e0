import { Injectable } from '@nestjs/common';
import { referralServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer, readPurpose } from '@medgrid/grpc';
import { CreateReferralCommand } from '../../application/create-referral/create-referral.command';
import { CreateReferralUseCase } from '../../application/create-referral/create-referral.use-case';
import { GetReferralQuery } from '../../application/get-referral/get-referral.query';
import { GetReferralUseCase } from '../../application/get-referral/get-referral.use-case';
import { directionFromProto, referralToProto } from '../../contracts/referral.proto-mapper';

/** medgrid.referral.v1.ReferralService: maps in, calls a use case, maps out. */
@Injectable()
export class ReferralsGrpcController implements GrpcController {
  constructor(
    private readonly createReferral: CreateReferralUseCase,
    private readonly getReferral: GetReferralUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.referral.v1.ReferralService', referralServiceV1.ReferralServiceService, {
      // rpc CreateReferral
      createReferral: async (request, { identity }) => {
        const command = CreateReferralCommand.create(identity, {
          ...request,
          direction: directionFromProto(request.direction),
        });
        return { referral: referralToProto(await this.createReferral.execute(command)) };
      },
      // rpc GetReferral; the purpose of the read comes from the x-purpose metadata.
      getReferral: async (request, { identity, metadata }) => {
        const query = GetReferralQuery.create(identity, { id: request.id, purpose: readPurpose(metadata) });
        return { referral: referralToProto(await this.getReferral.execute(query)) };
      },
    });
  }
}
