import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  institutionId: requestField.optionalUuid(),
});

export type GetFormularyInput = z.input<typeof fields>;

/** GetFormulary: an institution's formulary and stock; the caller's own when none is named. */
export class GetFormularyQuery {
  private constructor(
    /** Lower case; undefined: the caller's institution. */
    readonly institutionId: string | undefined,
  ) {}

  static create(input: GetFormularyInput): GetFormularyQuery {
    return new GetFormularyQuery(parseFields(fields, input).institutionId);
  }
}
