import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { GENERIC_NAME_MAX } from '../../domain/drug';
import { catalogueField } from '../catalogue-fields';

const fields = z.object({
  genericName: requestField.text(GENERIC_NAME_MAX),
  at: catalogueField.instant(),
  groupId: requestField.optionalUuid(),
});

export type SearchDrugsInput = z.input<typeof fields>;

/** SearchDrugs: the drugs of a group's catalogue whose generic name contains a text. */
export class SearchDrugsQuery {
  private constructor(
    /** Trimmed. */
    readonly genericName: string,
    /** Undefined: now. */
    readonly at: Date | undefined,
    /** The group asked for; null: the caller's. */
    readonly groupId: string | null,
  ) {}

  static create(input: SearchDrugsInput): SearchDrugsQuery {
    const f = parseFields(fields, input);
    return new SearchDrugsQuery(f.genericName, f.at, f.groupId ?? null);
  }
}
