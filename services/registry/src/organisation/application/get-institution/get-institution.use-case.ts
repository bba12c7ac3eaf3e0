import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type InstitutionSnapshot } from '../../domain/institution';
import { InstitutionRepository } from '../../domain/institution.repository';
import { OrganisationError, OrganisationErrorCode } from '../../domain/organisation-error';
import { type GetInstitutionQuery } from './get-institution.query';

/** GetInstitution: master data, open to every authenticated caller (no personal data, no audit). */
@Injectable()
export class GetInstitutionUseCase {
  constructor(private readonly institutions: InstitutionRepository) {}

  async execute(_identity: Identity, query: GetInstitutionQuery): Promise<InstitutionSnapshot> {
    const institution = await this.institutions.findById(query.id);
    if (!institution) {
      throw new OrganisationError(OrganisationErrorCode.NotFound, 'no institution with this id', 'id');
    }
    return institution.snapshot();
  }
}
