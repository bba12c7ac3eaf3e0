import { Inject, Injectable } from '@nestjs/common';
import { FieldChecks } from '@medgrid/errors';
import { pageOf, pageRequest } from '@medgrid/kernel';
import {
  ORGANISATION_REPOSITORY,
  type OrganisationRepository,
} from '../../../organisation/domain/organisation.ports';
import { NAME_PAGES, nameKey } from '../../../shared/name-pages';
import { RegistryError, RegistryErrorCode } from '../../../shared/registry-error';
import { type FamilyDoctorTeamSnapshot } from '../../domain/family-doctor-team';
import { practisingRight, type PractisingRight, type PractitionerSnapshot } from '../../domain/practitioner';
import { WORKFORCE_REPOSITORY, type WorkforceRepository } from '../../domain/workforce.ports';

export interface SearchPractitionersQuery {
  nameContains?: string;
  institutionId?: string;
  specialtyCode?: string;
  pageSize?: number;
  pageToken?: string;
}

/** Reads of practitioners and teams (professional data, open to authenticated callers). */
@Injectable()
export class WorkforceQueries {
  constructor(
    @Inject(WORKFORCE_REPOSITORY) private readonly workforce: WorkforceRepository,
    @Inject(ORGANISATION_REPOSITORY) private readonly organisation: OrganisationRepository,
  ) {}

  async getPractitioner(id: string): Promise<PractitionerSnapshot> {
    new FieldChecks().uuid('id', id).throwIfAny();
    const practitioner = await this.workforce.findPractitioner(id.toLowerCase());
    if (!practitioner)
      throw new RegistryError(RegistryErrorCode.NotFound, 'no practitioner with this id', 'id');
    return practitioner;
  }

  async searchPractitioners(
    query: SearchPractitionersQuery,
  ): Promise<{ practitioners: PractitionerSnapshot[]; nextPageToken: string }> {
    const checks = new FieldChecks().maxLength('nameContains', query.nameContains, 50);
    const page = pageRequest(query, NAME_PAGES);
    checks.addAll(page.problems);
    if (query.institutionId) checks.uuid('institutionId', query.institutionId);
    checks.throwIfAny();
    const rows = await this.workforce.searchPractitioners({
      ...query,
      institutionId: query.institutionId?.toLowerCase(),
      after: page.after ?? undefined,
      limit: page.limit,
    });
    const { items, nextPageToken } = pageOf(rows, page, nameKey);
    return { practitioners: items, nextPageToken };
  }

  async checkPractisingRight(practitionerId: string, institutionId: string): Promise<PractisingRight> {
    new FieldChecks()
      .uuid('practitionerId', practitionerId)
      .uuid('institutionId', institutionId)
      .throwIfAny();
    const practitioner = await this.getPractitioner(practitionerId);
    const [home, at] = await Promise.all([
      this.organisation.findInstitution(practitioner.homeInstitutionId),
      this.organisation.findInstitution(institutionId.toLowerCase()),
    ]);
    if (!at)
      throw new RegistryError(
        RegistryErrorCode.UnknownInstitution,
        'no institution with this id',
        'institutionId',
      );
    return practisingRight(home!.snapshot(), at.snapshot());
  }

  async getTeam(id: string): Promise<FamilyDoctorTeamSnapshot> {
    new FieldChecks().uuid('id', id).throwIfAny();
    const team = await this.workforce.findTeam(id.toLowerCase());
    if (!team) throw new RegistryError(RegistryErrorCode.NotFound, 'no team with this id', 'id');
    return team.snapshot();
  }

  async listTeams(institutionId: string): Promise<FamilyDoctorTeamSnapshot[]> {
    new FieldChecks().uuid('institutionId', institutionId).throwIfAny();
    return (await this.workforce.listTeams(institutionId.toLowerCase())).map((t) => t.snapshot());
  }
}
