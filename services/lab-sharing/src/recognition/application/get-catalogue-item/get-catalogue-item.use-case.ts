import { Injectable } from '@nestjs/common';
import { type CatalogueItem } from '../../domain/catalogue-item';
import { type RecognitionCatalogueSnapshot } from '../../domain/recognition-catalogue';
import { RecognitionCatalogueRepository } from '../../domain/recognition-catalogue.repository';
import { type GetCatalogueItemQuery } from './get-catalogue-item.query';

/** GetCatalogueItem: one item of a region's catalogue, with the catalogue's version; UNKNOWN_ITEM otherwise. */
@Injectable()
export class GetCatalogueItemUseCase {
  constructor(private readonly catalogues: RecognitionCatalogueRepository) {}

  async execute(query: GetCatalogueItemQuery): Promise<{
    catalogue: Omit<RecognitionCatalogueSnapshot, 'items'> & { itemCount: number };
    item: CatalogueItem;
  }> {
    const catalogue = await this.catalogues.load(query.regionId, false);
    const item = catalogue.itemOrThrow(query.itemCode, 'itemCode');
    const { items, ...rest } = catalogue.snapshot();
    return { catalogue: { ...rest, itemCount: items.length }, item };
  }
}
