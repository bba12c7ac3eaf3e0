import { Injectable } from '@nestjs/common';
import { organisationServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { AddMembershipCommand } from '../../application/add-membership/add-membership.command';
import { AddMembershipUseCase } from '../../application/add-membership/add-membership.use-case';
import { CreateMedicalGroupCommand } from '../../application/create-medical-group/create-medical-group.command';
import { CreateMedicalGroupUseCase } from '../../application/create-medical-group/create-medical-group.use-case';
import { GetInstitutionQuery } from '../../application/get-institution/get-institution.query';
import { GetInstitutionUseCase } from '../../application/get-institution/get-institution.use-case';
import { GetMedicalGroupQuery } from '../../application/get-medical-group/get-medical-group.query';
import { GetMedicalGroupUseCase } from '../../application/get-medical-group/get-medical-group.use-case';
import { ListMedicalGroupsQuery } from '../../application/list-medical-groups/list-medical-groups.query';
import { ListMedicalGroupsUseCase } from '../../application/list-medical-groups/list-medical-groups.use-case';
import { type MedicalGroupView } from '../../application/group-completeness';
import { ListDepartmentsQuery } from '../../application/list-departments/list-departments.query';
import { ListDepartmentsUseCase } from '../../application/list-departments/list-departments.use-case';
import { ListGridsQuery } from '../../application/list-grids/list-grids.query';
import { ListGridsUseCase } from '../../application/list-grids/list-grids.use-case';
import { RegisterCityCommand } from '../../application/register-city/register-city.command';
import { RegisterCityUseCase } from '../../application/register-city/register-city.use-case';
import { RegisterDepartmentCommand } from '../../application/register-department/register-department.command';
import { RegisterDepartmentUseCase } from '../../application/register-department/register-department.use-case';
import { RegisterGridCommand } from '../../application/register-grid/register-grid.command';
import { RegisterGridUseCase } from '../../application/register-grid/register-grid.use-case';
import { RegisterInstitutionCommand } from '../../application/register-institution/register-institution.command';
import { RegisterInstitutionUseCase } from '../../application/register-institution/register-institution.use-case';
import { RemoveMembershipCommand } from '../../application/remove-membership/remove-membership.command';
import { RemoveMembershipUseCase } from '../../application/remove-membership/remove-membership.use-case';
import { SearchInstitutionsQuery } from '../../application/search-institutions/search-institutions.query';
import { SearchInstitutionsUseCase } from '../../application/search-institutions/search-institutions.use-case';
import { UpdateInstitutionCommand } from '../../application/update-institution/update-institution.command';
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

const groupView = (view: MedicalGroupView) => groupToProto(view.group, view.complete);

/** medgrid.registry.v1.OrganisationService: maps in, calls a use case, maps out. */
@Injectable()
export class OrganisationGrpcController implements GrpcController {
  constructor(
    private readonly registerCity: RegisterCityUseCase,
    private readonly registerGrid: RegisterGridUseCase,
    private readonly listGrids: ListGridsUseCase,
    private readonly registerInstitution: RegisterInstitutionUseCase,
    private readonly updateInstitution: UpdateInstitutionUseCase,
    private readonly getInstitution: GetInstitutionUseCase,
    private readonly searchInstitutions: SearchInstitutionsUseCase,
    private readonly createMedicalGroup: CreateMedicalGroupUseCase,
    private readonly addMembership: AddMembershipUseCase,
    private readonly removeMembership: RemoveMembershipUseCase,
    private readonly getMedicalGroup: GetMedicalGroupUseCase,
    private readonly listMedicalGroups: ListMedicalGroupsUseCase,
    private readonly registerDepartment: RegisterDepartmentUseCase,
    private readonly listDepartments: ListDepartmentsUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService(
      'medgrid.registry.v1.OrganisationService',
      organisationServiceV1.OrganisationServiceService,
      {
        registerCity: async (request, { identity }) => ({
          city: cityToProto(await this.registerCity.execute(identity, RegisterCityCommand.create(request))),
        }),
        registerGrid: async (request, { identity }) => ({
          grid: gridToProto(await this.registerGrid.execute(identity, RegisterGridCommand.create(request))),
        }),
        listGrids: async (request, { identity }) => ({
          grids: (await this.listGrids.execute(identity, ListGridsQuery.create(request))).map(gridToProto),
        }),
        registerInstitution: async (request, { identity }) => {
          const command = RegisterInstitutionCommand.create({
            ...request,
            level: levelFromProto(request.level),
            type: typeFromProto(request.type),
          });
          return {
            institution: institutionToProto(await this.registerInstitution.execute(identity, command)),
          };
        },
        updateInstitution: async (request, { identity }) => {
          const command = UpdateInstitutionCommand.create({
            ...request,
            level: levelFromProto(request.level),
            type: typeFromProto(request.type),
          });
          return { institution: institutionToProto(await this.updateInstitution.execute(identity, command)) };
        },
        getInstitution: async (request, { identity }) => ({
          institution: institutionToProto(
            await this.getInstitution.execute(identity, GetInstitutionQuery.create(request)),
          ),
        }),
        searchInstitutions: async (request, { identity }) => {
          const query = SearchInstitutionsQuery.create({
            ...request,
            level: optionalLevel(request.level),
            type: optionalType(request.type),
          });
          const page = await this.searchInstitutions.execute(identity, query);
          return {
            institutions: page.institutions.map(institutionToProto),
            nextPageToken: page.nextPageToken,
          };
        },
        createMedicalGroup: async (request, { identity }) => ({
          group: groupView(
            await this.createMedicalGroup.execute(identity, CreateMedicalGroupCommand.create(request)),
          ),
        }),
        addMembership: async (request, { identity }) => {
          const command = AddMembershipCommand.create({ ...request, role: roleFromProto(request.role) });
          return { group: groupView(await this.addMembership.execute(identity, command)) };
        },
        removeMembership: async (request, { identity }) => ({
          group: groupView(
            await this.removeMembership.execute(identity, RemoveMembershipCommand.create(request)),
          ),
        }),
        getMedicalGroup: async (request, { identity }) => ({
          group: groupView(
            await this.getMedicalGroup.execute(identity, GetMedicalGroupQuery.create(request)),
          ),
        }),
        listMedicalGroups: async (request, { identity }) => ({
          groups: (
            await this.listMedicalGroups.execute(identity, ListMedicalGroupsQuery.create(request))
          ).map(groupView),
        }),
        registerDepartment: async (request, { identity }) => ({
          department: departmentToProto(
            await this.registerDepartment.execute(identity, RegisterDepartmentCommand.create(request)),
          ),
        }),
        listDepartments: async (request, { identity }) => ({
          departments: (
            await this.listDepartments.execute(identity, ListDepartmentsQuery.create(request))
          ).map(departmentToProto),
        }),
      },
    );
  }
}
