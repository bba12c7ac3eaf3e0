import { parseFields, requestField } from '@medgrid/errors';
import { pageRequest, type PageRequest } from '@medgrid/kernel';
import { z } from 'zod';
import { NAME_PAGES, namePageFields, type Named } from '../../../common/name-pages';

const fields = z.object({
  gridId: requestField.uuid(),
  nameContains: requestField.optionalText(50),
  ...namePageFields,
  purpose: z.string(),
});

export type SearchResidentsInput = z.input<typeof fields>;

/** SearchResidents: the residents of a grid by name, a page at a time. */
export class SearchResidentsQuery {
  private constructor(
    /** Lower case. */
    readonly gridId: string,
    /** Trimmed; empty for any name. */
    readonly nameContains: string,
    readonly page: PageRequest<Named>,
    /** Why the caller reads (x-purpose), for the audit trail. */
    readonly purpose: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: SearchResidentsInput): SearchResidentsQuery {
    const q = parseFields(fields, input);
    return new SearchResidentsQuery(q.gridId, q.nameContains, pageRequest(q, NAME_PAGES), q.purpose);
  }
}
