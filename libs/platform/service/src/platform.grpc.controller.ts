import { Injectable } from '@nestjs/common';
import { platformServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { whoAmI } from './who-am-i';

/**
 * medgrid.platform.v1.PlatformService, which every service serves (PlatformModule registers it before the
 * service's own controllers). It answers from the call's context alone: no database, no use case.
 */
@Injectable()
export class PlatformGrpcController implements GrpcController {
  register(server: GrpcServer): void {
    server.addService('medgrid.platform.v1.PlatformService', platformServiceV1.PlatformServiceService, {
      // rpc WhoAmI
      whoAmI: (_request, { identity, tokenExpiresAt }) => Promise.resolve(whoAmI(identity, tokenExpiresAt)),
    });
  }
}
