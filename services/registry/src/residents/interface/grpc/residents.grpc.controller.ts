import { Injectable } from '@nestjs/common';
import { type Metadata } from '@grpc/grpc-js';
import { residentServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer, readPurpose } from '@medgrid/grpc';
import { teamToProto } from '../../../workforce/contracts/workforce.proto-mapper';
import { ManageContractUseCase } from '../../application/manage-contract/manage-contract.use-case';
import { ResidentQueries } from '../../application/queries/resident-queries';
import { RegisterResidentUseCase } from '../../application/register-resident/register-resident.use-case';
import { contractToProto, residentToProto, tagFromProto } from '../../contracts/resident.proto-mapper';

/** The purpose of a read, for the audit trail: `x-purpose` metadata, "treatment" by default. */
function purposeOf(metadata: Metadata): string {
  return readPurpose(metadata)?.slice(0, 200) ?? 'treatment';
}

/** medgrid.registry.v1.ResidentService: maps in, calls a use case, maps out. */
@Injectable()
export class ResidentsGrpcController implements GrpcController {
  constructor(
    private readonly residents: RegisterResidentUseCase,
    private readonly contracts: ManageContractUseCase,
    private readonly queries: ResidentQueries,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.registry.v1.ResidentService', residentServiceV1.ResidentServiceService, {
      registerResident: async (request, { identity }) => ({
        resident: residentToProto(await this.residents.register(identity, request)),
      }),
      updateResident: async (request, { identity }) => ({
        resident: residentToProto(await this.residents.update(identity, request)),
      }),
      getResident: async (request, { identity, metadata }) => ({
        resident: residentToProto(await this.queries.getResident(identity, request, purposeOf(metadata))),
      }),
      searchResidents: async (request, { identity, metadata }) => {
        const page = await this.queries.searchResidents(identity, request, purposeOf(metadata));
        return { residents: page.residents.map(residentToProto), nextPageToken: page.nextPageToken };
      },
      signContract: async (request, { identity }) => ({
        contract: contractToProto(
          await this.contracts.sign(identity, { ...request, tags: request.tags.map(tagFromProto) }),
        ),
      }),
      renewContract: async (request, { identity }) => ({
        contract: contractToProto(await this.contracts.renew(identity, request)),
      }),
      endContract: async (request, { identity }) => ({
        contract: contractToProto(await this.contracts.end(identity, request)),
      }),
      getResidentCare: async (request, { identity, metadata }) => {
        const care = await this.queries.getResidentCare(
          identity,
          request.residentIdNumber,
          purposeOf(metadata),
        );
        return {
          resident: residentToProto(care.resident),
          contract: care.contract ? contractToProto(care.contract) : undefined,
          team: care.team ? teamToProto(care.team) : undefined,
          groupId: care.groupId ?? '',
        };
      },
    });
  }
}
