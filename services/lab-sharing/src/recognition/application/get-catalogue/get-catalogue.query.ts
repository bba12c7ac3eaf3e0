import { pageFields, parseFields, requestField } from '@medgrid/errors';
import { pageRequest, type PageRequest, type PageRules } from '@medgrid/kernel';
import { z } from 'zod';

/** A catalogue pages by item code. */
export const CATALOGUE_PAGES: PageRules<string> = {
  max: 500,
  default: 100,
  keyLength: 1,
  cursor: ([code]) => (typeof code === 'string' && code !== '' ? code : null),
};

const fields = z.object({
  regionId: requestField.uuid(),
  ...pageFields(CATALOGUE_PAGES),
});

export type GetCatalogueInput = z.input<typeof fields>;

/** GetCatalogue: a page of a region's catalogue, by code. */
export class GetCatalogueQuery {
  private constructor(
    readonly regionId: string,
    readonly page: PageRequest<string>,
  ) {}

  static create(input: GetCatalogueInput): GetCatalogueQuery {
    const f = parseFields(fields, input);
    return new GetCatalogueQuery(f.regionId, pageRequest(f, CATALOGUE_PAGES));
  }
}
