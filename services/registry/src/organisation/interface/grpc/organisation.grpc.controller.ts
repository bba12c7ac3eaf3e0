import { Injectable } from '@nestjs/common';
import { organisationServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { ChangeMembershipUseCase } from '../../application/change-membership/change-membership.use-case';
import { CreateMedicalGroupUseCase } from '../../application/create-medical-group/create-medical-group.use-case';
import { OrganisationQueries } from '../../application/queries/organisation-queries';
import { RegisterCityUseCase } from '../../application/register-city/register-city.use-case';
import { RegisterDepartmentUseCase } from '../../application/register-department/register-department.use-case';
import { RegisterGridUseCase } from '../../application/register-grid/register-grid.use-case';
import { RegisterInstitutionUseCase } from '../../application/register-institution/register-institution.use-case';
import { UpdateInstitutionUseCase } from '../../application/update-institution/update-institution.use-case';
import {
  cityToProto,
  departmentToProto,
  gridToProto,
  groupToProto,
  institutionToProto,
  levelFromProto,
  optionalLevel,
  optionalType,
  roleFromProto,
  typeFromProto,
} from '../../contracts/organisation.proto-mapper';

/** medgrid.registry.v1.OrganisationService: maps in, calls a use case, maps out. */
@Injectable()
export class OrganisationGrpcController implements GrpcController {
  constructor(
    private readonly registerCity: RegisterCityUseCase,
    private readonly registerGrid: RegisterGridUseCase,
    private readonly registerInstitution: RegisterInstitutionUseCase,
    private readonly updateInstitution: UpdateInstitutionUseCase,
    private readonly createMedicalGroup: CreateMedicalGroupUseCase,
    private readonly changeMembership: ChangeMembershipUseCase,
    private readonly registerDepartment: RegisterDepartmentUseCase,
    private readonly queries: OrganisationQueries,
  ) {}

  private async groupView(group: Parameters<OrganisationQueries['isComplete']>[0]) {
    return groupToProto(group, await this.queries.isComplete(group));
  }

  register(server: GrpcServer): void {
    server.addService(
      'medgrid.registry.v1.OrganisationService',
      organisationServiceV1.OrganisationServiceService,
      {
        registerCity: async (request, { identity }) => ({
          city: cityToProto(await this.registerCity.execute(identity, request)),
        }),
        registerGrid: async (request, { identity }) => ({
          grid: gridToProto(await this.registerGrid.execute(identity, request)),
        }),
        listGrids: async (request) => ({
          grids: (await this.queries.listGrids(request.cityId)).map(gridToProto),
        }),
        registerInstitution: async (request, { identity }) => ({
          institution: institutionToProto(
            await this.registerInstitution.execute(identity, {
              ...request,
              level: levelFromProto(request.level),
              type: typeFromProto(request.type),
            }),
          ),
        }),
        updateInstitution: async (request, { identity }) => ({
          institution: institutionToProto(
            await this.updateInstitution.execute(identity, {
              ...request,
              level: levelFromProto(request.level),
              type: typeFromProto(request.type),
            }),
          ),
        }),
        getInstitution: async (request) => ({
          institution: institutionToProto(await this.queries.getInstitution(request.id)),
        }),
        searchInstitutions: async (request) => {
          const page = await this.queries.searchInstitutions({
            ...request,
            level: optionalLevel(request.level),
            type: optionalType(request.type),
          });
          return {
            institutions: page.institutions.map(institutionToProto),
            nextPageToken: page.nextPageToken,
          };
        },
        createMedicalGroup: async (request, { identity }) => ({
          group: await this.groupView(await this.createMedicalGroup.execute(identity, request)),
        }),
        addMembership: async (request, { identity }) => ({
          group: await this.groupView(
            await this.changeMembership.add(identity, { ...request, role: roleFromProto(request.role) }),
          ),
        }),
        removeMembership: async (request, { identity }) => ({
          group: await this.groupView(await this.changeMembership.remove(identity, request)),
        }),
        getMedicalGroup: async (request) => ({
          group: await this.groupView(await this.queries.getMedicalGroup(request.id)),
        }),
        registerDepartment: async (request, { identity }) => ({
          department: departmentToProto(await this.registerDepartment.execute(identity, request)),
        }),
        listDepartments: async (request) => ({
          departments: (await this.queries.listDepartments(request.institutionId)).map(departmentToProto),
        }),
      },
    );
  }
}
