import { parseFields } from '@medgrid/errors';
import { z } from 'zod';
import { residentIdNumberField } from '../resident-fields';

const fields = z.object({
  residentIdNumber: residentIdNumberField().transform((residentId) => residentId.value),
});

/** The resident of an ID number, for an import row that names residents by it. */
export class FindResidentByIdNumberQuery {
  private constructor(
    /** Upper case, verified. */
    readonly residentIdNumber: string,
  ) {}

  static create(input: z.input<typeof fields>): FindResidentByIdNumberQuery {
    const { residentIdNumber } = parseFields(fields, input);
    return new FindResidentByIdNumberQuery(residentIdNumber);
  }
}
