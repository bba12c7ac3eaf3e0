import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ clientRequestId: requestField.uuid() });

export type PlacePurchaseOrdersInput = z.input<typeof fields>;

/** PlacePurchaseOrders: the group's open requisitions into purchase orders, one per supplier. */
export class PlacePurchaseOrdersCommand {
  private constructor(readonly clientRequestId: string) {}

  static create(input: PlacePurchaseOrdersInput): PlacePurchaseOrdersCommand {
    return new PlacePurchaseOrdersCommand(parseFields(fields, input).clientRequestId);
  }
}
