import { Injectable } from '@nestjs/common';
import { pageOf } from '@medgrid/kernel';
import { type CatalogueItem } from '../../domain/catalogue-item';
import { type RecognitionCatalogueSnapshot } from '../../domain/recognition-catalogue';
import { RecognitionCatalogueRepository } from '../../domain/recognition-catalogue.repository';
import { type GetCatalogueQuery } from './get-catalogue.query';

export interface CataloguePage {
  readonly catalogue: Omit<RecognitionCatalogueSnapshot, 'items'> & { readonly itemCount: number };
  readonly items: CatalogueItem[];
  readonly nextPageToken: string;
}

/**
 * GetCatalogue: a region's catalogue as it stands, a page of items by code. Open to every caller: the catalogue
 * is the region's published list, no patient data.
 */
@Injectable()
export class GetCatalogueUseCase {
  constructor(private readonly catalogues: RecognitionCatalogueRepository) {}

  async execute(query: GetCatalogueQuery): Promise<CataloguePage> {
    const { items, ...catalogue } = (await this.catalogues.load(query.regionId, false)).snapshot();
    const after = query.page.after;
    const sorted = [...items].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const rows = sorted.filter((item) => after === null || item.code > after).slice(0, query.page.limit);
    const page = pageOf(rows, query.page, (item) => [item.code]);
    return {
      catalogue: { ...catalogue, itemCount: items.length },
      items: page.items,
      nextPageToken: page.nextPageToken,
    };
  }
}
