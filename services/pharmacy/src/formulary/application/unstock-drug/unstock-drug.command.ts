import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { catalogueField } from '../../../catalogue/application/catalogue-fields';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  drugCode: catalogueField.drugCode(),
});

export type UnstockDrugInput = z.input<typeof fields>;

/** UnstockDrug: a drug off the caller's institution's formulary. */
export class UnstockDrugCommand {
  private constructor(
    readonly clientRequestId: string,
    /** Upper case. */
    readonly drugCode: string,
  ) {}

  static create(input: UnstockDrugInput): UnstockDrugCommand {
    const f = parseFields(fields, input);
    return new UnstockDrugCommand(f.clientRequestId, f.drugCode);
  }
}
