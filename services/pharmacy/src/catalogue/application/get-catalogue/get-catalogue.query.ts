import { pageFields, parseFields, requestField } from '@medgrid/errors';
import { pageRequest, type PageRequest, type PageRules } from '@medgrid/kernel';
import { z } from 'zod';
import { catalogueField } from '../catalogue-fields';

/** A catalogue pages by drug code. */
export const CATALOGUE_PAGES: PageRules<string> = {
  max: 500,
  default: 100,
  keyLength: 1,
  cursor: ([code]) => (typeof code === 'string' && code !== '' ? code : null),
};

const fields = z.object({
  at: catalogueField.instant(),
  groupId: requestField.optionalUuid(),
  ...pageFields(CATALOGUE_PAGES),
});

export type GetCatalogueInput = z.input<typeof fields>;

/** GetDrugCatalogue: a page of the drugs of a group's catalogue in force at an instant, by code. */
export class GetCatalogueQuery {
  private constructor(
    /** Undefined: now. */
    readonly at: Date | undefined,
    readonly page: PageRequest<string>,
    /** The group asked for; null: the caller's. */
    readonly groupId: string | null,
  ) {}

  static create(input: GetCatalogueInput): GetCatalogueQuery {
    const f = parseFields(fields, input);
    return new GetCatalogueQuery(f.at, pageRequest(f, CATALOGUE_PAGES), f.groupId ?? null);
  }
}
