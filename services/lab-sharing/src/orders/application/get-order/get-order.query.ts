import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  orderId: requestField.uuid(),
  'x-purpose': requestField.purpose('order'),
});

export type GetOrderInput = z.input<typeof fields>;

/** GetOrder: one order, an audited read of patient data. */
export class GetOrderQuery {
  private constructor(
    readonly orderId: string,
    /** Why the caller reads it, for the audit log. */
    readonly purpose: string,
  ) {}

  static create(input: GetOrderInput): GetOrderQuery {
    const f = parseFields(fields, input);
    return new GetOrderQuery(f.orderId, f['x-purpose']);
  }
}
