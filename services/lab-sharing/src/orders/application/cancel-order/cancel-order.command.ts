import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { CANCEL_REASON_MAX } from '../../domain/order';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  orderId: requestField.uuid(),
  reason: requestField.text(CANCEL_REASON_MAX),
});

export type CancelOrderInput = z.input<typeof fields>;

/** CancelOrder: the ordering site withdraws an order, with its reason, until its report is signed. */
export class CancelOrderCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly orderId: string,
    readonly reason: string,
  ) {}

  static create(input: CancelOrderInput): CancelOrderCommand {
    const f = parseFields(fields, input);
    return new CancelOrderCommand(f.clientRequestId, f.orderId, f.reason);
  }
}
