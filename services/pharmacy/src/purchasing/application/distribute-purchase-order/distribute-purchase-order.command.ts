import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ clientRequestId: requestField.uuid(), purchaseOrderId: requestField.uuid() });

export type DistributePurchaseOrderInput = z.input<typeof fields>;

/** DistributePurchaseOrder: a purchase order closed and what it received given to the institutions. */
export class DistributePurchaseOrderCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly purchaseOrderId: string,
  ) {}

  static create(input: DistributePurchaseOrderInput): DistributePurchaseOrderCommand {
    const f = parseFields(fields, input);
    return new DistributePurchaseOrderCommand(f.clientRequestId, f.purchaseOrderId);
  }
}
