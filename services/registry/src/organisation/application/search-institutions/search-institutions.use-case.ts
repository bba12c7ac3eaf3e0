import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { pageOf } from '@medgrid/kernel';
import { nameKey } from '../../../common/name-pages';
import { type InstitutionSnapshot } from '../../domain/institution';
import { InstitutionRepository } from '../../domain/institution.repository';
import { type SearchInstitutionsQuery } from './search-institutions.query';

/** SearchInstitutions: master data, open to every authenticated caller (no personal data, no audit). */
@Injectable()
export class SearchInstitutionsUseCase {
  constructor(private readonly institutions: InstitutionRepository) {}

  async execute(
    _identity: Identity,
    query: SearchInstitutionsQuery,
  ): Promise<{ institutions: InstitutionSnapshot[]; nextPageToken: string }> {
    const rows = await this.institutions.search({
      nameContains: query.nameContains,
      creditCode: query.creditCode,
      gridId: query.gridId,
      groupId: query.groupId,
      level: query.level,
      type: query.type,
      after: query.page.after ?? undefined,
      limit: query.page.limit,
    });
    const { items, nextPageToken } = pageOf(
      rows.map((i) => i.snapshot()),
      query.page,
      nameKey,
    );
    return { institutions: items, nextPageToken };
  }
}
