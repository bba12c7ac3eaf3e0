import { parseFields } from '@medgrid/errors';
import { z } from 'zod';
import { catalogueField } from '../catalogue-fields';

const fields = z.object({
  code: catalogueField.drugCode(),
  at: catalogueField.instant(),
});

export type GetDrugInput = z.input<typeof fields>;

/** GetDrug: one drug of the caller's group's catalogue, in force at an instant and with every version. */
export class GetDrugQuery {
  private constructor(
    /** Upper case. */
    readonly code: string,
    /** Undefined: now. */
    readonly at: Date | undefined,
  ) {}

  static create(input: GetDrugInput): GetDrugQuery {
    const f = parseFields(fields, input);
    return new GetDrugQuery(f.code, f.at);
  }
}
