import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type Drug } from '../../domain/drug';
import { DrugCatalogueRepository } from '../../domain/drug-catalogue.repository';
import { CatalogueAccess } from '../catalogue-access.policy';
import { type SearchDrugsQuery } from './search-drugs.query';

/** At most this many drugs answer a search: a prescriber narrows the name rather than pages. */
export const SEARCH_MAX = 100;

/** SearchDrugs: the drugs in force whose generic name contains the text, by generic name then code. */
@Injectable()
export class SearchDrugsUseCase {
  constructor(private readonly catalogues: DrugCatalogueRepository) {}

  async execute(identity: Identity, query: SearchDrugsQuery, now = new Date()): Promise<Drug[]> {
    const groupId = CatalogueAccess.readableGroup(identity, query.groupId);
    const part = await this.catalogues.part(groupId, { genericNameContains: query.genericName });
    return part
      .drugsAt(query.at ?? now)
      .filter((drug) => drug.genericName.includes(query.genericName))
      .sort((a, b) => a.genericName.localeCompare(b.genericName) || (a.code < b.code ? -1 : 1))
      .slice(0, SEARCH_MAX);
  }
}
