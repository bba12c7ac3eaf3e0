import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ id: requestField.uuid() });

/** GetPractitioner: one practitioner by id. */
export class GetPractitionerQuery {
  private constructor(
    /** Lower case. */
    readonly id: string,
  ) {}

  static create(input: z.input<typeof fields>): GetPractitionerQuery {
    const { id } = parseFields(fields, input);
    return new GetPractitionerQuery(id);
  }
}
