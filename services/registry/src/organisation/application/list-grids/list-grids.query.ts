import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ cityId: requestField.uuid() });

/** ListGrids: the grids of one city. */
export class ListGridsQuery {
  private constructor(
    /** Lower case. */
    readonly cityId: string,
  ) {}

  static create(input: z.input<typeof fields>): ListGridsQuery {
    const { cityId } = parseFields(fields, input);
    return new ListGridsQuery(cityId);
  }
}
