import { Injectable } from '@nestjs/common';
import { criteriaServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { ListCriteriaUseCase } from '../../application/list-criteria/list-criteria.use-case';
import { LookupCriteriaQuery } from '../../application/lookup-criteria/lookup-criteria.query';
import { LookupCriteriaUseCase } from '../../application/lookup-criteria/lookup-criteria.use-case';
import { PutCriteriaCommand } from '../../application/put-criteria/put-criteria.command';
import { PutCriteriaUseCase } from '../../application/put-criteria/put-criteria.use-case';
import { RemoveCriteriaCommand } from '../../application/remove-criteria/remove-criteria.command';
import { RemoveCriteriaUseCase } from '../../application/remove-criteria/remove-criteria.use-case';
import { criteriaInputFromProto, criteriaToProto } from '../../contracts/criteria.proto-mapper';

/** medgrid.referral.v1.CriteriaService: the referral criteria catalogue. */
@Injectable()
export class CriteriaGrpcController implements GrpcController {
  constructor(
    private readonly listCriteria: ListCriteriaUseCase,
    private readonly lookupCriteria: LookupCriteriaUseCase,
    private readonly putCriteria: PutCriteriaUseCase,
    private readonly removeCriteria: RemoveCriteriaUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.referral.v1.CriteriaService', criteriaServiceV1.CriteriaServiceService, {
      // rpc ListCriteria
      listCriteria: async (_request, { identity }) => ({
        entries: (await this.listCriteria.execute(identity)).map(criteriaToProto),
      }),
      // rpc LookupCriteria
      lookupCriteria: async (request, { identity }) => {
        const query = LookupCriteriaQuery.create(request);
        return { entry: criteriaToProto(await this.lookupCriteria.execute(identity, query)) };
      },
      // rpc PutCriteria
      putCriteria: async (request, { identity }) => {
        const command = PutCriteriaCommand.create({
          entry: criteriaInputFromProto(request.entry),
          clientRequestId: request.clientRequestId,
        });
        return { entry: criteriaToProto(await this.putCriteria.execute(identity, command)) };
      },
      // rpc RemoveCriteria
      removeCriteria: async (request, { identity }) => {
        await this.removeCriteria.execute(identity, RemoveCriteriaCommand.create(request));
        return {};
      },
    });
  }
}
