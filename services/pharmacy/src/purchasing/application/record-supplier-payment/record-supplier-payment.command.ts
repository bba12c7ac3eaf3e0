import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { purchasingField } from '../purchasing-fields';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  supplier: purchasingField.supplier(),
  // The ledger names a fraction (a price in yuan), zero or a negative amount: INVALID_PAYMENT on amountFen.
  amountFen: z.number(),
  reference: purchasingField.reference(),
});

export type RecordSupplierPaymentInput = z.input<typeof fields>;

/** RecordSupplierPayment: a payment to a supplier, in fen. */
export class RecordSupplierPaymentCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly supplier: string,
    readonly amountFen: number,
    readonly reference: string,
  ) {}

  static create(input: RecordSupplierPaymentInput): RecordSupplierPaymentCommand {
    const f = parseFields(fields, input);
    return new RecordSupplierPaymentCommand(f.clientRequestId, f.supplier, f.amountFen, f.reference);
  }
}
