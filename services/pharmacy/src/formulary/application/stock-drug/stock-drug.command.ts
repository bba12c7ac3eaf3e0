import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { catalogueField } from '../../../catalogue/application/catalogue-fields';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  drugCode: catalogueField.drugCode(),
});

export type StockDrugInput = z.input<typeof fields>;

/** StockDrug: a catalogue drug onto the caller's institution's formulary. */
export class StockDrugCommand {
  private constructor(
    readonly clientRequestId: string,
    /** Upper case. */
    readonly drugCode: string,
  ) {}

  static create(input: StockDrugInput): StockDrugCommand {
    const f = parseFields(fields, input);
    return new StockDrugCommand(f.clientRequestId, f.drugCode);
  }
}
