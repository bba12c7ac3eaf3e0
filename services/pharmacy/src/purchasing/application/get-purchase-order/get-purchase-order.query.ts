import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ purchaseOrderId: requestField.uuid() });

export type GetPurchaseOrderInput = z.input<typeof fields>;

/** GetPurchaseOrder: one purchase order of the caller's group. */
export class GetPurchaseOrderQuery {
  private constructor(readonly purchaseOrderId: string) {}

  static create(input: GetPurchaseOrderInput): GetPurchaseOrderQuery {
    return new GetPurchaseOrderQuery(parseFields(fields, input).purchaseOrderId);
  }
}
