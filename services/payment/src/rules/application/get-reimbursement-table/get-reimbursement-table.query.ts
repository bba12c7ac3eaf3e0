import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  regionId: requestField.uuid(),
  at: z.date().optional(),
});

export type GetReimbursementTableInput = z.input<typeof fields>;

/** GetReimbursementTable: a region's table in force at an instant (now when none is given). */
export class GetReimbursementTableQuery {
  private constructor(
    readonly regionId: string,
    readonly at: Date | null,
  ) {}

  static create(input: GetReimbursementTableInput): GetReimbursementTableQuery {
    const f = parseFields(fields, input);
    return new GetReimbursementTableQuery(f.regionId, f.at ?? null);
  }
}
