import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { catalogueField } from '../../../catalogue/application/catalogue-fields';
import { type DeliveryLine } from '../../domain/purchase-order';
import { purchasingField } from '../purchasing-fields';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  purchaseOrderId: requestField.uuid(),
  deliveryId: purchasingField.reference(),
  lines: z.array(
    z.object({
      drugCode: catalogueField.drugCode(),
      quantity: purchasingField.quantity(),
      substituteFor: requestField.optionalText(64),
    }),
  ),
});

export type ReceiveDeliveryInput = z.input<typeof fields>;

/** ReceiveDelivery: a supplier's delivery note received at the centre against a purchase order. */
export class ReceiveDeliveryCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly purchaseOrderId: string,
    readonly deliveryId: string,
    readonly lines: readonly DeliveryLine[],
  ) {}

  static create(input: ReceiveDeliveryInput): ReceiveDeliveryCommand {
    const f = parseFields(fields, input);
    return new ReceiveDeliveryCommand(
      f.clientRequestId,
      f.purchaseOrderId,
      f.deliveryId,
      f.lines.map((line) => ({
        drugCode: line.drugCode,
        quantity: line.quantity,
        ...(line.substituteFor ? { substituteFor: line.substituteFor.toUpperCase() } : {}),
      })),
    );
  }
}
