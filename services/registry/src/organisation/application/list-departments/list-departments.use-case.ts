import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type Department } from '../../domain/geography';
import { GeographyRepository } from '../../domain/geography.repository';
import { InstitutionRepository } from '../../domain/institution.repository';
import { OrganisationError, OrganisationErrorCode } from '../../domain/organisation-error';
import { type ListDepartmentsQuery } from './list-departments.query';

/** ListDepartments: master data, open to every authenticated caller (no personal data, no audit). */
@Injectable()
export class ListDepartmentsUseCase {
  constructor(
    private readonly institutions: InstitutionRepository,
    private readonly geography: GeographyRepository,
  ) {}

  async execute(_identity: Identity, query: ListDepartmentsQuery): Promise<Department[]> {
    // An unknown institution is a mistaken id, not an institution without departments.
    const institution = await this.institutions.findById(query.institutionId);
    if (!institution) {
      throw new OrganisationError(
        OrganisationErrorCode.NotFound,
        'no institution with this id',
        'institutionId',
      );
    }
    return this.geography.listDepartments(institution.snapshot().id);
  }
}
