import { isUuid, pageFields } from '@medgrid/errors';
import { type PageKey, type PageRules } from '@medgrid/kernel';

/** A row of a registry list: every list is ordered by name, then id. */
export interface Named {
  readonly name: string;
  readonly id: string;
}

/** How registry lists page: by (name, id), 50 rows unless asked, at most 500. */
export const NAME_PAGES: PageRules<Named> = {
  max: 500,
  default: 50,
  keyLength: 2,
  cursor: ([name, id]) =>
    typeof name === 'string' && typeof id === 'string' && isUuid(id) ? { name, id } : null,
};

export const nameKey = (row: Named): PageKey => [row.name, row.id];

/**
 * The page fields of a list request, each refused as pageRequest refuses it; once they pass,
 * pageRequest(request, NAME_PAGES) reads the page.
 */
export const namePageFields = pageFields(NAME_PAGES);
