import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { pageOf } from '@medgrid/kernel';
import { nameKey } from '../../../common/name-pages';
import { type PractitionerSnapshot } from '../../domain/practitioner';
import { PractitionerRepository } from '../../domain/practitioner.repository';
import { type SearchPractitionersQuery } from './search-practitioners.query';

/** SearchPractitioners: professional data, open to every authenticated caller. */
@Injectable()
export class SearchPractitionersUseCase {
  constructor(private readonly practitioners: PractitionerRepository) {}

  async execute(
    _identity: Identity,
    query: SearchPractitionersQuery,
  ): Promise<{ practitioners: PractitionerSnapshot[]; nextPageToken: string }> {
    const rows = await this.practitioners.search({
      nameContains: query.nameContains,
      institutionId: query.institutionId,
      specialtyCode: query.specialtyCode,
      after: query.page.after ?? undefined,
      limit: query.page.limit,
    });
    const { items, nextPageToken } = pageOf(rows, query.page, nameKey);
    return { practitioners: items, nextPageToken };
  }
}
