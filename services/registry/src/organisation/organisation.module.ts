import { Module } from '@nestjs/common';
import { ClientRequests } from '@medgrid/idempotency';
import { AddMembershipUseCase } from './application/add-membership/add-membership.use-case';
import { CreateMedicalGroupUseCase } from './application/create-medical-group/create-medical-group.use-case';
import { GetInstitutionUseCase } from './application/get-institution/get-institution.use-case';
import { GetMedicalGroupUseCase } from './application/get-medical-group/get-medical-group.use-case';
import { ListMedicalGroupsUseCase } from './application/list-medical-groups/list-medical-groups.use-case';
import { GroupCompleteness } from './application/group-completeness';
import { ListDepartmentsUseCase } from './application/list-departments/list-departments.use-case';
import { ListGridsUseCase } from './application/list-grids/list-grids.use-case';
import { MembershipStep } from './application/membership-step';
import { RegisterCityUseCase } from './application/register-city/register-city.use-case';
import { RegisterDepartmentUseCase } from './application/register-department/register-department.use-case';
import { RegisterGridUseCase } from './application/register-grid/register-grid.use-case';
import { RegisterInstitutionUseCase } from './application/register-institution/register-institution.use-case';
import { RemoveMembershipUseCase } from './application/remove-membership/remove-membership.use-case';
import { SearchInstitutionsUseCase } from './application/search-institutions/search-institutions.use-case';
import { UpdateInstitutionUseCase } from './application/update-institution/update-institution.use-case';
import { GeographyRepository } from './domain/geography.repository';
import { InstitutionRepository } from './domain/institution.repository';
import { MedicalGroupRepository } from './domain/medical-group.repository';
import { OrganisationEventPublisher } from './domain/organisation-event-publisher';
import { OrganisationOutboxPublisher } from './infrastructure/messaging/organisation-outbox.publisher';
import { GeographyTypeormRepository } from './infrastructure/persistence/geography.typeorm-repository';
import { InstitutionTypeormRepository } from './infrastructure/persistence/institution.typeorm-repository';
import { MedicalGroupTypeormRepository } from './infrastructure/persistence/medical-group.typeorm-repository';

const USE_CASES = [
  RegisterCityUseCase,
  RegisterGridUseCase,
  ListGridsUseCase,
  RegisterInstitutionUseCase,
  UpdateInstitutionUseCase,
  GetInstitutionUseCase,
  SearchInstitutionsUseCase,
  CreateMedicalGroupUseCase,
  AddMembershipUseCase,
  RemoveMembershipUseCase,
  GetMedicalGroupUseCase,
  ListMedicalGroupsUseCase,
  RegisterDepartmentUseCase,
  ListDepartmentsUseCase,
];

const PORTS = [GeographyRepository, InstitutionRepository, MedicalGroupRepository];

/** The organisation context: cities, grids, institutions, medical groups, departments. */
@Module({
  providers: [
    ...USE_CASES,
    MembershipStep,
    GroupCompleteness,
    ClientRequests,
    { provide: GeographyRepository, useClass: GeographyTypeormRepository },
    { provide: InstitutionRepository, useClass: InstitutionTypeormRepository },
    { provide: MedicalGroupRepository, useClass: MedicalGroupTypeormRepository },
    { provide: OrganisationEventPublisher, useClass: OrganisationOutboxPublisher },
  ],
  // The workforce and resident contexts judge rules against institutions and groups.
  exports: [...USE_CASES, ...PORTS, ClientRequests],
})
export class OrganisationModule {}
