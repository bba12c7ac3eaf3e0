import { Injectable } from '@nestjs/common';
import { type Metadata } from '@grpc/grpc-js';
import { residentServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer, readPurpose } from '@medgrid/grpc';
import { teamToProto } from '../../../workforce/contracts/workforce.proto-mapper';
import { EndContractCommand } from '../../application/end-contract/end-contract.command';
import { EndContractUseCase } from '../../application/end-contract/end-contract.use-case';
import { GetResidentCareQuery } from '../../application/get-resident-care/get-resident-care.query';
import { GetResidentCareUseCase } from '../../application/get-resident-care/get-resident-care.use-case';
import { GetResidentQuery } from '../../application/get-resident/get-resident.query';
import { GetResidentUseCase } from '../../application/get-resident/get-resident.use-case';
import { RegisterResidentCommand } from '../../application/register-resident/register-resident.command';
import { RegisterResidentUseCase } from '../../application/register-resident/register-resident.use-case';
import { RenewContractCommand } from '../../application/renew-contract/renew-contract.command';
import { RenewContractUseCase } from '../../application/renew-contract/renew-contract.use-case';
import { SearchResidentsQuery } from '../../application/search-residents/search-residents.query';
import { SearchResidentsUseCase } from '../../application/search-residents/search-residents.use-case';
import { SignContractCommand } from '../../application/sign-contract/sign-contract.command';
import { SignContractUseCase } from '../../application/sign-contract/sign-contract.use-case';
import { UpdateResidentCommand } from '../../application/update-resident/update-resident.command';
import { UpdateResidentUseCase } from '../../application/update-resident/update-resident.use-case';
import { contractToProto, residentToProto, tagFromProto } from '../../contracts/resident.proto-mapper';

/** The purpose of a read, for the audit trail: `x-purpose` metadata, "treatment" by default. */
function purposeOf(metadata: Metadata): string {
  return readPurpose(metadata)?.slice(0, 200) ?? 'treatment';
}

/** medgrid.registry.v1.ResidentService: maps in, calls a use case, maps out. */
@Injectable()
export class ResidentsGrpcController implements GrpcController {
  constructor(
    private readonly registerResident: RegisterResidentUseCase,
    private readonly updateResident: UpdateResidentUseCase,
    private readonly getResident: GetResidentUseCase,
    private readonly searchResidents: SearchResidentsUseCase,
    private readonly getResidentCare: GetResidentCareUseCase,
    private readonly signContract: SignContractUseCase,
    private readonly renewContract: RenewContractUseCase,
    private readonly endContract: EndContractUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.registry.v1.ResidentService', residentServiceV1.ResidentServiceService, {
      registerResident: async (request, { identity }) => ({
        resident: residentToProto(
          await this.registerResident.execute(identity, RegisterResidentCommand.create(request)),
        ),
      }),
      updateResident: async (request, { identity }) => ({
        resident: residentToProto(
          await this.updateResident.execute(identity, UpdateResidentCommand.create(request)),
        ),
      }),
      getResident: async (request, { identity, metadata }) => {
        const query = GetResidentQuery.create({ ...request, purpose: purposeOf(metadata) });
        return { resident: residentToProto(await this.getResident.execute(identity, query)) };
      },
      searchResidents: async (request, { identity, metadata }) => {
        const query = SearchResidentsQuery.create({ ...request, purpose: purposeOf(metadata) });
        const page = await this.searchResidents.execute(identity, query);
        return { residents: page.residents.map(residentToProto), nextPageToken: page.nextPageToken };
      },
      signContract: async (request, { identity }) => {
        const command = SignContractCommand.create({ ...request, tags: request.tags.map(tagFromProto) });
        return { contract: contractToProto(await this.signContract.execute(identity, command)) };
      },
      renewContract: async (request, { identity }) => ({
        contract: contractToProto(
          await this.renewContract.execute(identity, RenewContractCommand.create(request)),
        ),
      }),
      endContract: async (request, { identity }) => ({
        contract: contractToProto(
          await this.endContract.execute(identity, EndContractCommand.create(request)),
        ),
      }),
      getResidentCare: async (request, { identity, metadata }) => {
        const query = GetResidentCareQuery.create({ ...request, purpose: purposeOf(metadata) });
        const care = await this.getResidentCare.execute(identity, query);
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
