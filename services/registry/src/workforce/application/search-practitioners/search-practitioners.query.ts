import { parseFields, requestField } from '@medgrid/errors';
import { pageRequest, type PageRequest } from '@medgrid/kernel';
import { z } from 'zod';
import { NAME_PAGES, namePageFields, type Named } from '../../../common/name-pages';

const fields = z.object({
  nameContains: requestField.optionalText(50, { trim: false }),
  ...namePageFields,
  institutionId: requestField.optionalUuid(),
  specialtyCode: z.string(),
});

export type SearchPractitionersInput = z.input<typeof fields>;

/** SearchPractitioners: practitioners by name, home institution or specialty, a page at a time. */
export class SearchPractitionersQuery {
  private constructor(
    /** As sent; empty for any name. */
    readonly nameContains: string,
    /** Lower case; undefined for any. */
    readonly institutionId: string | undefined,
    /** A specialty and its sub-specialties; empty for any. */
    readonly specialtyCode: string,
    readonly page: PageRequest<Named>,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: SearchPractitionersInput): SearchPractitionersQuery {
    const q = parseFields(fields, input);
    return new SearchPractitionersQuery(
      q.nameContains,
      q.institutionId,
      q.specialtyCode,
      pageRequest(q, NAME_PAGES),
    );
  }
}
