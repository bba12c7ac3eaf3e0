import { parseFields, requestField } from '@medgrid/errors';
import { pageRequest, type PageRequest } from '@medgrid/kernel';
import { z } from 'zod';
import { NAME_PAGES, namePageFields, type Named } from '../../../common/name-pages';
import { type InstitutionLevel, type InstitutionType } from '../../domain/institution-classification';

const fields = z.object({
  nameContains: requestField.optionalText(100, { trim: false }),
  ...namePageFields,
  gridId: requestField.optionalUuid(),
  groupId: requestField.optionalUuid(),
  creditCode: z.string().transform((code) => code.trim().toUpperCase()),
  level: z.custom<InstitutionLevel | undefined>(),
  type: z.custom<InstitutionType | undefined>(),
});

export type SearchInstitutionsInput = z.input<typeof fields>;

/** SearchInstitutions: institutions by name, credit code, grid, group, level or type, a page at a time. */
export class SearchInstitutionsQuery {
  private constructor(
    /** As sent; empty for any name. */
    readonly nameContains: string,
    /** Upper case; empty for any. */
    readonly creditCode: string,
    /** Lower case, like the group's id; undefined for any. */
    readonly gridId: string | undefined,
    readonly groupId: string | undefined,
    /** Undefined for any. */
    readonly level: InstitutionLevel | undefined,
    readonly type: InstitutionType | undefined,
    readonly page: PageRequest<Named>,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: SearchInstitutionsInput): SearchInstitutionsQuery {
    const q = parseFields(fields, input);
    const page = pageRequest(q, NAME_PAGES);
    return new SearchInstitutionsQuery(
      q.nameContains,
      q.creditCode,
      q.gridId,
      q.groupId,
      q.level,
      q.type,
      page,
    );
  }
}
