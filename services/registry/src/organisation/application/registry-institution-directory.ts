import { Injectable } from '@nestjs/common';
import { InstitutionDirectory, type InstitutionStanding } from '@medgrid/auth';
import { InstitutionRepository } from '../domain/institution.repository';

/**
 * "Institution → groups" for the group-claim check of every registry call,
 * from the registry's own tables: what it does not have does not exist.
 */
@Injectable()
export class RegistryInstitutionDirectory extends InstitutionDirectory {
  readonly authoritative = true;

  constructor(private readonly institutions: InstitutionRepository) {
    super();
  }

  standingOf(institutionId: string): Promise<InstitutionStanding | null> {
    return this.institutions.findStanding(institutionId);
  }
}
