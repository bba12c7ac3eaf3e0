import { Module } from '@nestjs/common';
import { ClientRequests } from '@medgrid/idempotency';
import { ChangeMembershipUseCase } from './application/change-membership/change-membership.use-case';
import { CreateMedicalGroupUseCase } from './application/create-medical-group/create-medical-group.use-case';
import { OrganisationQueries } from './application/queries/organisation-queries';
import { RegisterCityUseCase } from './application/register-city/register-city.use-case';
import { RegisterDepartmentUseCase } from './application/register-department/register-department.use-case';
import { RegisterGridUseCase } from './application/register-grid/register-grid.use-case';
import { RegisterInstitutionUseCase } from './application/register-institution/register-institution.use-case';
import { UpdateInstitutionUseCase } from './application/update-institution/update-institution.use-case';
import { ORGANISATION_EVENT_PUBLISHER, ORGANISATION_REPOSITORY } from './domain/organisation.ports';
import { OrganisationOutboxPublisher } from './infrastructure/messaging/organisation-outbox.publisher';
import { OrganisationTypeormRepository } from './infrastructure/persistence/organisation.typeorm-repository';

const USE_CASES = [
  RegisterCityUseCase,
  RegisterGridUseCase,
  RegisterInstitutionUseCase,
  UpdateInstitutionUseCase,
  CreateMedicalGroupUseCase,
  ChangeMembershipUseCase,
  RegisterDepartmentUseCase,
  OrganisationQueries,
];

/** The organisation context: cities, grids, institutions, medical groups, departments. */
@Module({
  providers: [
    ...USE_CASES,
    { provide: ORGANISATION_REPOSITORY, useClass: OrganisationTypeormRepository },
    ClientRequests,
    { provide: ORGANISATION_EVENT_PUBLISHER, useClass: OrganisationOutboxPublisher },
  ],
  // The workforce and resident contexts judge rules against institutions and groups.
  exports: [...USE_CASES, ORGANISATION_REPOSITORY, ClientRequests],
})
export class OrganisationModule {}
