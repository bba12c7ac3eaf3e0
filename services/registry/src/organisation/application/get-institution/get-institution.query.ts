import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ id: requestField.uuid() });

/** GetInstitution: one institution by id. */
export class GetInstitutionQuery {
  private constructor(
    /** Lower case. */
    readonly id: string,
  ) {}

  static create(input: z.input<typeof fields>): GetInstitutionQuery {
    const { id } = parseFields(fields, input);
    return new GetInstitutionQuery(id);
  }
}
