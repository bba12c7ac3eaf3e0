import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { catalogueField } from '../../../catalogue/application/catalogue-fields';
import { type RequisitionLine } from '../../domain/requisition';
import { purchasingField } from '../purchasing-fields';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  // The requisition names an empty or too long list, and every line's drug and quantity, at once.
  lines: z.array(z.object({ drugCode: catalogueField.drugCode(), quantity: purchasingField.quantity() })),
});

export type RaiseRequisitionInput = z.input<typeof fields>;

/** RaiseRequisition: packs of drugs of the caller's institution's formulary, asked of the purchasing centre. */
export class RaiseRequisitionCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly lines: readonly RequisitionLine[],
  ) {}

  static create(input: RaiseRequisitionInput): RaiseRequisitionCommand {
    const f = parseFields(fields, input);
    return new RaiseRequisitionCommand(f.clientRequestId, f.lines);
  }
}
