import { Inject, Injectable } from '@nestjs/common';
import { InstitutionDirectory, type InstitutionStanding } from '@medgrid/auth';
import { ORGANISATION_REPOSITORY, type OrganisationRepository } from '../domain/organisation.ports';

/**
 * "Institution → groups" for the group-claim check of every registry call,
 * from the registry's own tables: what it does not have does not exist.
 */
@Injectable()
export class RegistryInstitutionDirectory extends InstitutionDirectory {
  readonly authoritative = true;

  constructor(@Inject(ORGANISATION_REPOSITORY) private readonly organisation: OrganisationRepository) {
    super();
  }

  standingOf(institutionId: string): Promise<InstitutionStanding | null> {
    return this.organisation.findStanding(institutionId);
  }
}
