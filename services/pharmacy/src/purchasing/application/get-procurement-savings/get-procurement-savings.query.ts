import { parseFields, refusal } from '@medgrid/errors';
import { z } from 'zod';
import { purchasingField } from '../purchasing-fields';

const fields = z
  .object({ from: purchasingField.instant(), to: purchasingField.instant() })
  .refine((f) => !f.from || !f.to || f.from.getTime() < f.to.getTime(), {
    ...refusal('OUT_OF_RANGE', 'must be after from'),
    path: ['to'],
  });

export type GetProcurementSavingsInput = z.input<typeof fields>;

/** GetProcurementSavings: the deliveries received in [from, to). */
export class GetProcurementSavingsQuery {
  private constructor(
    readonly from: Date,
    readonly to: Date,
  ) {}

  static create(input: GetProcurementSavingsInput): GetProcurementSavingsQuery {
    const f = parseFields(fields, input);
    return new GetProcurementSavingsQuery(f.from!, f.to!);
  }
}
