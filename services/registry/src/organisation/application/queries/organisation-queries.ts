import { Inject, Injectable } from '@nestjs/common';
import { FieldChecks } from '@medgrid/errors';
import { pageOf, pageRequest } from '@medgrid/kernel';
import { type Department, type Grid } from '../../domain/geography';
import { type InstitutionSnapshot } from '../../domain/institution';
import { type InstitutionLevel, type InstitutionType } from '../../domain/institution-classification';
import { type MedicalGroupSnapshot } from '../../domain/medical-group';
import { ORGANISATION_REPOSITORY, type OrganisationRepository } from '../../domain/organisation.ports';
import { NAME_PAGES, nameKey } from '../../../shared/name-pages';
import { RegistryError, RegistryErrorCode } from '../../../shared/registry-error';
import { isGroupComplete } from '../group-completeness';

export interface SearchInstitutionsQuery {
  nameContains?: string;
  creditCode?: string;
  gridId?: string;
  groupId?: string;
  level?: InstitutionLevel;
  type?: InstitutionType;
  pageSize?: number;
  pageToken?: string;
}

/** Reads of organisation master data (no personal data, so no audit record). */
@Injectable()
export class OrganisationQueries {
  constructor(@Inject(ORGANISATION_REPOSITORY) private readonly organisation: OrganisationRepository) {}

  async getInstitution(id: string): Promise<InstitutionSnapshot> {
    new FieldChecks().uuid('id', id).throwIfAny();
    const institution = await this.organisation.findInstitution(id.toLowerCase());
    if (!institution)
      throw new RegistryError(RegistryErrorCode.NotFound, 'no institution with this id', 'id');
    return institution.snapshot();
  }

  async searchInstitutions(
    query: SearchInstitutionsQuery,
  ): Promise<{ institutions: InstitutionSnapshot[]; nextPageToken: string }> {
    const checks = new FieldChecks().maxLength('nameContains', query.nameContains, 100);
    const page = pageRequest(query, NAME_PAGES);
    checks.addAll(page.problems);
    if (query.gridId) checks.uuid('gridId', query.gridId);
    if (query.groupId) checks.uuid('groupId', query.groupId);
    checks.throwIfAny();
    const rows = await this.organisation.searchInstitutions({
      ...query,
      gridId: query.gridId?.toLowerCase(),
      groupId: query.groupId?.toLowerCase(),
      creditCode: query.creditCode?.trim().toUpperCase(),
      after: page.after ?? undefined,
      limit: page.limit,
    });
    const { items, nextPageToken } = pageOf(
      rows.map((i) => i.snapshot()),
      page,
      nameKey,
    );
    return { institutions: items, nextPageToken };
  }

  /** Lead plus a secondary general or continuing-care member (docs/domain.md). */
  isComplete(group: MedicalGroupSnapshot): Promise<boolean> {
    return isGroupComplete(this.organisation, group);
  }

  async getMedicalGroup(id: string): Promise<MedicalGroupSnapshot> {
    new FieldChecks().uuid('id', id).throwIfAny();
    const group = await this.organisation.findGroup(id.toLowerCase());
    if (!group) throw new RegistryError(RegistryErrorCode.NotFound, 'no medical group with this id', 'id');
    return group.snapshot();
  }

  async listGrids(cityId: string): Promise<Grid[]> {
    new FieldChecks().uuid('cityId', cityId).throwIfAny();
    // An unknown city is a mistaken id, not a city without grids.
    const city = await this.organisation.findCity(cityId.toLowerCase());
    if (!city) throw new RegistryError(RegistryErrorCode.NotFound, 'no city with this id', 'cityId');
    return this.organisation.listGrids(city.id);
  }

  /** Group serving a grid, or null. */
  groupOfGrid(gridId: string): Promise<string | null> {
    return this.organisation.findGroupIdByGrid(gridId.toLowerCase());
  }

  async listDepartments(institutionId: string): Promise<Department[]> {
    new FieldChecks().uuid('institutionId', institutionId).throwIfAny();
    // An unknown institution is a mistaken id, not an institution without departments.
    const institution = await this.organisation.findInstitution(institutionId.toLowerCase());
    if (!institution)
      throw new RegistryError(RegistryErrorCode.NotFound, 'no institution with this id', 'institutionId');
    return this.organisation.listDepartments(institution.snapshot().id);
  }
}
