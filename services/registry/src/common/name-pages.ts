import { isUuid, requestField } from '@medgrid/errors';
import { type PageKey, pageRequest, type PageRules } from '@medgrid/kernel';
import { z } from 'zod';

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
export const namePageFields = {
  pageSize: requestField.checked(z.number(), (pageSize) => pageRequest({ pageSize }, NAME_PAGES).problems),
  pageToken: requestField.checked(z.string(), (pageToken) => pageRequest({ pageToken }, NAME_PAGES).problems),
};
