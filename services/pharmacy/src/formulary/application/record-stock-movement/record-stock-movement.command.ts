import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { catalogueField } from '../../../catalogue/application/catalogue-fields';
import { type StockMovementKind } from '../../domain/stock-balance';

export const REASON_MAX = 200;

const fields = z.object({
  clientRequestId: requestField.uuid(),
  drugCode: catalogueField.drugCode(),
  kind: requestField.present<StockMovementKind>('received or issued'),
  // The balance checks the quantity (INVALID_QUANTITY naming quantity).
  quantity: z.number(),
  reason: requestField.text(REASON_MAX),
});

export type RecordStockMovementInput = z.input<typeof fields>;

/** RecordStockMovement: packs of a stocked drug received into, or issued from, the caller's institution's stock. */
export class RecordStockMovementCommand {
  private constructor(
    readonly clientRequestId: string,
    /** Upper case. */
    readonly drugCode: string,
    readonly kind: StockMovementKind,
    readonly quantity: number,
    readonly reason: string,
  ) {}

  static create(input: RecordStockMovementInput): RecordStockMovementCommand {
    const f = parseFields(fields, input);
    return new RecordStockMovementCommand(f.clientRequestId, f.drugCode, f.kind, f.quantity, f.reason);
  }
}
