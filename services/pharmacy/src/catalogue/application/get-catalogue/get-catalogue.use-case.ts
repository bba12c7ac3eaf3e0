import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { pageOf } from '@medgrid/kernel';
import { type Drug } from '../../domain/drug';
import { type CatalogueHead, DrugCatalogueRepository } from '../../domain/drug-catalogue.repository';
import { CatalogueAccess } from '../catalogue-access.policy';
import { headOf } from '../catalogue-edit';
import { type GetCatalogueQuery } from './get-catalogue.query';

export interface CataloguePage {
  readonly catalogue: CatalogueHead;
  readonly drugs: Drug[];
  readonly nextPageToken: string;
}

/**
 * GetDrugCatalogue: the drugs of a group's catalogue in force at an instant, a page by code: the caller's group's,
 * or the one a city operator names. The group's published list, no patient data: not audited.
 */
@Injectable()
export class GetCatalogueUseCase {
  constructor(private readonly catalogues: DrugCatalogueRepository) {}

  async execute(identity: Identity, query: GetCatalogueQuery, now = new Date()): Promise<CataloguePage> {
    const groupId = CatalogueAccess.readableGroup(identity, query.groupId);
    const catalogue = await this.catalogues.load(groupId, false);
    const after = query.page.after;
    const rows = catalogue
      .drugsAt(query.at ?? now)
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .filter((drug) => after === null || drug.code > after)
      .slice(0, query.page.limit);
    const page = pageOf(rows, query.page, (drug) => [drug.code]);
    return { catalogue: headOf(catalogue), drugs: page.items, nextPageToken: page.nextPageToken };
  }
}
