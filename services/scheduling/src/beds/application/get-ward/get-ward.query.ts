import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ wardId: requestField.uuid() });

/** GetWard: one ward with its beds per pool. */
export class GetWardQuery {
  private constructor(
    /** Lower case. */
    readonly wardId: string,
  ) {}

  static create(input: z.input<typeof fields>): GetWardQuery {
    const { wardId } = parseFields(fields, input);
    return new GetWardQuery(wardId);
  }
}
